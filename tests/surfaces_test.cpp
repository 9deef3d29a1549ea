// Every surface: analytic gradient against central differences, listed minimizers are
// stationary with value f*, parameters validated.
#include <gtest/gtest.h>

#include <cmath>

#include "noise.h"
#include "surface.h"

namespace optirace {
namespace {

class EverySurface : public ::testing::TestWithParam<const SurfaceDef*> {};

// Central difference with a step scaled to the coordinate; its error is O(h²·f''') plus
// round-off O(ε·f/h), so the comparison is relative to the gradient's scale.
TEST_P(EverySurface, GradientMatchesCentralDifferences) {
  const SurfaceDef& def = *GetParam();
  std::vector<Surface> variants{Surface(def)};
  if (def.name == "quadratic") {  // a rotated, differently shaped bowl too
    Surface tilted(def);
    ASSERT_FALSE(tilted.setParam("a", 3.0));
    ASSERT_FALSE(tilted.setParam("b", 20.0));
    ASSERT_FALSE(tilted.setParam("angle", 35.0));
    variants.push_back(tilted);
  }
  GaussianNoise rng(1234);
  for (const Surface& s : variants) {
    const ViewBox& v = def.defaultView;
    for (int i = 0; i < 500; ++i) {
      Vec2 w{v.xMin + rng.nextUniform() * v.width(), v.yMin + rng.nextUniform() * v.height()};
      Vec2 g = s.gradient(w);
      double hx = 1e-6 * std::fmax(1.0, std::fabs(w.x)), hy = 1e-6 * std::fmax(1.0, std::fabs(w.y));
      double dx = (s.value({w.x + hx, w.y}) - s.value({w.x - hx, w.y})) / (2 * hx);
      double dy = (s.value({w.x, w.y + hy}) - s.value({w.x, w.y - hy})) / (2 * hy);
      double scale = std::fmax(1.0, std::fmax(std::fabs(s.value(w)), norm(g)));
      EXPECT_NEAR(g.x, dx, 1e-6 * scale) << def.name << " at (" << w.x << ", " << w.y << ")";
      EXPECT_NEAR(g.y, dy, 1e-6 * scale) << def.name << " at (" << w.x << ", " << w.y << ")";
    }
  }
}

TEST_P(EverySurface, MinimizersAreStationaryAtMinimumValue) {
  Surface s(*GetParam());
  ASSERT_FALSE(s.minimizers().empty());
  for (Vec2 m : s.minimizers()) {
    EXPECT_LT(norm(s.gradient(m)), 1e-9) << s.name() << " at (" << m.x << ", " << m.y << ")";
    EXPECT_NEAR(s.value(m), s.minimumValue(), 1e-12 * std::fmax(1.0, std::fabs(s.minimumValue())));
  }
  // Nothing on a fine grid of the view lies below f* (it is the global minimum).
  const ViewBox& v = s.def().defaultView;
  for (int i = 0; i <= 200; ++i)
    for (int j = 0; j <= 200; ++j) {
      Vec2 w{v.xMin + v.width() * i / 200.0, v.yMin + v.height() * j / 200.0};
      ASSERT_GE(s.value(w), s.minimumValue() - 1e-9) << s.name();
    }
}

TEST_P(EverySurface, DefaultStartLiesInDefaultView) {
  const SurfaceDef& def = *GetParam();
  EXPECT_TRUE(def.defaultView.contains(def.defaultStart)) << def.name;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, EverySurface, ::testing::ValuesIn(allSurfaces()),
                         [](const auto& info) {
                           std::string n(info.param->name);
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

TEST(SurfaceCatalogue, HasTheEightSpecSurfaces) {
  for (const char* name : {"quadratic", "rosenbrock", "beale", "himmelblau", "saddle", "rastrigin",
                           "styblinski-tang", "six-hump-camel"})
    EXPECT_NE(findSurface(name), nullptr) << name;
  EXPECT_EQ(allSurfaces().size(), 8u);
}

TEST(SurfaceParams, RosenbrockMinimizerFollowsA) {
  Surface s(*findSurface("rosenbrock"));
  ASSERT_FALSE(s.setParam("a", 2.0));
  ASSERT_EQ(s.minimizers().size(), 1u);
  EXPECT_EQ(s.minimizers()[0], (Vec2{2.0, 4.0}));
  EXPECT_EQ(s.value({2.0, 4.0}), 0.0);
}

TEST(SurfaceParams, RotatedBowlKeepsCurvaturesAlongRotatedAxes) {
  Surface s(*findSurface("quadratic"));
  ASSERT_FALSE(s.setParam("angle", 45.0));
  double r = std::sqrt(0.5);
  EXPECT_NEAR(s.value({r, r}), 1.0, 1e-12);    // along u: a = 1
  EXPECT_NEAR(s.value({-r, r}), 50.0, 1e-12);  // along v: b = 50
}

TEST(SurfaceParams, InvalidValuesAreRefusedWithTheirName) {
  Surface s(*findSurface("quadratic"));
  auto error = s.setParam("b", -1.0);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("b must be in [0"), std::string::npos) << *error;
  error = s.setParam("c", 1.0);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("no parameter 'c'"), std::string::npos) << *error;
  EXPECT_TRUE(s.setParam("a", std::nan("")));
  EXPECT_EQ(s.param("b"), 50.0);  // unchanged by the refused values
}

}  // namespace
}  // namespace optirace
