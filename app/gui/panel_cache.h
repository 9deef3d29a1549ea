// ImGui's docked panels kept as pictures between frames. llvmpipe shades every pixel ImGui
// draws (frames, text, title bars) each time it is drawn, and while a race runs most panels
// do not change from one frame to the next: only the leaderboard and the step counter do. So a
// panel on the shared backdrop (panel_backdrop.h: it overlaps no other window) is drawn into a
// window-sized layer only when its draw lists differ from last frame's, and copied from there
// into the window every frame; everything else (the canvas windows' toolbars, floating
// windows, popups, tooltips) is drawn directly, after the copies, as ImGui orders it.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <unordered_map>

#include "gl_objects.h"

namespace optirace {

class PanelCache {
 public:
  // Draws ImGui's frame into the bound default framebuffer (fbW × fbH), whose panel areas
  // were cleared to `background`.
  void render(ImDrawData* data, int fbW, int fbH, ImVec4 background);
  int panelRedraws() const { return redraws_; }  // panels drawn into the layer so far
  // Off: ImGui draws everything directly each frame (the smoke test compares the two).
  void setEnabled(bool enabled);

 private:
  Framebuffer layer_;
  std::unordered_map<std::string, std::uint64_t> drawn_;  // panel → hash of what the layer holds
  int redraws_ = 0;
  bool enabled_ = true;
};

}  // namespace optirace
