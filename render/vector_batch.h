// Anti-aliased 2-D drawing in pixel coordinates (origin top-left): thick polylines, filled
// star-shaped polygons (discs, stars, squares), text. Edges get a one-pixel fringe whose alpha
// falls to zero (ImGui's technique), so the output is smooth on any rasterizer, llvmpipe
// included, without multisampling. Everything queued is drawn by one flush().
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "drawing.h"
#include "font_atlas.h"
#include "gl_objects.h"

namespace optirace {

class VectorBatch : public Drawing {
 public:
  VectorBatch();  // compiles the shader; throws RenderError

  void polyline(std::span<const PointF> points, Rgba colour, float widthPx,
                bool roundJoins = true) override;
  void fillStarShaped(PointF centre, std::span<const PointF> boundary, Rgba colour) override;
  void disc(PointF centre, float radius, Rgba colour) override;
  // One textured quad (the atlas's disc sprite): for joins, thousands a frame.
  void spriteDisc(PointF centre, float radius, Rgba colour) override;
  void rect(PointF min, PointF max, Rgba colour) override;
  float text(const FontAtlas& font, PointF at, std::string_view utf8, Rgba colour,
             TextAlign align = TextAlign::Left) override;

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
