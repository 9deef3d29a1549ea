// Panel backgrounds painted by the frame's clear instead of by ImGui. runFrame clears the
// window to the panels' background colour, so a panel that overlaps no other window needs no
// fill of its own: ImGui then skips it, and llvmpipe shades half as many pixels for ImGui (a
// filled panel is one blended, textured fragment per pixel). A panel dragged over another
// window gets its fill back on the next frame, so overlapping windows still hide each other.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace optirace {

// Call once per frame before the first beginWindow: last frame's window rectangles decide.
void beginWindowFrame();

// ImGui::Begin, recording the window's rectangle. `sharedBackdrop`: the window may leave its
// background to the clear when it overlapped nothing last frame (docked panels); floating
// windows (Help, Sensitivity) pass false and keep theirs.
bool beginWindow(const char* name, bool* open, ImGuiWindowFlags flags, bool sharedBackdrop);

// Marks the rectangle (screen coordinates) of the current window that a picture of runFrame's
// own covers (the Race and Loss windows' views): PanelCache copies only the window around it.
void setPictureHole(ImVec2 min, ImVec2 max);

// The windows that left their fill to the clear this frame (they overlap no other window),
// with their rectangles in window pixels: PanelCache keeps their pictures between frames.
struct BackdropPanel {
  std::string name;
  ImVec2 min, max;
  bool hasHole = false;  // setPictureHole's rectangle, when it was called for the window
  ImVec2 holeMin, holeMax;
};
std::vector<BackdropPanel> panelsOnBackdrop();

}  // namespace optirace
