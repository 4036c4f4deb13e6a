# `cmake --install BUILD [--prefix P]`: the program and its man page, the
# public headers, librfy (shared with SOVERSION, and static), rfy.pc for
# pkg-config, and a CMake package so that find_package(rfy) gives rfy::rfy
# (shared) and rfy::rfy_static.
include(CMakePackageConfigHelpers)

install(TARGETS rfy RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES "${CMAKE_SOURCE_DIR}/docs/rfy.1" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

file(GLOB RFY_PUBLIC_HEADERS "${CMAKE_SOURCE_DIR}/include/rfy/*.h")
install(FILES ${RFY_PUBLIC_HEADERS} "${CMAKE_BINARY_DIR}/include/rfy/version.h"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/rfy)

install(TARGETS rfy_shared rfycalc EXPORT rfyTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT rfyTargets NAMESPACE rfy:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/rfy)

configure_package_config_file("${CMAKE_SOURCE_DIR}/cmake/rfyConfig.cmake.in"
  "${CMAKE_BINARY_DIR}/rfyConfig.cmake" INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/rfy)
write_basic_package_version_file("${CMAKE_BINARY_DIR}/rfyConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES "${CMAKE_BINARY_DIR}/rfyConfig.cmake" "${CMAKE_BINARY_DIR}/rfyConfigVersion.cmake"
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/rfy)

# rfy.pc: prefix found relative to the .pc file itself (${pcfiledir}), so it is
# right for any `cmake --install --prefix P` and for a moved tree.
file(RELATIVE_PATH RFY_PC_TO_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
configure_file("${CMAKE_SOURCE_DIR}/cmake/rfy.pc.in" "${CMAKE_BINARY_DIR}/rfy.pc" @ONLY)
install(FILES "${CMAKE_BINARY_DIR}/rfy.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
