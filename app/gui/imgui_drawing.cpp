#include "imgui_drawing.h"

#include <cfloat>
#include <vector>

namespace optirace {

namespace {
ImU32 colourOf(Rgba c) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a));
}
}  // namespace

void ImGuiDrawing::polyline(std::span<const PointF> points, Rgba colour, float widthPx,
                            bool /*roundJoins: ImGui mitres every join*/) {
  if (points.size() < 2) return;
  std::vector<ImVec2> p(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) p[i] = toImVec2(points[i]);
  list_->AddPolyline(p.data(), static_cast<int>(p.size()), colourOf(colour), ImDrawFlags_None,
                     widthPx);
}

void ImGuiDrawing::fillStarShaped(PointF centre, std::span<const PointF> boundary, Rgba colour) {
  // A fan of triangles from the centre, without ImGui's anti-aliased fringes, which would draw
  // the fan's inner edges as seams.
  const ImDrawListFlags flags = list_->Flags;
  list_->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  for (std::size_t i = 0; i < boundary.size(); ++i)
    list_->AddTriangleFilled(toImVec2(centre), toImVec2(boundary[i]),
                             toImVec2(boundary[(i + 1) % boundary.size()]), colourOf(colour));
  list_->Flags = flags;
}

void ImGuiDrawing::disc(PointF centre, float radius, Rgba colour) {
  list_->AddCircleFilled(toImVec2(centre), radius, colourOf(colour));
}

void ImGuiDrawing::rect(PointF min, PointF max, Rgba colour) {
  list_->AddRectFilled(toImVec2(min), toImVec2(max), colourOf(colour));
}

float ImGuiDrawing::text(const FontAtlas& font, PointF where, std::string_view utf8, Rgba colour,
                         TextAlign align) {
  const float width = textWidth(font, utf8);
  const float x = align == TextAlign::Left     ? where.x
                  : align == TextAlign::Centre ? where.x - 0.5f * width
                                               : where.x - width;
  list_->AddText(ImGui::GetFont(), font.pixelHeight(), ImVec2(x, where.y), colourOf(colour),
                 utf8.data(), utf8.data() + utf8.size());
  return width;
}

void ImGuiDrawing::clip(PointF min, PointF max) {
  list_->PushClipRect(toImVec2(min), toImVec2(max), true);
}

void ImGuiDrawing::unclip() {
  list_->PopClipRect();
}

float ImGuiDrawing::textWidth(const FontAtlas& font, std::string_view utf8) const {
  return ImGui::GetFont()
      ->CalcTextSizeA(font.pixelHeight(), FLT_MAX, 0.0f, utf8.data(), utf8.data() + utf8.size())
      .x;
}

}  // namespace optirace
