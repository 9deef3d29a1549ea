#include "surface_view3d.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <glm/gtc/matrix_transform.hpp>
#include <optional>
#include <string>
#include <vector>

namespace optirace {

namespace {

constexpr int kGrid = 129;            // mesh vertices per side
constexpr int kHeatmapTexels = 1024;  // the colour field draped over it
constexpr double kHeightScale = 0.9;  // the model's height for the top of the scale
constexpr double kLift = 0.012;       // paths float this much above the mesh

const Rgba kGold = Rgba::fromRgb(0xFFD700);
const Rgba kBlack{0, 0, 0, 1};
const Rgba kWhite{1, 1, 1, 1};

}  // namespace

View3DFrame::View3DFrame(const ViewBox& view, const LossRange& range, double linearTop,
                         const View3DStyle& s, const RectPx& area)
    : view_(view), range_(range), linearTop_(linearTop), logHeight_(s.logHeight), area_(area) {
  double azimuth = glm::radians(s.azimuthDeg), elevation = glm::radians(s.elevationDeg);
  glm::dvec3 target(0.0, 0.0, 0.4 * kHeightScale);
  glm::dvec3 direction(std::cos(elevation) * std::cos(azimuth),
                       std::cos(elevation) * std::sin(azimuth), std::sin(elevation));
  double aspect = std::max(1.0, static_cast<double>(area.w)) / std::max(1.0, double(area.h));
  glm::dmat4 projection = glm::perspective(glm::radians(30.0), aspect, 0.05, 100.0);
  auto matrixAt = [&](double distance) {
    return projection * glm::lookAt(target + distance * direction, target, {0.0, 0.0, 1.0});
  };
  // Zoom 1 fits the model's box to the area whatever its shape and the angle: the farthest
  // corner's screen coordinate scales about as 1/distance.
  const double probe = 6.0;
  glm::dmat4 atProbe = matrixAt(probe);
  double extent = 0;
  for (int i = 0; i < 8; ++i) {
    glm::dvec4 c =
        atProbe * glm::dvec4(i & 1 ? 1 : -1, i & 2 ? 1 : -1, i & 4 ? kHeightScale : 0, 1);
    extent = std::max({extent, std::abs(c.x / c.w), std::abs(c.y / c.w)});
  }
  mvp_ = matrixAt(probe * extent / 0.9 / s.zoom);
  mvpFloat_ = glm::mat4(mvp_);
}

double View3DFrame::height(double f) const {
  double h;
  if (logHeight_) {
    double span = range_.logMax - range_.logMin;
    h = (std::log10(std::max(f - range_.floor, 0.0) + range_.delta) - range_.logMin) /
        (span > 0 ? span : 1.0);
  } else {
    h = (f - range_.floor) / (linearTop_ > range_.floor ? linearTop_ - range_.floor : 1.0);
  }
  return std::isfinite(h) ? std::clamp(h, 0.0, 1.5) : 1.5;
}

glm::dvec3 View3DFrame::model(Vec2 w, double f) const {
  return {2.0 * (w.x - view_.xMin) / view_.width() - 1.0,
          2.0 * (w.y - view_.yMin) / view_.height() - 1.0, kHeightScale * height(f)};
}

PointF View3DFrame::toPixel(glm::dvec3 m) const {
  glm::dvec4 clip = mvp_ * glm::dvec4(m, 1.0);
  if (!(clip.w > 1e-9)) return {-1e6f, -1e6f};  // behind the camera
  double x = clip.x / clip.w, y = clip.y / clip.w;
  return clampPixel({static_cast<float>(area_.x + (x + 1.0) * 0.5 * area_.w),
                     static_cast<float>(area_.y + (1.0 - y) * 0.5 * area_.h)});
}

SurfaceView3D::SurfaceView3D()
    : program_({"mesh.vert"}, {"mesh.frag"}),
      vao_(makeVertexArray()),
      vbo_(makeBuffer()),
      ibo_(makeBuffer()) {}

SurfaceView3D::~SurfaceView3D() = default;

// f on a kGrid² grid over the view (core's values), the vertices (model position, heatmap
// texture coordinates, normal) and the triangles.
void SurfaceView3D::buildMesh(const Surface& surface, const ViewBox& view) {
  heights_.assign(kGrid * kGrid, 0.0);
  linearTop_ = -INFINITY;
  for (int j = 0; j < kGrid; ++j)
    for (int i = 0; i < kGrid; ++i) {
      Vec2 w{view.xMin + view.width() * i / (kGrid - 1),
             view.yMin + view.height() * j / (kGrid - 1)};
      double f = surface.value(w);
      heights_[j * kGrid + i] = f;
      if (std::isfinite(f)) linearTop_ = std::max(linearTop_, f);
    }
  if (!std::isfinite(linearTop_)) linearTop_ = 1.0;
}

void SurfaceView3D::uploadMesh(const ViewBox& view) {
  std::vector<float> vertices;
  vertices.reserve(kGrid * kGrid * 8);
  auto modelAt = [&](int i, int j) {
    i = std::clamp(i, 0, kGrid - 1);
    j = std::clamp(j, 0, kGrid - 1);
    Vec2 w{view.xMin + view.width() * i / (kGrid - 1), view.yMin + view.height() * j / (kGrid - 1)};
    return frame_.model(w, heights_[j * kGrid + i]);
  };
  for (int j = 0; j < kGrid; ++j)
    for (int i = 0; i < kGrid; ++i) {
      glm::dvec3 p = modelAt(i, j);
      glm::dvec3 n = glm::normalize(
          glm::cross(modelAt(i + 1, j) - modelAt(i - 1, j), modelAt(i, j + 1) - modelAt(i, j - 1)));
      float u = static_cast<float>(i) / (kGrid - 1), v = static_cast<float>(j) / (kGrid - 1);
      vertices.insert(vertices.end(), {float(p.x), float(p.y), float(p.z), u, v, float(n.x),
                                       float(n.y), float(n.z)});
    }
  std::vector<GLuint> indices;
  indices.reserve((kGrid - 1) * (kGrid - 1) * 6);
  for (int j = 0; j + 1 < kGrid; ++j)
    for (int i = 0; i + 1 < kGrid; ++i) {
      GLuint a = j * kGrid + i, b = a + 1, c = a + kGrid, d = c + 1;
      indices.insert(indices.end(), {a, b, d, a, d, c});
    }
  indexCount_ = static_cast<GLsizei>(indices.size());
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glBufferData(GL_ARRAY_BUFFER, vertices.size() * sizeof(float), vertices.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, indices.size() * sizeof(GLuint), indices.data(),
               GL_STATIC_DRAW);
  const GLsizei stride = 8 * sizeof(float);
  auto attribute = [&](GLuint index, GLint size, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<void*>(offset * sizeof(float)));
  };
  attribute(0, 3, 0);
  attribute(1, 2, 3);
  attribute(2, 3, 5);
  glBindVertexArray(0);
}

// The mesh into the kept layer (stored top row first, for a plain copy into the window: the
// picture is drawn upside down to land the right way up).
void SurfaceView3D::drawMesh(GLuint heatmapTexture, Rgba paper, Rgba ink, float scale,
                             VectorBatch& batch, const FontAtlas& font) {
  int w = layer_.width(), h = layer_.height();
  layer_.bind();
  glClearColor(paper.r, paper.g, paper.b, 1.0f);
  glClearDepth(1.0);
  glClearStencil(0);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  drawBase(batch, font, ink, scale);
  layer_.bind();
  glEnable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  program_.use();
  glm::mat4 flip = glm::scale(glm::mat4(1.0f), glm::vec3(1.0f, -1.0f, 1.0f));
  glm::mat4 mvp = flip * frame_.matrix();
  glUniformMatrix4fv(program_.uniform("uMvp"), 1, GL_FALSE, &mvp[0][0]);
  glm::vec3 light = glm::normalize(glm::vec3(-0.7f, -0.4f, 0.6f));  // low: slopes read
  glUniform3f(program_.uniform("uLight"), light.x, light.y, light.z);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, heatmapTexture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glUniform1i(program_.uniform("uHeatmap"), 0);
  glBindVertexArray(vao_.id());
  glViewport(0, 0, w, h);
  glDrawElements(GL_TRIANGLES, indexCount_, GL_UNSIGNED_INT, nullptr);
  glBindVertexArray(0);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_BLEND);
  ++meshRenders_;
}

// The base: the view box's outline at the height of the lowest f and the axes' ranges, drawn
// before the mesh, which hides them where it passes in front.
void SurfaceView3D::drawBase(VectorBatch& batch, const FontAtlas& font, Rgba ink, float scale) {
  auto local = [&](glm::dvec3 m) {
    PointF px = frame_.toPixel(m);
    return PointF{px.x - area_.x, px.y - area_.y};
  };
  glm::dvec3 corners[] = {{-1, -1, 0}, {1, -1, 0}, {1, 1, 0}, {-1, 1, 0}};
  for (int i = 0; i < 4; ++i)
    batch.line(local(corners[i]), local(corners[(i + 1) % 4]), ink.withAlpha(0.6f), 1.2f * scale);
  auto range = [](const char* axis, double lo, double hi) {
    char text[80];
    std::snprintf(text, sizeof text, "%s %.3g … %.3g", axis, lo, hi);
    return std::string(text);
  };
  const ViewBox& v = frame_.view();
  PointF xLabel = local(glm::dvec3(0, -1.12, 0)), yLabel = local(glm::dvec3(1.12, 0, 0));
  batch.text(font, {xLabel.x, xLabel.y - 0.5f * font.pixelHeight()}, range("x", v.xMin, v.xMax),
             ink, TextAlign::Centre);
  batch.text(font, {yLabel.x, yLabel.y - 0.5f * font.pixelHeight()}, range("y", v.yMin, v.yMax),
             ink, TextAlign::Centre);
  batch.flush(font, layer_.width(), layer_.height(), layer_.rowOrder());
}

void SurfaceView3D::drawNewSegments(const Race& race, float lineWidthPx, float scale,
                                    VectorBatch& batch, const FontAtlas& font) {
  // Pixel positions in the layer, whose origin is the area's corner.
  auto local = [&](const TrajectoryPoint& p) -> std::optional<PointF> {
    if (!isFinite(p.w) || !std::isfinite(p.loss)) return std::nullopt;
    glm::dvec3 m = frame_.model(p.w, p.loss);
    m.z += kLift;
    PointF px = frame_.toPixel(m);
    return PointF{px.x - area_.x, px.y - area_.y};
  };
  std::vector<PointF> path;
  const auto& racers = race.racers();
  for (std::size_t r = 0; r < racers.size(); ++r) {
    const Racer& racer = racers[r];
    PathDrawn& drawn = paths_[r];
    if (!racer.spec().enabled || drawn.progress.stopped) continue;
    continuePath(racer.trajectory().points(), drawn.progress, local, path);
    if (path.size() < 2) continue;
    float width = layeredLineWidth(lineWidthPx, r, racers.size());
    drawPathPiece(
        batch, font, layer_, path,
        {Rgba::fromRgb(racer.spec().colorRgb), width, width + 1.6f * scale, static_cast<int>(r)});
  }
}

void SurfaceView3D::prepare(const HeatmapRenderer& renderer, const Race& race, const ViewBox& view,
                            const HeatmapStyle& heatmap, const View3DStyle& style,
                            const RectPx& area, Rgba paper, Rgba ink, float lineWidthPx,
                            float scale, VectorBatch& batch, const FontAtlas& font) {
  GLint target = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &target);
  const Surface& surface = race.surface();
  const Framebuffer& colours =
      heatmap_.update(renderer, surface, view, heatmap, kHeatmapTexels, kHeatmapTexels);
  Key key{&surface.def(), surface.params(), surface.typedShared(), view};
  bool newHeights = !(key == meshKey_);
  if (newHeights) {
    buildMesh(surface, view);
    meshKey_ = key;
  }
  int w = std::max(1, static_cast<int>(area.w)), h = std::max(1, static_cast<int>(area.h));
  area_ = area;
  frame_ = View3DFrame(view, heatmap_.range(), linearTop_, style, area);
  if (newHeights || style.logHeight != drawn_.style.logHeight || drawn_.w == 0) uploadMesh(view);
  if (!layer_ || layer_.width() != w || layer_.height() != h) {
    // Depth for the mesh, stencil for the paths (drawPathPiece).
    layer_ = Framebuffer(w, h, Framebuffer::Format::WindowLayer, true);
    drawn_ = {};
  }
  Drawn drawn{key, style, heatmap, w, h, {paper.r, paper.g, paper.b}, heatmap_.renderCount()};
  // The paths start again when the mesh is redrawn, the race is another, or a path changed
  // otherwise than by growing.
  bool stalePaths =
      !(drawn == drawn_) || pathsOf_ != race.id() || paths_.size() != race.racers().size();
  for (std::size_t r = 0; !stalePaths && r < paths_.size(); ++r) {
    const Racer& racer = race.racers()[r];
    const PathDrawn& p = paths_[r];
    stalePaths = p.stride != racer.trajectory().stride() || p.colour != racer.spec().colorRgb ||
                 p.enabled != racer.spec().enabled ||
                 (!racer.trajectory().points().empty() &&
                  p.progress.drawnUpTo > racer.trajectory().points().back().step);
  }
  if (stalePaths) {
    drawMesh(colours.texture(), paper, ink, scale, batch, font);
    drawn_ = drawn;
    pathsOf_ = race.id();
    paths_.clear();
    for (const Racer& racer : race.racers())
      paths_.push_back({.progress = {},
                        .stride = racer.trajectory().stride(),
                        .colour = racer.spec().colorRgb,
                        .enabled = racer.spec().enabled});
  }
  drawNewSegments(race, lineWidthPx, scale, batch, font);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
}

void SurfaceView3D::copyTo(int targetH) const {
  if (!layer_) return;
  GLint target = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &target);
  copyPicture(layer_, {0, 0, layer_.width(), layer_.height()}, static_cast<GLuint>(target), targetH,
              RowOrder::BottomUp, static_cast<int>(area_.x), static_cast<int>(area_.y));
}

void SurfaceView3D::queueOverlays(const Race& race, VectorBatch& batch, float scale) const {
  const View3DFrame& f = frame_;
  for (const Racer& racer : race.racers()) {
    if (!racer.spec().enabled) continue;
    Rgba colour = Rgba::fromRgb(racer.spec().colorRgb);
    const Surface& surface = race.surface();
    PointF start = f.toPixel(f.model(racer.spec().start, surface.value(racer.spec().start)) +
                             glm::dvec3(0, 0, kLift));
    float s = 5.0f * scale, rim = 1.5f * scale;
    batch.rect({start.x - s - rim, start.y - s - rim}, {start.x + s + rim, start.y + s + rim},
               kBlack);
    batch.rect({start.x - s, start.y - s}, {start.x + s, start.y + s}, kWhite);
    const TrajectoryPoint& now = racer.current();
    if (isFinite(now.w) && std::isfinite(now.loss)) {
      PointF p = f.toPixel(f.model(now.w, now.loss) + glm::dvec3(0, 0, kLift));
      batch.disc(p, 7.0f * scale, kWhite);
      batch.disc(p, 5.0f * scale, colour);
    }
  }
  for (Vec2 m : race.surface().minimizers())
    batch.star(f.toPixel(f.model(m, race.surface().value(m)) + glm::dvec3(0, 0, kLift)),
               11.0f * scale, kGold, kBlack, 1.5f * scale);
}

std::vector<PointF> SurfaceView3D::projectedData(const Race& race) const {
  std::vector<PointF> data;
  for (const Racer& r : race.racers()) {
    if (!r.spec().enabled) continue;
    const auto& points = r.trajectory().points();
    std::size_t stride = std::max<std::size_t>(1, points.size() / 300);
    for (std::size_t i = 0; i < points.size(); i += stride)
      if (isFinite(points[i].w) && std::isfinite(points[i].loss))
        data.push_back(frame_.toPixel(points[i].w, points[i].loss));
  }
  for (int i = 0; i < 4; ++i)
    data.push_back(frame_.toPixel(glm::dvec3(i % 2 ? 1 : -1, i / 2 ? 1 : -1, 0)));
  return data;
}

}  // namespace optirace
