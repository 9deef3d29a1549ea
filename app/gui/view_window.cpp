#include "view_window.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "panel_backdrop.h"

namespace optirace {

bool beginViewWindow(const char* name) {
  return beginWindow(name, nullptr,
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                         ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoBringToFrontOnFocus,
                     false);
}

RectPx claimViewArea(const char* id) {
  ImVec2 size = ImGui::GetContentRegionAvail();
  float w = std::max(64.0f, std::floor(size.x)), h = std::max(64.0f, std::floor(size.y));
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, ImVec2(w, h));
  return {std::floor(origin.x), std::floor(origin.y), w, h};
}

}  // namespace optirace
