# `cmake --install` into a fresh prefix, then what a user does with it: run
# `afterflow` from its bin/, and build and run the README's C++ example
# against the installed package (tests/install/consumer).
#   -DBUILD_DIR=<afterflow build> -DWORK_DIR=<scratch> -DSOURCE_DIR=<repo> -DCXX=<compiler>
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
foreach(path bin/afterflow include/afterflow/interpreter/testing/simulation.hpp
             include/afterflow/interpreter/testing/matchers.hpp include/afterflow/grammar/time.hpp
             lib/cmake/afterflow/afterflowConfig.cmake)
  if(NOT EXISTS ${prefix}/${path})
    message(FATAL_ERROR "not installed: ${path}")
  endif()
endforeach()
# Internal headers stay in the source tree.
file(GLOB_RECURSE internal ${prefix}/include/afterflow/*/internal/*)
if(internal)
  message(FATAL_ERROR "internal headers installed: ${internal}")
endif()

run(${prefix}/bin/afterflow check ${SOURCE_DIR}/examples/flows)
if(NOT last_output MATCHES "checked [0-9]+ files")
  message(FATAL_ERROR "unexpected output of the installed afterflow: ${last_output}")
endif()

run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/install/consumer -B ${WORK_DIR}/consumer
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Release
    -DEXAMPLE=${SOURCE_DIR}/tests/testing/docs_example_test.cpp)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/consumer)
run(${WORK_DIR}/consumer/review_request_test)
if(NOT last_output MATCHES "PASSED")
  message(FATAL_ERROR "the example did not pass:\n${last_output}")
endif()
message(STATUS "installed afterflow works from ${prefix}")
