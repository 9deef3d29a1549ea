// Measurements of the real window: frame-time statistics (--bench-frames) and the scripted
// smoke test (--smoke-test) that plays, steps, resets, moves a slider and takes a screenshot.
#pragma once

#include <vector>

#include "frame_loop.h"

namespace optirace {

// 8 racers at 10⁴ steps each on Rosenbrock, the race running; prints frame-time statistics
// and the time of a 3840×2160 PNG export. Returns 0.
int benchmarkFrames(GLFWwindow* window, AppState& app, GuiResources& gui,
                    const std::vector<Preset>& presets, int frames);

// Returns 0 when every step of the script did what it should and GL reported no error.
int smokeTest(GLFWwindow* window, AppState& app, GuiResources& gui,
              const std::vector<Preset>& presets);

// The window at 1024 × 600 to 3840 × 2160 and UI scales 100–200 %: every panel inside the window
// and overlapping no other, the canvas usable, no text cut at a clip edge. Returns 0 when all
// hold. OPTIRACE_LAYOUT_SHOTS=DIR saves a screenshot of each.
int layoutTest(GLFWwindow* window, AppState& app, GuiResources& gui,
               const std::vector<Preset>& presets);

// The window under abuse: 1 × 1 and 8K windows, extreme UI scales, 64 racers, a 10⁷-step race,
// every racer diverged, saving where nothing can be written, closing during a sweep.
int stressTest(GLFWwindow* window, AppState& app, GuiResources& gui,
               const std::vector<Preset>& presets);

}  // namespace optirace
