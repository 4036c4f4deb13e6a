# Every tests/test_*.c is one Check program and one ctest test.  Shared test
# helpers live in tests/support/.  Shell tests (tests/*.sh) drive build/rfy.
file(GLOB RFY_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/test_*.c")
file(GLOB RFY_TEST_SUPPORT CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/support/*.c")
# The Check programs that test calc/'s internals see its private headers; every
# other one sees the library as a program does, through include/rfy/ only.  A
# test is internal when it includes a header of calc/ (or tests/support/
# one_case.h or tests/reference/, which do, or a fuzz target, which reaches inside): found here,
# so the list cannot go stale.
file(GLOB RFY_CALC_PRIVATE_HEADERS "${CMAKE_SOURCE_DIR}/calc/*/*.h" "${CMAKE_SOURCE_DIR}/fuzz/*.c"
     "${CMAKE_SOURCE_DIR}/tests/reference/*.[ch]")
set(RFY_INTERNAL_INCLUDES "one_case.h")
foreach(h IN LISTS RFY_CALC_PRIVATE_HEADERS)
  get_filename_component(hn "${h}" NAME)
  list(APPEND RFY_INTERNAL_INCLUDES "${hn}")
endforeach()
set(RFY_INTERNAL_TESTS "")
foreach(src IN LISTS RFY_TEST_SOURCES)
  get_filename_component(name "${src}" NAME_WE)
  file(STRINGS "${src}" incs REGEX "^#include \"[a-z0-9_./]+\\.[ch]\"")
  foreach(line IN LISTS incs)
    string(REGEX REPLACE "^#include \"([a-z0-9_./]*/)?([a-z0-9_]+\\.[ch])\".*" "\\2" hn "${line}")
    if(hn IN_LIST RFY_INTERNAL_INCLUDES)
      list(APPEND RFY_INTERNAL_TESTS ${name})
      break()
    endif()
  endforeach()
endforeach()
# tests/support/one_case.c reads the structs too.
set_source_files_properties("${CMAKE_SOURCE_DIR}/tests/support/one_case.c" PROPERTIES
  INCLUDE_DIRECTORIES "${CMAKE_SOURCE_DIR}/calc/base;${CMAKE_SOURCE_DIR}/calc/law;${CMAKE_SOURCE_DIR}/calc/run")
foreach(src IN LISTS RFY_TEST_SOURCES)
  get_filename_component(name "${src}" NAME_WE)
  add_executable(${name} "${src}" ${RFY_TEST_SUPPORT})
  target_include_directories(${name} PRIVATE "${CMAKE_SOURCE_DIR}/tests/support"
                                             "${CMAKE_SOURCE_DIR}/cli")
  if(name IN_LIST RFY_INTERNAL_TESTS)
    target_include_directories(${name} PRIVATE "${CMAKE_SOURCE_DIR}/calc/base"
                               "${CMAKE_SOURCE_DIR}/calc/law" "${CMAKE_SOURCE_DIR}/calc/run")
  endif()
  target_link_libraries(${name} PRIVATE rfycli PkgConfig::CHECK)
  target_compile_definitions(${name} PRIVATE RFY_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
                                             RFY_BINARY_DIR="${CMAKE_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "CK_DEFAULT_TIMEOUT=60")
endforeach()

file(GLOB RFY_SHELL_TESTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/test_*.sh")
foreach(sh IN LISTS RFY_SHELL_TESTS)
  get_filename_component(name "${sh}" NAME_WE)
  add_test(NAME ${name} COMMAND bash "${sh}" "$<TARGET_FILE:rfy>" "${CMAKE_SOURCE_DIR}")
endforeach()
# The installed example is compiled with the flags the library was built with.
if(RFY_SANITIZE)
  set_tests_properties(test_install PROPERTIES
    ENVIRONMENT "RFY_SANITIZE_FLAGS=-fsanitize=address,undefined")
endif()
# test_csv_split compares the CSV reader with libcsv itself.
target_link_libraries(test_csv_split PRIVATE csv)
# test_ledger_rows reads rows made by the benchmark's generator (bench/gen.c).
add_dependencies(test_ledger_rows rfy_bench_gen)
