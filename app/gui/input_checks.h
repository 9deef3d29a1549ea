// Checks of the window driven by real input events (keys through GLFW's callbacks, the mouse
// as the backend reports it): safe shortcuts, undo, a slider drag, presentation mode.
#pragma once

#include <functional>
#include <vector>

#include "frame_loop.h"

namespace optirace {

using CheckFn = std::function<void(bool ok, const char* what)>;

void checkInput(GLFWwindow* window, AppState& app, GuiResources& gui,
                const std::vector<Preset>& presets, const CheckFn& check);

}  // namespace optirace
