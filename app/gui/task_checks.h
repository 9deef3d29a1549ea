// The smoke test's checks of the window training a task (seed 003 §27.5): a preset's key opens
// it, the canvas shows what core computes at the epoch shown, playback, the slice's choices,
// the learning-rate sweep, the leaderboard's numbers, and the exports.
#pragma once

#include <filesystem>

#include "input_checks.h"

namespace optirace {

void checkTaskMode(GLFWwindow* window, AppState& app, GuiResources& gui,
                   const std::vector<Preset>& presets, const CheckFn& check,
                   const std::filesystem::path& folder);

}  // namespace optirace
