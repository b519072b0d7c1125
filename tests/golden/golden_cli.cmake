# Runs `afterflow run` on one golden replay case (tests/golden/run/CASE),
# from the repository root, and compares what it prints with the reviewed
# files: standard output with summary.txt, standard error with errors.txt,
# the --out file with actions.jsonl, the exit status with exit_status.txt
# (each absent file meaning empty output, or status 0).
#
#   cmake -DAFTERFLOW=… -DSOURCE_DIR=… -DCASE=… -DWORK_DIR=… -P golden_cli.cmake
cmake_minimum_required(VERSION 3.25)

set(case_rel "tests/golden/run/${CASE}")
set(case_dir "${SOURCE_DIR}/${case_rel}")

function(read_lines path out)
  file(STRINGS "${path}" raw)
  set(lines "")
  foreach(line IN LISTS raw)
    string(STRIP "${line}" line)
    if(NOT line STREQUAL "" AND NOT line MATCHES "^#")
      list(APPEND lines "${line}")
    endif()
  endforeach()
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

# The arguments, as tests/golden/golden_run_test.cpp reads the case.
set(args run)
if(EXISTS "${case_dir}/flows.txt")
  read_lines("${case_dir}/flows.txt" flows)
  list(APPEND args ${flows})
else()
  list(APPEND args "${case_rel}/flows")
endif()
if(EXISTS "${case_dir}/events.txt")
  read_lines("${case_dir}/events.txt" events)
elseif(EXISTS "${case_dir}/events.jsonl")
  set(events "${case_rel}/events.jsonl")
else()
  set(events "${case_rel}/events.jsonl.gz")
endif()
list(APPEND args --events "${events}")
if(EXISTS "${case_dir}/profiles.txt")
  read_lines("${case_dir}/profiles.txt" profiles)
  list(APPEND args --profiles "${profiles}")
elseif(EXISTS "${case_dir}/profiles.jsonl")
  list(APPEND args --profiles "${case_rel}/profiles.jsonl")
endif()
if(EXISTS "${case_dir}/options.txt")
  read_lines("${case_dir}/options.txt" options)
  foreach(option IN LISTS options)
    if(option MATCHES "^until (.+)$")
      list(APPEND args --until "${CMAKE_MATCH_1}")
    elseif(option STREQUAL "sort")
      list(APPEND args --sort)
    elseif(option MATCHES "^on-bad-event (fail|skip)$")
      list(APPEND args "--on-bad-event=${CMAKE_MATCH_1}")
    else()
      message(FATAL_ERROR "${case_rel}/options.txt: unknown option `${option}`")
    endif()
  endforeach()
endif()

set(out_dir "${WORK_DIR}/${CASE}")
file(REMOVE_RECURSE "${out_dir}")
file(MAKE_DIRECTORY "${out_dir}")
list(APPEND args --out "${out_dir}/actions.jsonl" --summary --color never)

execute_process(
  COMMAND "${AFTERFLOW}" ${args}
  WORKING_DIRECTORY "${SOURCE_DIR}"
  OUTPUT_VARIABLE stdout
  ERROR_VARIABLE stderr
  RESULT_VARIABLE status)

set(failed FALSE)
function(expect_same what expected_file actual)
  if(EXISTS "${expected_file}")
    file(READ "${expected_file}" expected)
  else()
    set(expected "")
  endif()
  if(NOT expected STREQUAL actual)
    file(WRITE "${out_dir}/${what}.actual" "${actual}")
    message(SEND_ERROR "${case_rel}: ${what} differs from ${expected_file}\n"
                       "(the command's output is in ${out_dir}/${what}.actual)")
  endif()
endfunction()

string(JOIN " " shown ${args})
message(STATUS "afterflow ${shown}")
expect_same(summary "${case_dir}/summary.txt" "${stdout}")
expect_same(errors "${case_dir}/errors.txt" "${stderr}")
if(EXISTS "${out_dir}/actions.jsonl")
  file(READ "${out_dir}/actions.jsonl" actions)
else()
  set(actions "")
endif()
expect_same(actions "${case_dir}/actions.jsonl" "${actions}")
if(status STREQUAL "0")
  set(status_text "")
else()
  set(status_text "${status}\n")
endif()
expect_same(exit_status "${case_dir}/exit_status.txt" "${status_text}")
