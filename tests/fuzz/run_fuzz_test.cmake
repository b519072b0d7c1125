# One fuzz test (tests/fuzz/CMakeLists.txt), run with cmake -P:
#   MODE=corpus  runs FUZZER once on every file of CORPUS and REGRESSIONS
#   MODE=short   fuzzes for SECONDS (-seed=1, -dict=DICT, -max_len=MAX_LEN)
#                in WORK, a fresh copy of both (never the source tree);
#                -entropic=0, since entropic scheduling costs these targets
#                half their speed
# Regression inputs named `pending-*` are reproducers of bugs whose fix has
# not landed yet: they are listed, not run (regressions/README.md).
file(GLOB corpus_files LIST_DIRECTORIES false ${CORPUS}/*)
file(GLOB regression_files LIST_DIRECTORIES false ${REGRESSIONS}/*)
list(FILTER regression_files EXCLUDE REGEX "/README\\.md$")
set(pending ${regression_files})
list(FILTER pending INCLUDE REGEX "/pending-[^/]*$")
list(FILTER regression_files EXCLUDE REGEX "/pending-[^/]*$")
foreach(p IN LISTS pending)
  message(STATUS "not run (pending fix): ${p}")
endforeach()

set(ENV{ASAN_OPTIONS} "detect_leaks=1:abort_on_error=1")
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1:halt_on_error=1")

if(MODE STREQUAL "corpus")
  set(inputs ${corpus_files} ${regression_files})
  list(LENGTH inputs n)
  if(n EQUAL 0)
    message(FATAL_ERROR "no inputs in ${CORPUS}")
  endif()
  execute_process(COMMAND ${FUZZER} -timeout=30 ${inputs} RESULT_VARIABLE status OUTPUT_VARIABLE out
                  ERROR_VARIABLE out)
  if(NOT status EQUAL 0)
    message("${out}")
    message(FATAL_ERROR "${FUZZER} failed on one of its ${n} corpus and regression inputs")
  endif()
  message(STATUS "${n} inputs ran cleanly")
elseif(MODE STREQUAL "short")
  file(REMOVE_RECURSE ${WORK})
  file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
  file(COPY ${corpus_files} ${regression_files} DESTINATION ${WORK}/corpus)
  execute_process(
    COMMAND ${FUZZER} -seed=1 -max_total_time=${SECONDS} -max_len=${MAX_LEN} -dict=${DICT} -timeout=10 -entropic=0
            -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=${WORK}/artifacts/ ${WORK}/corpus
    WORKING_DIRECTORY ${WORK} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  string(REGEX MATCHALL "stat::number_of_executed_units: [0-9]+|#[0-9]+[ \t]+DONE[^\n]*" summary "${out}")
  message(STATUS "${summary}")
  if(NOT status EQUAL 0)
    message("${out}")
    message(FATAL_ERROR "fuzzing found a problem; the input is in ${WORK}/artifacts/")
  endif()
else()
  message(FATAL_ERROR "MODE must be corpus or short")
endif()
