#include "panel_backdrop.h"

#include <string>
#include <unordered_map>

namespace optirace {

namespace {
struct Rect {
  ImVec2 min, max;
  bool overlaps(const Rect& o) const {
    return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y;
  }
};
// Window name → rectangle, as last frame drew it and as this frame draws it.
std::unordered_map<std::string, Rect> lastFrame, thisFrame;
std::vector<BackdropPanel> onBackdrop;  // this frame's, in the order they began
std::string current;                    // the window beginWindow began last

bool overlapsAnother(const std::string& name) {
  auto self = lastFrame.find(name);
  if (self == lastFrame.end()) return true;  // not drawn last frame: no evidence, keep the fill
  for (const auto& [other, rect] : lastFrame)
    if (other != name && rect.overlaps(self->second)) return true;
  return false;
}
}  // namespace

void beginWindowFrame() {
  lastFrame.swap(thisFrame);
  thisFrame.clear();
  onBackdrop.clear();
}

bool beginWindow(const char* name, bool* open, ImGuiWindowFlags flags, bool sharedBackdrop) {
  bool shared = sharedBackdrop && !overlapsAnother(name);
  if (shared) ImGui::SetNextWindowBgAlpha(0.0f);
  bool visible = ImGui::Begin(name, open, flags);
  ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  ImVec2 max{pos.x + size.x, pos.y + size.y};
  thisFrame[name] = {pos, max};
  if (shared) onBackdrop.push_back({name, pos, max, false, {}, {}});
  current = name;
  return visible;
}

void setPictureHole(ImVec2 min, ImVec2 max) {
  for (BackdropPanel& panel : onBackdrop)
    if (panel.name == current) {
      panel.hasHole = true;
      panel.holeMin = min;
      panel.holeMax = max;
    }
}

std::vector<BackdropPanel> panelsOnBackdrop() {
  return onBackdrop;
}

}  // namespace optirace
