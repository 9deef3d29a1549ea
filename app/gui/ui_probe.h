// Where named widgets were drawn in the last frame, so that the scripted tests can move the
// mouse there and click or drag as a user would (Dear ImGui 1.86 keeps no such record).
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

namespace optirace {

// Records the rectangle of the item drawn last under `name`.
void probeLastItem(const char* name);
// Its centre as last drawn, or nothing when it has not been drawn.
std::optional<ImVec2> probedCentre(const std::string& name);

}  // namespace optirace
