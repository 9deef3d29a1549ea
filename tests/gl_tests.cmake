# Rendering tests: they need an X display (scripts/test runs CTest under xvfb-run) and skip
# cleanly without one.
add_executable(optirace_gl_tests gl_render_test.cpp gl_typed_surface_test.cpp exit_mark_test.cpp
  legend_place_test.cpp step_arrows_test.cpp view3d_test.cpp video_units_test.cpp
  video_export_test.cpp path_pieces_test.cpp vector_figure_test.cpp axis_ticks_test.cpp
  task_figure_test.cpp task_view_layout_test.cpp)
target_link_libraries(optirace_gl_tests PRIVATE optirace_render optirace_window GTest::gtest_main)
target_compile_definitions(optirace_gl_tests PRIVATE
  OPTIRACE_BINARY="$<TARGET_FILE:optirace>"
  OPTIRACE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(optirace_gl_tests optirace)
# Mesa's llvmpipe leaves a few allocations of its JIT-compiled code at exit whose stacks cannot
# be symbolized (so no suppression matches): leak checking is off for the GL processes only;
# every other ASan and UBSan check stays on, and the engine's tests keep leak checking.
set(OPTIRACE_GL_TEST_ENV "ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1")
gtest_discover_tests(optirace_gl_tests DISCOVERY_TIMEOUT 60 PROPERTIES ENVIRONMENT "${OPTIRACE_GL_TEST_ENV}")

# The real window, scripted: play, step, slider change, reset, screenshot; no GL errors.
add_test(NAME gui_smoke_test COMMAND optirace --smoke-test)
set_tests_properties(gui_smoke_test PROPERTIES TIMEOUT 300
  ENVIRONMENT "OPTIRACE_CONFIG_DIR=${CMAKE_BINARY_DIR}/test-config;${OPTIRACE_GL_TEST_ENV}")

# The layout at 1024 × 600 to 3840 × 2160 and 100–200 % UI scale: panels inside the window and
# apart, the canvas usable, no text cut; the light theme's outlines at 3 : 1 or more.
add_test(NAME gui_layout_test COMMAND optirace --layout-test)
set_tests_properties(gui_layout_test PROPERTIES TIMEOUT 600
  ENVIRONMENT "OPTIRACE_CONFIG_DIR=${CMAKE_BINARY_DIR}/test-config-layout;${OPTIRACE_GL_TEST_ENV}")

# No lost work: autosave on every change, restored after the process is killed; a damaged
# autosave set aside. Skipped (77) without an X display.
add_test(NAME gui_autosave_test
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/autosave_test.sh $<TARGET_FILE:optirace>
          ${PROJECT_SOURCE_DIR}/assets/presets)
set_tests_properties(gui_autosave_test PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77
  ENVIRONMENT "${OPTIRACE_GL_TEST_ENV}")

# The window under abuse: 1 × 1 and 8K windows, extreme UI scales, 64 racers, a 10⁷-step race,
# every racer diverged, saving where nothing can be written, closing during a sweep.
add_test(NAME gui_stress_test COMMAND optirace --stress-test)
set_tests_properties(gui_stress_test PROPERTIES TIMEOUT 600 FIXTURES_SETUP stress_closed
  ENVIRONMENT "OPTIRACE_CONFIG_DIR=${CMAKE_BINARY_DIR}/test-config-stress;${OPTIRACE_GL_TEST_ENV}")
# The stress test closes its window while a video is being made into test-config-stress/videos:
# afterwards that folder must be empty (the partial file removed on the way out).
add_test(NAME gui_stress_closed_video_left_nothing
  COMMAND sh -c "test -d videos && test -z \"$(ls -A videos)\""
  WORKING_DIRECTORY ${CMAKE_BINARY_DIR}/test-config-stress)
set_tests_properties(gui_stress_closed_video_left_nothing PROPERTIES FIXTURES_REQUIRED stress_closed)
