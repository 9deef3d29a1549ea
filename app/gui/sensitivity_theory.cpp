#include "sensitivity_theory.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "bowl_theory.h"
#include "sweep_figure.h"

namespace optirace {

namespace {

bool isAxis(const SweepAxis& a, HyperId id) {
  return a.quantity == SweepAxis::Quantity::Hyper && a.hyper == id;
}

constexpr ImU32 kShadow = IM_COL32(0, 0, 0, 160), kLine = IM_COL32(255, 255, 255, 230),
                kBoundary = IM_COL32(255, 80, 60, 255), kOptimum = IM_COL32(255, 215, 0, 255);

// A label in a dark box at `at`, unless it would cover one already placed (then false).
bool placeLabel(ImDrawList* draw, std::vector<ImVec4>& placed, ImVec2 at, const char* text,
                ImU32 colour, ImVec2 origin, float side) {
  ImVec2 size = ImGui::CalcTextSize(text);
  at.x = std::clamp(at.x, origin.x, origin.x + side - size.x);
  at.y = std::clamp(at.y, origin.y, origin.y + side - size.y);
  ImVec4 box(at.x, at.y, at.x + size.x, at.y + size.y);
  for (const ImVec4& o : placed)
    if (!(box.z < o.x || box.x > o.z || box.w < o.y || box.y > o.w)) return false;
  placed.push_back(box);
  draw->AddRectFilled(at, ImVec2(box.z, box.w), IM_COL32(0, 0, 0, 150));
  draw->AddText(at, colour, text);
  return true;
}

}  // namespace

std::optional<BowlTheoryOverlay> bowlTheoryOverlay(const SweepSpec& spec) {
  if (!spec.y || (spec.optimizer != "momentum" && spec.optimizer != "nesterov")) return {};
  bool lrOnX = isAxis(spec.x, HyperId::Lr) && isAxis(*spec.y, HyperId::Beta1);
  if (!lrOnX && !(isAxis(spec.x, HyperId::Beta1) && isAxis(*spec.y, HyperId::Lr))) return {};
  RacerSpec racer = spec.cellRacer(0, 0);
  if (!predictOnBowl(racer, spec.surface)) return {};
  // The predicted rate on a grid finer than the cells, at fractions 0 … 1 of each axis.
  constexpr int n = 129;
  std::vector<double> rate(n * n);
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c) {
      setAxisValue(spec.x, valueAtFraction(spec.x, c / (n - 1.0)), racer);
      setAxisValue(*spec.y, valueAtFraction(*spec.y, r / (n - 1.0)), racer);
      std::optional<BowlPrediction> p = predictOnBowl(racer, spec.surface);
      rate[static_cast<size_t>(r) * n + c] = p ? p->rate : NAN;
    }
  BowlTheoryOverlay overlay;
  for (double level : {0.5, 0.8, 0.9, 0.95, 0.99, 1.0}) {
    BowlTheoryOverlay::Level l{level, contourSegments(rate, n, n, level)};
    for (ContourSegment& s : l.segments) s.a = s.a * (1.0 / (n - 1)), s.b = s.b * (1.0 / (n - 1));
    if (!l.segments.empty()) overlay.levels.push_back(std::move(l));
  }
  if (std::optional<BowlOptimum> best = optimalOnBowl(spec.cellRacer(0, 0), spec.surface)) {
    Vec2 f{axisFraction(spec.x, lrOnX ? best->lr : best->beta1),
           axisFraction(*spec.y, lrOnX ? best->beta1 : best->lr)};
    if (f.x >= 0 && f.x <= 1 && f.y >= 0 && f.y <= 1) overlay.optimum = f;
    overlay.optimumRate = best->rate;
  }
  return overlay;
}

void drawBowlTheoryOverlay(ImDrawList* draw, const BowlTheoryOverlay& overlay, ImVec2 origin,
                           float side) {
  auto toScreen = [&](Vec2 f) {  // axis fractions to the square (y up)
    return ImVec2(origin.x + static_cast<float>(f.x) * side,
                  origin.y + (1 - static_cast<float>(f.y)) * side);
  };
  float font = ImGui::GetFontSize();
  std::vector<ImVec4> placed;  // labels so far: none may cover another
  for (const BowlTheoryOverlay::Level& l : overlay.levels) {
    bool boundary = l.rate == 1.0;
    float width = (boundary ? 3.0f : 1.5f) * font / 16;
    for (const ContourSegment& s : l.segments) {
      draw->AddLine(toScreen(s.a), toScreen(s.b), kShadow, width + 2);
      draw->AddLine(toScreen(s.a), toScreen(s.b), boundary ? kBoundary : kLine, width);
    }
  }
  if (overlay.optimum) {  // first, so that the lines' labels keep clear of it
    ImVec2 c = toScreen(*overlay.optimum);
    float radius = 0.45f * font;
    draw->AddCircle(c, radius + 1.5f, kShadow, 0, 4);
    draw->AddCircle(c, radius, kOptimum, 0, 2.5f);
    char text[48];
    std::snprintf(text, sizeof text, "optimum, ρ = %.3g", overlay.optimumRate);
    ImVec2 size = ImGui::CalcTextSize(text);
    if (!placeLabel(draw, placed, ImVec2(c.x + radius + 4, c.y - size.y - 2), text, kOptimum,
                    origin, side))
      placeLabel(draw, placed, ImVec2(c.x - size.x - radius - 4, c.y + 2), text, kOptimum, origin,
                 side);
  }
  // Each line's label at its lowest, leftmost, highest or rightmost point, the first that fits.
  for (const BowlTheoryOverlay::Level& l : overlay.levels) {
    Vec2 low = l.segments[0].a, left = low, high = low, right = low;
    for (const ContourSegment& s : l.segments)
      for (Vec2 p : {s.a, s.b}) {
        if (p.y < low.y) low = p;
        if (p.x < left.x) left = p;
        if (p.y > high.y) high = p;
        if (p.x > right.x) right = p;
      }
    char text[32];
    std::snprintf(text, sizeof text, l.rate == 1.0 ? "ρ = 1" : "ρ = %g", l.rate);
    for (Vec2 candidate : {low, left, high, right}) {
      ImVec2 at = toScreen(candidate);
      if (placeLabel(draw, placed, ImVec2(at.x + 3, at.y - font - 2), text,
                     l.rate == 1.0 ? IM_COL32(255, 120, 100, 255) : kLine, origin, side))
        break;
    }
  }
}

}  // namespace optirace
