#include "vector_batch.h"

#include <algorithm>
#include <cmath>

namespace optirace {

namespace {
constexpr float kFringe = 1.0f;  // width of the alpha ramp at every edge, pixels
constexpr float kPi = 3.14159265f;

PointF operator+(PointF a, PointF b) {
  return {a.x + b.x, a.y + b.y};
}
PointF operator-(PointF a, PointF b) {
  return {a.x - b.x, a.y - b.y};
}
PointF operator*(PointF a, float s) {
  return {a.x * s, a.y * s};
}
float length(PointF a) {
  return std::sqrt(a.x * a.x + a.y * a.y);
}
}  // namespace

VectorBatch::VectorBatch()
    : program_({"vector.vert"}, {"vector.frag"}),
      vao_(makeVertexArray()),
      vbo_(makeBuffer()),
      ibo_(makeBuffer()) {
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_.id());
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(0));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(8));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(Vertex),
                        reinterpret_cast<void*>(16));
  glBindVertexArray(0);
}

std::uint32_t VectorBatch::pack(Rgba c) const {
  auto byte = [](float v) {
    return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
  };
  return byte(c.r) | (byte(c.g) << 8) | (byte(c.b) << 16) | (byte(c.a) << 24);
}

std::uint32_t VectorBatch::addVertex(PointF p, std::uint32_t colour, float u, float v) {
  // u, v < 0 are markers (kWhite, kDiscLow, kDiscHigh) resolved at flush.
  vertices_.push_back({p.x, p.y, u, v, colour});
  return static_cast<std::uint32_t>(vertices_.size() - 1);
}

// One segment as a single quad whose fragments compute their coverage from the distance to
// the centre line (vector.frag): two triangles, where a fringe of extra quads would need six.
void VectorBatch::segment(PointF a, PointF b, std::uint32_t colour, float halfWidth) {
  PointF d = b - a;
  float len = length(d);
  if (len < 1e-6f) return;
  PointF n{-d.y / len, d.x / len};
  float outer = halfWidth + kFringe;
  std::uint32_t i = addVertex(a + n * outer, colour, 1000.0f + outer, halfWidth);
  addVertex(a - n * outer, colour, 1000.0f - outer, halfWidth);
  addVertex(b - n * outer, colour, 1000.0f - outer, halfWidth);
  addVertex(b + n * outer, colour, 1000.0f + outer, halfWidth);
  indices_.insert(indices_.end(), {i, i + 1, i + 2, i, i + 2, i + 3});
}

void VectorBatch::polyline(std::span<const PointF> points, Rgba colour, float widthPx,
                           bool roundJoins) {
  if (points.size() < 2) return;
  std::uint32_t solid = pack(colour);
  float half = 0.5f * widthPx;
  for (std::size_t i = 0; i + 1 < points.size(); ++i)
    segment(points[i], points[i + 1], solid, half);
  if (!roundJoins) return;
  // Round joins and caps: a disc wherever the direction turns noticeably, and at both ends.
  for (std::size_t i = 0; i < points.size(); ++i) {
    bool end = i == 0 || i + 1 == points.size();
    if (!end) {
      PointF u = points[i] - points[i - 1], v = points[i + 1] - points[i];
      float lu = length(u), lv = length(v);
      // Up to ~35° the two quads' overlap already hides the notch.
      if (lu > 1e-6f && lv > 1e-6f && (u.x * v.x + u.y * v.y) / (lu * lv) > 0.82f) continue;
    }
    spriteDisc(points[i], half, colour);
  }
}

void VectorBatch::fillStarShaped(PointF centre, std::span<const PointF> boundary, Rgba colour) {
  std::size_t n = boundary.size();
  if (n < 3) return;
  std::uint32_t solid = pack(colour), clear = pack(colour.withAlpha(0));
  std::uint32_t c = addVertex(centre, solid);
  std::uint32_t first = static_cast<std::uint32_t>(vertices_.size());
  for (std::size_t i = 0; i < n; ++i) {
    // Outward direction at the vertex: away from the centre is robust for star shapes.
    PointF out = boundary[i] - centre;
    float len = std::max(length(out), 1e-6f);
    PointF unit = out * (1.0f / len);
    float inset = std::min(0.5f * kFringe, 0.5f * len);
    addVertex(boundary[i] - unit * inset, solid);
    addVertex(boundary[i] + unit * (0.5f * kFringe), clear);
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t in0 = first + 2 * i, out0 = in0 + 1;
    std::uint32_t in1 = first + 2 * ((i + 1) % n), out1 = in1 + 1;
    indices_.insert(indices_.end(), {c, in0, in1, in0, out0, out1, in0, out1, in1});
  }
}

void VectorBatch::disc(PointF centre, float radius, Rgba colour) {
  int segments = std::clamp(static_cast<int>(radius * 1.5f), 8, 48);
  std::vector<PointF> ring(segments);
  for (int i = 0; i < segments; ++i) {
    float a = 2.0f * kPi * i / segments;
    ring[i] = {centre.x + radius * std::cos(a), centre.y + radius * std::sin(a)};
  }
  fillStarShaped(centre, ring, colour);
}

void VectorBatch::spriteDisc(PointF centre, float radius, Rgba colour) {
  // The sprite's circle has radius 15 of its 16 px half-size.
  float r = radius * 16.0f / 15.0f;
  std::uint32_t c = pack(colour);
  std::uint32_t a = addVertex({centre.x - r, centre.y - r}, c, kDiscLow, kDiscLow);
  addVertex({centre.x + r, centre.y - r}, c, kDiscHigh, kDiscLow);
  addVertex({centre.x + r, centre.y + r}, c, kDiscHigh, kDiscHigh);
  addVertex({centre.x - r, centre.y + r}, c, kDiscLow, kDiscHigh);
  indices_.insert(indices_.end(), {a, a + 1, a + 2, a, a + 2, a + 3});
}

void VectorBatch::rect(PointF min, PointF max, Rgba colour) {
  std::uint32_t c = pack(colour);
  std::uint32_t a = addVertex(min, c), b = addVertex({max.x, min.y}, c);
  std::uint32_t d = addVertex(max, c), e = addVertex({min.x, max.y}, c);
  indices_.insert(indices_.end(), {a, b, d, a, d, e});
}

float VectorBatch::text(const FontAtlas& font, PointF at, std::string_view utf8, Rgba colour,
                        TextAlign align) {
  float width = font.widthOf(utf8);
  float x = std::round(align == TextAlign::Left     ? at.x
                       : align == TextAlign::Centre ? at.x - 0.5f * width
                                                    : at.x - width);
  float baseline = std::round(at.y + font.ascent());
  std::uint32_t c = pack(colour);
  for (std::size_t i = 0; i < utf8.size();) {
    const GlyphQuad* g = font.glyph(nextCodepoint(utf8, i));
    if (!g) continue;
    if (g->x1 > g->x0) {
      std::uint32_t a = addVertex({x + g->x0, baseline + g->y0}, c, g->u0, g->v0);
      std::uint32_t b = addVertex({x + g->x1, baseline + g->y0}, c, g->u1, g->v0);
      std::uint32_t d = addVertex({x + g->x1, baseline + g->y1}, c, g->u1, g->v1);
      std::uint32_t e = addVertex({x + g->x0, baseline + g->y1}, c, g->u0, g->v1);
      indices_.insert(indices_.end(), {a, b, d, a, d, e});
    }
    x += g->advance;
  }
  return width;
}

void VectorBatch::flush(const FontAtlas& font, int targetWidthPx, int targetHeightPx,
                        RowOrder rows) {
  if (indices_.empty()) {
    vertices_.clear();
    return;
  }
  auto resolve = [&](float marker, bool horizontal) {
    if (marker == kDiscLow) return horizontal ? font.discU0() : font.discV0();
    if (marker == kDiscHigh) return horizontal ? font.discU1() : font.discV1();
    return horizontal ? font.whiteU() : font.whiteV();
  };
  for (Vertex& v : vertices_)
    if (v.u < 0) {
      v.u = resolve(v.u, true);
      v.v = resolve(v.v, false);
    }
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  program_.use();
  glUniform2f(program_.uniform("uTargetSizePx"), float(targetWidthPx), float(targetHeightPx));
  glUniform1i(program_.uniform("uAtlas"), 0);
  glUniform1i(program_.uniform("uTopRowFirst"), rows == RowOrder::TopDown ? 1 : 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, font.texture());
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(Vertex)),
               vertices_.data(), GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(indices_.size() * sizeof(std::uint32_t)), indices_.data(),
               GL_STREAM_DRAW);
  glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(indices_.size()), GL_UNSIGNED_INT, nullptr);
  glBindVertexArray(0);
  vertices_.clear();
  indices_.clear();
}

}  // namespace optirace
