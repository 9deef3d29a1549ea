// Where the panels are: tiled over the window's work area (between the menu bar and the status
// bar) by five split lines kept as fractions of that area, so the layout follows every resize
// and UI scale and no panel can overlap another. Dragging a panel's inner edge moves the split
// line it sits on (its neighbours follow); outer edges stay on the window's border. The splits
// are clamped so every panel keeps a usable size: a saved layout that does not fit the current
// window is adapted, never restored broken. Presentation mode has an arrangement of its own.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

namespace optirace {

enum class Panel { Scenario, Racers, Race, Loss, Leaderboard, Export };
constexpr int kPanelCount = 6;
const char* panelName(Panel p);  // the ImGui window name

// The split lines, as fractions of the work area's width (x) or height (y).
struct LayoutSplits {
  float leftColumn = 0;       // x: the Scenario/Racers column's right edge
  float leftColumnSplit = 0;  // y: Scenario above, Racers below
  float canvasBottom = 0;     // y: the Race canvas above Loss, Leaderboard and Export
  float lossRight = 0;        // x: Loss left of Leaderboard and Export
  float boardBottom = 0;      // y: Leaderboard above Export
  bool operator==(const LayoutSplits&) const = default;
};

class PanelLayout {
 public:
  // The default splits for a work area of `size` pixels at font size `fontPx`: the left column
  // is wide enough for its sliders' labels, within a quarter to two fifths of the width.
  static LayoutSplits defaults(ImVec2 size, float fontPx);

  // Once a frame, before any panel: the work area and the font size; in presentation mode
  // the side panels are hidden and the views fill the area. The Export panel gives its place
  // to the Leaderboard when not wanted or when the area is shorter than 36 font heights (the
  // File menu and S still export).
  void beginFrame(ImVec2 origin, ImVec2 size, float fontPx, bool presenting,
                  bool presentLeaderboard, bool exportPanel);
  // Before the panel's ImGui::Begin: its place this frame. Returns the window flags it needs.
  ImGuiWindowFlags place(Panel p) const;
  // After Begin: a panel resized by the user moves the split lines under its inner edges.
  void record(Panel p);
  void reset();

  // The panel's rectangle this frame (screen pixels).
  struct Rect {
    ImVec2 min, max;
  };
  Rect rectOf(Panel p) const;
  bool visible(Panel p) const;

  const LayoutSplits& splits() const { return splits_; }
  bool customized() const { return customized_; }
  // Splits read from the settings file; clamped to fit the next work area.
  void restore(const LayoutSplits& saved);

 private:
  void clamp();
  LayoutSplits splits_;
  bool customized_ = false;  // false: the defaults, recomputed when the window or font changes
  bool presenting_ = false, presentLeaderboard_ = true;
  bool exportShown_ = true;  // the Export panel: wanted, and the window tall enough for it
  ImVec2 origin_{0, 0}, size_{0, 0};
  float fontPx_ = 0;
};

}  // namespace optirace
