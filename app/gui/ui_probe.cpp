#include "ui_probe.h"

#include <unordered_map>

namespace optirace {

namespace {
std::unordered_map<std::string, ImVec2> centres;
}

void probeLastItem(const char* name) {
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  centres[name] = ImVec2(0.5f * (min.x + max.x), 0.5f * (min.y + max.y));
}

std::optional<ImVec2> probedCentre(const std::string& name) {
  auto it = centres.find(name);
  if (it == centres.end()) return std::nullopt;
  return it->second;
}

}  // namespace optirace
