// ImGui's docked panels kept as pictures between frames. llvmpipe shades every pixel ImGui
// draws (frames, text, title bars) each time it is drawn, and while a race runs most panels
// do not change from one frame to the next: only the leaderboard and the step counter do. So a
// panel on the shared backdrop (panel_backdrop.h: it overlaps no other window) is drawn into a
// window-sized layer only when its draw lists differ from last frame's, and copied from there
// into the window every frame; everything else (the canvas windows' toolbars, floating
// windows, popups, tooltips) is drawn directly, after the copies, as ImGui orders it.
// The layer is a Framebuffer::Format::WindowLayer, so that the copies are plain memory copies,
// and it is brought up to date before anything is drawn into the window, because llvmpipe
// rasterizes all the window's queued work whenever another framebuffer is bound.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "gl_objects.h"

namespace optirace {

class PanelCache {
 public:
  // Redraws into the layer those panels of ImGui's frame whose draw lists changed. The window
  // is fbW × fbH; `background` is the colour the panels' areas of the window are cleared to.
  // Leaves the default framebuffer bound. ImGui's draw lists must not be used after this frame.
  void update(ImDrawData* data, int fbW, int fbH, ImVec4 background);
  // Copies the panels into the bound window (only after update, in the same frame).
  void copyPanels();
  // Draws the rest of update's frame into the bound window, over the copies (or all of it when
  // the cache is off or cannot be used).
  void drawRest(ImDrawData* data);
  int panelRedraws() const { return redraws_; }  // panels drawn into the layer so far
  // Off: ImGui draws everything directly each frame (the smoke test compares the two).
  void setEnabled(bool enabled);

 private:
  Framebuffer layer_;
  std::unordered_map<std::string, std::uint64_t> drawn_;  // panel → hash of what the layer holds
  // What update found: the panels to copy and the lists to draw directly; all of them drawn
  // directly when the cache cannot be used.
  std::vector<PixelBox> copies_;
  std::vector<ImDrawList*> direct_;
  bool drawAllDirectly_ = true;
  int redraws_ = 0;
  bool enabled_ = true;
};

}  // namespace optirace
