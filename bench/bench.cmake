# Throughput benchmark of `rfy batch` (docs/performance.md).  Never part of
# ctest.  `cmake --build BUILD --target bench` runs bench/run.sh, which builds
# its own Release tree (build-bench, or $RFY_BENCH_BUILD) and measures there,
# so the figures never come from a debug or sanitizer build.
#
# The helper programs are excluded from `all`: run.sh builds them on demand.
foreach(prog gen parse_only measure)
  set(target rfy_bench_${prog})
  if(prog STREQUAL "parse_only")
    set(target rfy_bench_parse)
  endif()
  add_executable(${target} EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/bench/${prog}.c")
endforeach()
target_include_directories(rfy_bench_parse PRIVATE ${CSV_INCLUDE_DIR})
target_link_libraries(rfy_bench_parse PRIVATE ${CSV_LIBRARY})

add_custom_target(bench
  COMMAND bash "${CMAKE_SOURCE_DIR}/bench/run.sh"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
  COMMENT "Benchmark: rfy batch on 1 M and 5 M generated rows (bench/run.sh)"
  USES_TERMINAL)

# The exact number type's micro benchmark (bench/xq_bench.c, docs/performance.md):
# the rules' arithmetic on mpq_t, on rfy__xq and, where FLINT (libflint-dev) is
# installed, on its fmpq_t.  FLINT is only a contender here, not a dependency.
add_executable(rfy_bench_xq EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/bench/xq_bench.c")
target_include_directories(rfy_bench_xq PRIVATE "${CMAKE_SOURCE_DIR}/calc/base")
target_link_libraries(rfy_bench_xq PRIVATE rfycalc)
find_library(RFY_FLINT_LIBRARY flint)
find_path(RFY_FLINT_INCLUDE_DIR flint/fmpq.h)
if(RFY_FLINT_LIBRARY AND RFY_FLINT_INCLUDE_DIR)
  target_compile_definitions(rfy_bench_xq PRIVATE RFY_XQ_BENCH_FLINT)
  target_include_directories(rfy_bench_xq PRIVATE "${RFY_FLINT_INCLUDE_DIR}")
  target_link_libraries(rfy_bench_xq PRIVATE "${RFY_FLINT_LIBRARY}")
endif()
