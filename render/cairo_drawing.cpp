#include "cairo_drawing.h"

#include <cmath>
#include <string>
#include <vector>

namespace optirace {

namespace {
constexpr double kPi = 3.14159265358979323846;
}  // namespace

CairoDrawing::CairoDrawing(cairo_t* cr) : cr_(cr) {
  cairo_select_font_face(cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  // Unhinted metrics, as the atlas's: an image surface otherwise rounds them to whole pixels,
  // which at the size-1 font below made ascent + descent 2 instead of 1.164 and every PNG
  // figure's text 58 % of the size its layout measured (PDF and SVG were right).
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr_, options);
  cairo_font_options_destroy(options);
  // stb_truetype sizes the atlas by ascent − descent; cairo by the em: the factor between.
  cairo_set_font_size(cr_, 1.0);
  cairo_font_extents_t e;
  cairo_font_extents(cr_, &e);
  if (e.ascent + e.descent > 0) emPerPixelHeight_ = 1.0 / (e.ascent + e.descent);
}

void CairoDrawing::setColour(Rgba c) {
  cairo_set_source_rgba(cr_, c.r, c.g, c.b, c.a);
}

void CairoDrawing::polyline(std::span<const PointF> points, Rgba colour, float widthPx,
                            bool roundJoins) {
  if (points.size() < 2) return;
  cairo_new_path(cr_);
  cairo_move_to(cr_, points[0].x, points[0].y);
  for (std::size_t i = 1; i < points.size(); ++i) cairo_line_to(cr_, points[i].x, points[i].y);
  cairo_set_line_width(cr_, widthPx);
  cairo_set_line_join(cr_, roundJoins ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap(cr_, roundJoins ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  setColour(colour);
  cairo_stroke(cr_);
}

void CairoDrawing::polylines(const std::vector<std::vector<PointF>>& lines, Rgba colour,
                             float widthPx) {
  cairo_new_path(cr_);
  for (const std::vector<PointF>& line : lines) {
    if (line.size() < 2) continue;
    cairo_move_to(cr_, line[0].x, line[0].y);
    for (std::size_t i = 1; i < line.size(); ++i) cairo_line_to(cr_, line[i].x, line[i].y);
  }
  cairo_set_line_width(cr_, widthPx);
  cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
  setColour(colour);
  cairo_stroke(cr_);
}

void CairoDrawing::fillStarShaped(PointF, std::span<const PointF> boundary, Rgba colour) {
  if (boundary.size() < 3) return;
  cairo_new_path(cr_);
  cairo_move_to(cr_, boundary[0].x, boundary[0].y);
  for (std::size_t i = 1; i < boundary.size(); ++i)
    cairo_line_to(cr_, boundary[i].x, boundary[i].y);
  cairo_close_path(cr_);
  setColour(colour);
  cairo_fill(cr_);
}

void CairoDrawing::disc(PointF centre, float radius, Rgba colour) {
  cairo_new_path(cr_);
  cairo_arc(cr_, centre.x, centre.y, radius, 0, 2 * kPi);
  setColour(colour);
  cairo_fill(cr_);
}

void CairoDrawing::rect(PointF min, PointF max, Rgba colour) {
  cairo_new_path(cr_);
  cairo_rectangle(cr_, min.x, min.y, max.x - min.x, max.y - min.y);
  setColour(colour);
  cairo_fill(cr_);
}

void CairoDrawing::rectOutline(PointF min, PointF max, Rgba colour, float widthPx) {
  cairo_new_path(cr_);
  cairo_rectangle(cr_, min.x, min.y, max.x - min.x, max.y - min.y);
  cairo_set_line_width(cr_, widthPx);
  cairo_set_line_join(cr_, CAIRO_LINE_JOIN_MITER);
  setColour(colour);
  cairo_stroke(cr_);
}

float CairoDrawing::text(const FontAtlas& font, PointF at, std::string_view utf8, Rgba colour,
                         TextAlign align) {
  float width = font.widthOf(utf8);
  float x = align == TextAlign::Left     ? at.x
            : align == TextAlign::Centre ? at.x - 0.5f * width
                                         : at.x - width;
  cairo_set_font_size(cr_, font.pixelHeight() * emPerPixelHeight_);
  cairo_move_to(cr_, x, at.y + font.ascent());
  setColour(colour);
  cairo_show_text(cr_, std::string(utf8).c_str());
  cairo_new_path(cr_);
  return width;
}

void CairoDrawing::image(const std::uint8_t* rgba, int width, int height, PointF min, PointF max) {
  cairo_surface_t* picture = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  unsigned char* data = cairo_image_surface_get_data(picture);
  int stride = cairo_image_surface_get_stride(picture);
  for (int y = 0; y < height; ++y) {  // RGB24 is 0x00RRGGBB in native-endian words
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    const std::uint8_t* p = rgba + static_cast<std::size_t>(y) * width * 4;
    for (int x = 0; x < width; ++x, p += 4)
      row[x] = (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
  }
  cairo_surface_mark_dirty(picture);
  cairo_save(cr_);
  cairo_translate(cr_, min.x, min.y);
  cairo_scale(cr_, (max.x - min.x) / width, (max.y - min.y) / height);
  cairo_set_source_surface(cr_, picture, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_GOOD);
  // The edge pixels repeated outwards, and only the box filled: with cairo's default (nothing
  // outside the picture) the interpolation fades an enlarged picture's border to transparent.
  cairo_pattern_set_extend(cairo_get_source(cr_), CAIRO_EXTEND_PAD);
  cairo_rectangle(cr_, 0, 0, width, height);
  cairo_fill(cr_);
  cairo_restore(cr_);
  cairo_surface_destroy(picture);
}

void CairoDrawing::clip(PointF min, PointF max) {
  cairo_save(cr_);
  cairo_new_path(cr_);
  cairo_rectangle(cr_, min.x, min.y, max.x - min.x, max.y - min.y);
  cairo_clip(cr_);
}

void CairoDrawing::unclip() {
  cairo_restore(cr_);
}

void CairoDrawing::offset(PointF by) {
  cairo_save(cr_);
  cairo_translate(cr_, by.x, by.y);
}

void CairoDrawing::endOffset() {
  cairo_restore(cr_);
}

}  // namespace optirace
