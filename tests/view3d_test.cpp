// The 3-D view: the mesh lies where the glm camera puts the surface (the pixels at projected
// surface points are the mesh's, beyond the model's box the paper's), the stars and markers are
// drawn at their projections, the camera turns with the azimuth; `render --3d` end to end.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "canvas_painter.h"
#include "gl_test_context.h"
#include "run_cli.h"
#include "scratch_folder.h"

namespace optirace {
namespace {

struct Picture {
  int w, h;
  std::vector<std::uint8_t> bottomUp;
  const std::uint8_t* at(PointF p) const {
    int x = static_cast<int>(p.x), y = h - 1 - static_cast<int>(p.y);
    return &bottomUp[(static_cast<size_t>(y) * w + x) * 4];
  }
  bool inside(PointF p) const { return p.x >= 0 && p.y >= 0 && p.x < w && p.y < h; }
};

Picture paint3d(CanvasPainter& painter, const Race& race, const View3DStyle& view, int w, int h) {
  CanvasStyle style;
  style.legend = false;
  style.view3d = view;
  painter.paint(race, race.scenario().settings.view, "", style, {0, 0, float(w), float(h)}, w, h,
                1.0f);
  Picture p{w, h, std::vector<std::uint8_t>(static_cast<size_t>(w) * h * 4)};
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, p.bottomUp.data());
  return p;
}

int distanceTo(const std::uint8_t* p, Rgba c) {
  return std::abs(p[0] - int(255 * c.r)) + std::abs(p[1] - int(255 * c.g)) +
         std::abs(p[2] - int(255 * c.b));
}

TEST(View3D, MeshStarAndMarkersLieWhereTheCameraProjectsThem) {
  REQUIRE_DISPLAY();
  Scenario s = defaultScenario(*findSurface("rosenbrock"), {"adam"});
  s.racers[0].hyper.lr = 0.02;
  s.racers[0].colorRgb = 0xD55E00;
  s.steps = 300;
  Race race(s);
  race.advance(300);
  const int w = 900, h = 700;
  CanvasOnTarget canvas(w, h);
  CanvasPainter& painter = canvas.painter;
  Rgba paper = paperFor(false);
  std::vector<PointF> cornerPixels;
  for (double azimuth : {-60.0, 30.0}) {
    SCOPED_TRACE(azimuth);
    View3DStyle view{.enabled = true, .azimuthDeg = azimuth, .elevationDeg = 35};
    Picture picture = paint3d(painter, race, view, w, h);
    const View3DFrame& frame = painter.view3dFrame();
    const Surface& surface = race.surface();
    const ViewBox& box = s.settings.view;
    // Surface points well inside the box: the mesh is drawn there (not the paper).
    int onMesh = 0, samples = 0;
    for (double fx : {0.2, 0.4, 0.6, 0.8})
      for (double fy : {0.2, 0.4, 0.6, 0.8}) {
        Vec2 p{box.xMin + fx * box.width(), box.yMin + fy * box.height()};
        PointF px = frame.toPixel(p, surface.value(p));
        if (!picture.inside(px)) continue;
        ++samples;
        onMesh += distanceTo(picture.at(px), paper) > 30;
      }
    EXPECT_GE(samples, 12);
    EXPECT_GE(onMesh, samples - 1) << "the mesh lies where the camera projects the surface";
    // A corner of the picture, outside the model's projected box: paper.
    EXPECT_LT(distanceTo(picture.at({3, 3}), paper), 6);
    // The gold star at the minimizer's projection, the racer's disc at its current point.
    Vec2 m = surface.minimizers()[0];
    PointF star = frame.toPixel(frame.model(m, surface.value(m)) + glm::dvec3(0, 0, 0.012));
    EXPECT_LT(distanceTo(picture.at(star), Rgba::fromRgb(0xFFD700)), 60);
    const TrajectoryPoint& now = race.racers()[0].current();
    PointF disc = frame.toPixel(frame.model(now.w, now.loss) + glm::dvec3(0, 0, 0.012));
    if (std::hypot(disc.x - star.x, disc.y - star.y) > 14) {
      EXPECT_LT(distanceTo(picture.at(disc), Rgba::fromRgb(0xD55E00)), 40);
    }
    cornerPixels.push_back(frame.toPixel(glm::dvec3(1, -1, 0)));
  }
  ASSERT_EQ(cornerPixels.size(), 2u);
  EXPECT_GT(
      std::hypot(cornerPixels[0].x - cornerPixels[1].x, cornerPixels[0].y - cornerPixels[1].y), 50)
      << "turning the camera moves the box's corner on screen";
  EXPECT_EQ(painter.meshRenderCount(), 2) << "one mesh picture per camera";
}

TEST(View3D, RenderThreeDWritesThePictureAndRefusesBadAngles) {
  REQUIRE_DISPLAY();
  namespace fs = std::filesystem;
  std::string base = "render --scenario " + std::string(OPTIRACE_SOURCE_DIR) +
                     "/assets/presets/1_sgd_zigzag.json --width 500 --height 400 ";
  fs::path out = scratchPath("view3d.png"), bad = scratchPath("view3d_bad.png");
  ASSERT_EQ(runCliQuietly(base + "--3d --azimuth 20 --elevation 50 --out " + out.string()), 0);
  EXPECT_GT(fs::file_size(out), 10'000u);
  EXPECT_EQ(runCliQuietly(base + "--3d --elevation 95 --out " + bad.string()), 2);
  EXPECT_EQ(runCliQuietly(base + "--3d --azimuth north --out " + bad.string()), 2);
  EXPECT_EQ(runCliQuietly(base + "--azimuth 20 --out " + bad.string()), 2) << "angles need --3d";
  EXPECT_FALSE(fs::exists(bad));
}

}  // namespace
}  // namespace optirace
