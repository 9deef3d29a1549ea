// The loss landscape's slice through weight space (core/network/weight_slice): its directions
// (principal components, filter-normalised random, named weights), the projection of
// trajectories onto it, and the losses on its grid.
#include "network/weight_slice.h"

#include <gtest/gtest.h>

#include <cmath>

#include "network/training_run.h"

namespace optirace {
namespace {

double dotOf(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

// Steps along u (long) and v (short) from θ₀: the components are the (u, v) scatter's axes.
TEST(WeightSlice, PrincipalComponentsOfKnownSteps) {
  std::vector<double> origin{0.5, -1.0, 2.0, 0.0};
  std::vector<double> u{0.6, 0.8, 0.0, 0.0}, v{0.0, 0.0, 0.0, 1.0};
  std::vector<std::vector<double>> path;
  for (int k = 1; k <= 50; ++k) {
    std::vector<double> p = origin;
    for (int i = 0; i < 4; ++i) p[i] += 0.1 * k * u[i] + 0.3 * std::sin(k) * v[i];
    path.push_back(p);
  }
  WeightSlice slice = principalComponentSlice(origin, {path});
  // The steps' scatter in (u, v) coordinates, [[Σa², Σab], [Σab, Σb²]] with a = 0.1k and
  // b = 0.3 sin k, and its larger eigenvalue's eigenvector (cos φ, sin φ): the first component
  // is cos φ·u + sin φ·v, the second −sin φ·u + cos φ·v.
  double saa = 0.0, sab = 0.0, sbb = 0.0;
  for (int k = 1; k <= 50; ++k) {
    double a = 0.1 * k, b = 0.3 * std::sin(k);
    saa += a * a;
    sab += a * b;
    sbb += b * b;
  }
  double phi = 0.5 * std::atan2(2.0 * sab, saa - sbb);
  std::vector<double> pc1(4), pc2(4);
  for (int i = 0; i < 4; ++i) {
    pc1[i] = std::cos(phi) * u[i] + std::sin(phi) * v[i];
    pc2[i] = -std::sin(phi) * u[i] + std::cos(phi) * v[i];
  }
  EXPECT_NEAR(std::fabs(dotOf(slice.first, pc1)), 1.0, 1e-12);
  EXPECT_NEAR(std::fabs(dotOf(slice.second, pc2)), 1.0, 1e-12);
  EXPECT_NE(slice.firstLabel.find("PC 1 ("), std::string::npos);
  // Points of the plane project onto their own coordinates.
  Vec2 ab = slice.project(path[9]);
  std::vector<double> back(4);
  slice.pointAt(ab, back);
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(back[i], path[9][i], 1e-12);
}

TEST(WeightSlice, NoStepsYetStillGivesTwoDirections) {
  std::vector<double> origin{1.0, 2.0, 3.0};
  WeightSlice slice = principalComponentSlice(origin, {});
  EXPECT_NEAR(dotOf(slice.first, slice.first), 1.0, 1e-15);
  EXPECT_NEAR(dotOf(slice.second, slice.second), 1.0, 1e-15);
  EXPECT_NEAR(dotOf(slice.first, slice.second), 0.0, 1e-15);
}

// Least squares with directions that are not orthogonal.
TEST(WeightSlice, ProjectionSolvesForSkewDirections) {
  WeightSlice slice;
  slice.origin = {1.0, 1.0, 1.0};
  slice.first = {1.0, 0.0, 1.0};
  slice.second = {1.0, 1.0, 0.0};
  std::vector<double> p(3);
  slice.pointAt({2.0, -3.0}, p);
  Vec2 ab = slice.project(p);
  EXPECT_NEAR(ab.x, 2.0, 1e-14);
  EXPECT_NEAR(ab.y, -3.0, 1e-14);
}

// Each neuron's incoming weights have the norm of that neuron's weights at θ₀; biases 0.
TEST(WeightSlice, RandomDirectionsAreFilterNormalised) {
  const TaskDef& task = *findTask("circle");
  const NetworkShape& shape = task.shape;
  WeightSlice slice = randomFilterNormalisedSlice(shape, task.initialParams, 7);
  for (const std::vector<double>* d : {&slice.first, &slice.second}) {
    for (int l = 0; l < shape.layerCount(); ++l) {
      int nIn = shape.layers[l], nOut = shape.layers[l + 1];
      for (int j = 0; j < nOut; ++j) {
        double drawn = 0.0, own = 0.0;
        for (int i = 0; i < nIn; ++i) {
          int at = shape.weightOffset(l) + j * nIn + i;
          drawn += (*d)[at] * (*d)[at];
          own += task.initialParams[at] * task.initialParams[at];
        }
        EXPECT_NEAR(std::sqrt(drawn), std::sqrt(own), 1e-12);
      }
      for (int j = 0; j < nOut; ++j) EXPECT_EQ((*d)[shape.biasOffset(l) + j], 0.0);
    }
  }
  EXPECT_EQ(randomFilterNormalisedSlice(shape, task.initialParams, 7).first, slice.first);
  EXPECT_NE(randomFilterNormalisedSlice(shape, task.initialParams, 8).first, slice.first);
}

TEST(WeightSlice, NamedWeights) {
  const TaskDef& task = *findTask("xor");
  EXPECT_EQ(parameterName(task.shape, 7), "W0[3,1]");  // W₀ is 8 × 2
  EXPECT_EQ(parameterName(task.shape, 16), "b0[0]");
  EXPECT_EQ(parameterName(task.shape, 24), "W1[0,0]");
  EXPECT_EQ(parameterName(task.shape, 32), "b1[0]");
  WeightSlice slice = namedWeightSlice(task.shape, task.initialParams, 7, 32);
  EXPECT_EQ(slice.firstLabel, "W0[3,1]");
  Vec2 ab = slice.project(task.initialParams);
  EXPECT_EQ(ab.x, 0.0);
  EXPECT_EQ(ab.y, 0.0);
  EXPECT_THROW(namedWeightSlice(task.shape, task.initialParams, 3, 3), std::invalid_argument);
  EXPECT_THROW(namedWeightSlice(task.shape, task.initialParams, 0, 33), std::invalid_argument);
}

// Trained trajectories lie closer to their principal plane than to a random plane: the residual
// of the projection (PCA's least squares) is smaller.
TEST(WeightSlice, TrajectoriesLieCloseToTheirPrincipalPlane) {
  const TaskDef& task = *findTask("xor");
  std::vector<std::vector<std::vector<double>>> paths;
  for (const char* name : {"adam", "momentum"}) {
    TrainingRun run(task, *findOptimizer(name), {.lr = 0.05, .beta1 = 0.9, .beta2 = 0.999}, {}, {});
    std::vector<std::vector<double>> path;
    for (int k = 0; k < 300; ++k) {
      run.epoch();
      path.emplace_back(run.params().begin(), run.params().end());
    }
    paths.push_back(path);
  }
  auto residual = [&](const WeightSlice& slice) {
    double sum = 0.0;
    std::vector<double> onPlane(task.initialParams.size());
    for (const auto& path : paths)
      for (const auto& p : path) {
        slice.pointAt(slice.project(p), onPlane);
        for (std::size_t i = 0; i < p.size(); ++i) sum += (p[i] - onPlane[i]) * (p[i] - onPlane[i]);
      }
    return sum;
  };
  double principal = residual(principalComponentSlice(task.initialParams, paths));
  for (std::uint64_t seed : {1, 2, 3}) {
    double random = residual(randomFilterNormalisedSlice(task.shape, task.initialParams, seed));
    EXPECT_LT(principal, random) << "seed " << seed;
  }
}

// The grid's losses are the network's loss at each cell's centre, to the bit.
TEST(WeightSlice, GridLossesAreTheNetworksLossAtCellCentres) {
  const TaskDef& task = *findTask("circle");
  WeightSlice slice = randomFilterNormalisedSlice(task.shape, task.initialParams, 3);
  ViewBox view{-2.0, 1.0, -1.5, 2.5};
  const int columns = 9, rows = 7;
  std::vector<double> losses(columns * rows);
  sliceLosses(task.shape, task.data, slice, view, columns, rows, losses);
  DenseNetwork network(task.shape, task.data);
  std::vector<double> params(task.initialParams.size());
  for (int row : {0, 3, 6})
    for (int column : {0, 4, 8}) {
      slice.pointAt({-2.0 + (column + 0.5) / columns * 3.0, -1.5 + (row + 0.5) / rows * 4.0},
                    params);
      EXPECT_EQ(losses[row * columns + column], network.evaluate(params).loss);
    }
}

}  // namespace
}  // namespace optirace
