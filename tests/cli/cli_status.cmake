# Runs one afterflow command and checks its exit status and standard error
# exactly (for command-line errors that have no golden case directory).
#
#   cmake -DAFTERFLOW=… -DSOURCE_DIR=… -DARGS="a;b;c" -DSTATUS=2 -DSTDERR="…" -P cli_status.cmake
cmake_minimum_required(VERSION 3.25)

execute_process(COMMAND "${AFTERFLOW}" ${ARGS}
  WORKING_DIRECTORY "${SOURCE_DIR}"
  RESULT_VARIABLE status
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
if(NOT status STREQUAL STATUS)
  message(FATAL_ERROR "afterflow ${ARGS}: exit status ${status}, expected ${STATUS}\nstderr:\n${err}")
endif()
if(NOT err STREQUAL "${STDERR}\n")
  message(FATAL_ERROR "afterflow ${ARGS}: standard error differs\nexpected:\n${STDERR}\nactual:\n${err}")
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "afterflow ${ARGS}: unexpected standard output:\n${out}")
endif()
