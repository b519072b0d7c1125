# The same replay, explain and test run under other environments must print
# the same bytes: other TZ values (the machine's zone must never leak in),
# other locales (LANG, LC_ALL: no locale-dependent formatting or case
# folding, Turkish dotless i included), and another working directory that
# reaches the same files through the same relative paths.
#
#   cmake -DAFTERFLOW=… -DSOURCE_DIR=… -DWORK_DIR=… -P environment.cmake
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/elsewhere")
# A second working directory: `examples` is the repository's, by a link.
file(CREATE_LINK "${SOURCE_DIR}/examples" "${WORK_DIR}/elsewhere/examples" SYMBOLIC)

set(commands
  "run|examples/flows|--events|examples/events/shop.jsonl|--profiles|examples/events/profiles.jsonl"
  "run|examples/flows|--events|examples/events/shop.jsonl|--profiles|examples/events/profiles.jsonl|--summary|--format|json"
  "explain|examples/flows|--events|examples/events/shop.jsonl|--profiles|examples/events/profiles.jsonl|--customer|c07"
  "test|examples/flows|--format|json")
set(environments
  "TZ=UTC|LANG=C|LC_ALL=C"
  "TZ=Asia/Kathmandu|LANG=tr_TR.UTF-8|LC_ALL=tr_TR.UTF-8"
  "TZ=America/St_Johns|LANG=de_DE.UTF-8|LC_ALL=de_DE.UTF-8|LC_NUMERIC=de_DE.UTF-8"
  "TZ=:/etc/localtime|LANG=ja_JP.eucJP"
  "TZ=Nowhere/Invalid+5|LC_ALL=POSIX")

set(index 0)
foreach(command IN LISTS commands)
  string(REPLACE "|" ";" args "${command}")
  set(reference "")
  set(env_index 0)
  foreach(environment IN LISTS environments)
    string(REPLACE "|" ";" vars "${environment}")
    foreach(cwd IN ITEMS "${SOURCE_DIR}" "${WORK_DIR}/elsewhere")
      execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=TZ --unset=LANG --unset=LC_ALL ${vars} ${AFTERFLOW} ${args}
                      WORKING_DIRECTORY "${cwd}" OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
      if(NOT status EQUAL 0)
        message(FATAL_ERROR "`afterflow ${args}` under ${environment} in ${cwd} exited with ${status}:\n${err}")
      endif()
      string(LENGTH "${out}" length)
      if(length LESS 100)
        message(FATAL_ERROR "`afterflow ${args}` printed almost nothing (${length} bytes): nothing to compare")
      endif()
      if(reference STREQUAL "")
        set(reference "${out}")
        set(reference_env "${environment} in ${cwd}")
      elseif(NOT out STREQUAL reference)
        file(WRITE "${WORK_DIR}/${index}.expected" "${reference}")
        file(WRITE "${WORK_DIR}/${index}.actual" "${out}")
        message(FATAL_ERROR "`afterflow ${args}` printed other bytes under ${environment} in ${cwd} than under "
                            "${reference_env} (see ${WORK_DIR}/${index}.expected and .actual)")
      endif()
    endforeach()
  endforeach()
  math(EXPR index "${index} + 1")
endforeach()
message(STATUS "4 commands gave the same bytes under 5 environments in 2 working directories")
