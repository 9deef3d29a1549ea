// Drawing onto an ImGui draw list: the task views (render/task_view_painter.h) in the window,
// painted by the code that paints their figures. Text is ImGui's own font, DejaVu Sans as the
// atlas's, at the atlas's pixel height, and measured by ImGui, so that what the painter fits
// fits as drawn.
#pragma once

#include <imgui.h>

#include "drawing.h"

namespace optirace {

inline ImVec2 toImVec2(PointF p) {
  return ImVec2(p.x, p.y);
}

class ImGuiDrawing : public ClippingDrawing {
 public:
  explicit ImGuiDrawing(ImDrawList* list) : list_(list) {}

  void polyline(std::span<const PointF> points, Rgba colour, float widthPx,
                bool roundJoins = true) override;
  void fillStarShaped(PointF centre, std::span<const PointF> boundary, Rgba colour) override;
  void disc(PointF centre, float radius, Rgba colour) override;
  void rect(PointF min, PointF max, Rgba colour) override;
  float text(const FontAtlas& font, PointF at, std::string_view utf8, Rgba colour,
             TextAlign align = TextAlign::Left) override;
  float textWidth(const FontAtlas& font, std::string_view utf8) const override;
  void clip(PointF min, PointF max) override;  // within the clip already pushed
  void unclip() override;

 private:
  ImDrawList* list_;
};

}  // namespace optirace
