#include "panel_layout.h"

#include <algorithm>
#include <cmath>

namespace optirace {

namespace {
// Smallest sizes, in font heights, that keep a panel usable; below them the window itself is
// too small and the splits fall back to the middle of what is possible.
constexpr float kMinExportArea = 36.0f;
constexpr float kMinLeftColumn = 13.0f, kMinLoss = 10.0f, kMinBoard = 10.0f, kMinPanelHeight = 5.0f,
                kMinCanvasHeight = 12.0f;

float clampOrMiddle(float v, float lo, float hi) {
  return lo <= hi ? std::clamp(v, lo, hi) : 0.5f * (lo + hi);
}

// Which split line each edge of a tiled panel lies on.
enum class Edge { Border, LeftColumn, LeftColumnSplit, CanvasBottom, LossRight, BoardBottom };
struct PanelEdges {
  Edge left, right, top, bottom;
};
constexpr PanelEdges kEdges[kPanelCount] = {
    {Edge::Border, Edge::LeftColumn, Edge::Border, Edge::LeftColumnSplit},   // Scenario
    {Edge::Border, Edge::LeftColumn, Edge::LeftColumnSplit, Edge::Border},   // Racers
    {Edge::LeftColumn, Edge::Border, Edge::Border, Edge::CanvasBottom},      // Race
    {Edge::LeftColumn, Edge::LossRight, Edge::CanvasBottom, Edge::Border},   // Loss
    {Edge::LossRight, Edge::Border, Edge::CanvasBottom, Edge::BoardBottom},  // Leaderboard
    {Edge::LossRight, Edge::Border, Edge::BoardBottom, Edge::Border},        // Export
};
// Without the Export panel the Leaderboard reaches the bottom.
PanelEdges edgesOf(Panel p, bool exportShown) {
  PanelEdges e = kEdges[static_cast<int>(p)];
  if (p == Panel::Leaderboard && !exportShown) e.bottom = Edge::Border;
  return e;
}
}  // namespace

const char* panelName(Panel p) {
  static constexpr const char* kNames[kPanelCount] = {"Scenario", "Racers",      "Race",
                                                      "Loss",     "Leaderboard", "Export"};
  return kNames[static_cast<int>(p)];
}

LayoutSplits PanelLayout::defaults(ImVec2 size, float fontPx) {
  LayoutSplits s;
  float w = std::max(size.x, 1.0f);
  s.leftColumn = std::clamp(21.0f * fontPx / w, 0.25f, 0.40f);
  s.leftColumnSplit = 0.42f;
  s.canvasBottom = 0.62f;
  s.lossRight = s.leftColumn + (1.0f - s.leftColumn) * 0.52f;
  s.boardBottom = s.canvasBottom + (1.0f - s.canvasBottom) * 0.56f;
  return s;
}

void PanelLayout::beginFrame(ImVec2 origin, ImVec2 size, float fontPx, bool presenting,
                             bool presentLeaderboard, bool exportPanel) {
  exportShown_ = exportPanel && size.y >= kMinExportArea * fontPx;
  bool changed = size.x != size_.x || size.y != size_.y || fontPx != fontPx_;
  origin_ = origin;
  size_ = size;
  fontPx_ = fontPx;
  presenting_ = presenting;
  presentLeaderboard_ = presentLeaderboard;
  if (!customized_ && (changed || splits_ == LayoutSplits{})) splits_ = defaults(size, fontPx);
  clamp();
}

void PanelLayout::clamp() {
  float w = std::max(size_.x, 1.0f), h = std::max(size_.y, 1.0f), f = fontPx_;
  LayoutSplits& s = splits_;
  // The canvas keeps at least 45 % of the width, the bottom row its two panels' minimum.
  s.leftColumn = clampOrMiddle(s.leftColumn, kMinLeftColumn * f / w,
                               std::min(0.55f, 1.0f - (kMinLoss + kMinBoard) * f / w));
  s.lossRight =
      clampOrMiddle(s.lossRight, s.leftColumn + kMinLoss * f / w, 1.0f - kMinBoard * f / w);
  s.leftColumnSplit =
      clampOrMiddle(s.leftColumnSplit, kMinPanelHeight * f / h, 1.0f - kMinPanelHeight * f / h);
  // When both cannot have their minimum, the canvas is what a lecture needs most.
  float canvasLo = std::min(kMinCanvasHeight * f / h, 0.7f);
  s.canvasBottom =
      std::max(canvasLo, std::min(s.canvasBottom, 1.0f - 2.0f * kMinPanelHeight * f / h));
  s.boardBottom = clampOrMiddle(s.boardBottom, s.canvasBottom + 0.5f * kMinPanelHeight * f / h,
                                1.0f - 0.5f * kMinPanelHeight * f / h);
}

void PanelLayout::reset() {
  customized_ = false;
  splits_ = defaults(size_, fontPx_);
  clamp();
}

void PanelLayout::restore(const LayoutSplits& saved) {
  splits_ = saved;
  customized_ = true;
}

bool PanelLayout::visible(Panel p) const {
  if (!presenting_) return p != Panel::Export || exportShown_;
  return p == Panel::Race || p == Panel::Loss || (p == Panel::Leaderboard && presentLeaderboard_);
}

PanelLayout::Rect PanelLayout::rectOf(Panel p) const {
  auto at = [&](float fx, float fy) {
    return ImVec2(std::round(origin_.x + fx * size_.x), std::round(origin_.y + fy * size_.y));
  };
  if (presenting_) {
    // The canvas large on the left; the loss plot and the leaderboard stacked on the right.
    constexpr float kCanvas = 0.64f;
    float loss = presentLeaderboard_ ? 0.62f : 1.0f;
    switch (p) {
      case Panel::Race:
        return {at(0, 0), at(kCanvas, 1)};
      case Panel::Loss:
        return {at(kCanvas, 0), at(1, loss)};
      default:
        return {at(kCanvas, loss), at(1, 1)};
    }
  }
  const LayoutSplits& s = splits_;
  auto x = [&](Edge e, float border) {
    return e == Edge::LeftColumn ? s.leftColumn : e == Edge::LossRight ? s.lossRight : border;
  };
  auto y = [&](Edge e, float border) {
    return e == Edge::LeftColumnSplit ? s.leftColumnSplit
           : e == Edge::CanvasBottom  ? s.canvasBottom
           : e == Edge::BoardBottom   ? s.boardBottom
                                      : border;
  };
  PanelEdges e = edgesOf(p, exportShown_);
  return {at(x(e.left, 0), y(e.top, 0)), at(x(e.right, 1), y(e.bottom, 1))};
}

ImGuiWindowFlags PanelLayout::place(Panel p) const {
  Rect r = rectOf(p);
  ImGui::SetNextWindowPos(r.min, ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(r.max.x - r.min.x, r.max.y - r.min.y), ImGuiCond_Always);
  ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  if (presenting_) flags |= ImGuiWindowFlags_NoResize;
  return flags;
}

void PanelLayout::record(Panel p) {
  if (presenting_) return;
  Rect want = rectOf(p);
  ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  Rect got{pos, ImVec2(pos.x + size.x, pos.y + size.y)};
  PanelEdges e = edgesOf(p, exportShown_);
  bool moved = false;
  auto follow = [&](Edge edge, float wanted, float now, bool horizontal) {
    if (edge == Edge::Border || std::abs(now - wanted) < 0.5f) return;
    float fraction = horizontal ? (now - origin_.x) / std::max(size_.x, 1.0f)
                                : (now - origin_.y) / std::max(size_.y, 1.0f);
    switch (edge) {
      case Edge::LeftColumn:
        splits_.lossRight += fraction - splits_.leftColumn;  // Loss keeps its width
        splits_.leftColumn = fraction;
        break;
      case Edge::LossRight:
        splits_.lossRight = fraction;
        break;
      case Edge::LeftColumnSplit:
        splits_.leftColumnSplit = fraction;
        break;
      case Edge::CanvasBottom:
        splits_.boardBottom += fraction - splits_.canvasBottom;  // the Leaderboard keeps its height
        splits_.canvasBottom = fraction;
        break;
      case Edge::BoardBottom:
        splits_.boardBottom = fraction;
        break;
      case Edge::Border:
        break;
    }
    moved = true;
  };
  follow(e.left, want.min.x, got.min.x, true);
  follow(e.right, want.max.x, got.max.x, true);
  follow(e.top, want.min.y, got.min.y, false);
  follow(e.bottom, want.max.y, got.max.y, false);
  if (moved) {
    customized_ = true;
    clamp();
  }
}

}  // namespace optirace
