# Rendering tests: they need an X display (scripts/test runs CTest under xvfb-run) and skip
# cleanly without one.
add_executable(optirace_gl_tests gl_render_test.cpp)
target_link_libraries(optirace_gl_tests PRIVATE optirace_render optirace_window GTest::gtest_main)
target_compile_definitions(optirace_gl_tests PRIVATE
  OPTIRACE_BINARY="$<TARGET_FILE:optirace>"
  OPTIRACE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(optirace_gl_tests optirace)
gtest_discover_tests(optirace_gl_tests DISCOVERY_TIMEOUT 60)

# The real window, scripted: play, step, slider change, reset, screenshot; no GL errors.
add_test(NAME gui_smoke_test COMMAND optirace --smoke-test)
set_tests_properties(gui_smoke_test PROPERTIES TIMEOUT 300 ENVIRONMENT "OPTIRACE_CONFIG_DIR=${CMAKE_BINARY_DIR}/test-config")
