# The README's main command, exactly as printed there, run from the
# repository root: its standard output must be the reviewed summary of the
# example shop, and it must exit 0 with nothing on standard error.
#
#   cmake -DAFTERFLOW=… -DSOURCE_DIR=… -DEXPECTED=… -P readme_command.cmake
cmake_minimum_required(VERSION 3.25)

execute_process(
  COMMAND "${AFTERFLOW}" run examples/flows --events examples/events/shop.jsonl
          --profiles examples/events/profiles.jsonl --summary
  WORKING_DIRECTORY "${SOURCE_DIR}"
  OUTPUT_VARIABLE stdout
  ERROR_VARIABLE stderr
  RESULT_VARIABLE status)

file(READ "${EXPECTED}" expected)
if(NOT status STREQUAL "0")
  message(SEND_ERROR "the README's command exited with ${status}:\n${stderr}")
endif()
if(NOT stderr STREQUAL "")
  message(SEND_ERROR "the README's command wrote to standard error:\n${stderr}")
endif()
if(NOT stdout STREQUAL expected)
  message(SEND_ERROR "the README's command printed a different summary than ${EXPECTED}:\n${stdout}")
endif()
