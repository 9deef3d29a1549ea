// Anti-aliased 2-D drawing in pixel coordinates (origin top-left): thick polylines, filled
// star-shaped polygons (discs, stars, squares), text. Edges get a one-pixel fringe whose alpha
// falls to zero (ImGui's technique), so the output is smooth on any rasterizer, llvmpipe
// included, without multisampling. Everything queued is drawn by one flush().
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "font_atlas.h"
#include "gl_objects.h"

namespace optirace {

struct PointF {
  float x = 0, y = 0;
};

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
  static Rgba fromRgb(std::uint32_t rgb, float alpha = 1.0f) {
    return {((rgb >> 16) & 255) / 255.0f, ((rgb >> 8) & 255) / 255.0f, (rgb & 255) / 255.0f, alpha};
  }
  Rgba withAlpha(float alpha) const { return {r, g, b, alpha}; }
};

enum class TextAlign { Left, Centre, Right };

class VectorBatch {
 public:
  VectorBatch();  // compiles the shader; throws RenderError

  void polyline(std::span<const PointF> points, Rgba colour, float widthPx, bool roundJoins = true);
  void line(PointF a, PointF b, Rgba colour, float widthPx);
  void dashedLine(PointF a, PointF b, Rgba colour, float widthPx, float dashPx, float gapPx);
  // A polygon that is star-shaped about `centre` (every boundary point visible from it).
  void fillStarShaped(PointF centre, std::span<const PointF> boundary, Rgba colour);
  void disc(PointF centre, float radius, Rgba colour);
  // A small disc as one textured quad (the atlas's disc sprite): for joins, thousands a frame.
  void spriteDisc(PointF centre, float radius, Rgba colour);
  void rect(PointF min, PointF max, Rgba colour);  // axis-aligned, not feathered
  void rectOutline(PointF min, PointF max, Rgba colour, float widthPx);
  void star(PointF centre, float outerRadius, Rgba fill, Rgba outline, float outlinePx);
  void cross(PointF centre, float radius, Rgba colour, float widthPx);
  // Text with its top-left (Left), top-centre or top-right at `at`; returns its width.
  float text(const FontAtlas& font, PointF at, std::string_view utf8, Rgba colour,
             TextAlign align = TextAlign::Left);

  std::size_t vertexCount() const { return vertices_.size(); }
  // Draws everything queued into the bound framebuffer (of the given size, rows stored in
  // `rows`) and empties the batch. All text of one flush must come from `font` (the atlas also
  // supplies the white texel).
  void flush(const FontAtlas& font, int targetWidthPx, int targetHeightPx,
             RowOrder rows = RowOrder::BottomUp);

 private:
  struct Vertex {
    float x, y, u, v;
    std::uint32_t colour;
  };
  // Texture coordinates resolved at flush(), when the atlas is known.
  static constexpr float kWhite = -1.0f, kDiscLow = -2.0f, kDiscHigh = -3.0f;
  std::uint32_t pack(Rgba c) const;
  std::uint32_t addVertex(PointF p, std::uint32_t colour, float u = kWhite, float v = kWhite);
  void segment(PointF a, PointF b, std::uint32_t colour, float halfWidth);

  std::vector<Vertex> vertices_;
  std::vector<std::uint32_t> indices_;
  float whiteU_ = 0, whiteV_ = 0;  // set at flush; untextured vertices are patched then
  ShaderProgram program_;
  GlVertexArray vao_;
  GlBuffer vbo_, ibo_;
};

}  // namespace optirace
