#include "weight_slice.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "../noise.h"

namespace optirace {
namespace {

double dot(std::span<const double> a, std::span<const double> b) {
  double sum = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

void normalise(std::vector<double>& v) {
  double length = std::sqrt(dot(v, v));
  if (length > 0.0)
    for (double& x : v) x /= length;
}

// Eigenvectors of the symmetric n × n matrix a (row-major, destroyed), as the columns of the
// returned matrix, and the eigenvalues into values: cyclic Jacobi rotations, exact enough and
// short for the few dozen parameters of the tasks' networks.
std::vector<double> symmetricEigen(std::vector<double>& a, int n, std::vector<double>& values) {
  std::vector<double> v(static_cast<std::size_t>(n) * n, 0.0);
  for (int i = 0; i < n; ++i) v[i * n + i] = 1.0;
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0.0, total = 0.0;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) (i == j ? total : off) += a[i * n + j] * a[i * n + j];
    if (off <= 1e-30 * (off + total)) break;
    for (int p = 0; p < n; ++p) {
      for (int q = p + 1; q < n; ++q) {
        double apq = a[p * n + q];
        if (apq == 0.0) continue;
        double theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
        double t = std::copysign(1.0, theta) / (std::fabs(theta) + std::sqrt(theta * theta + 1.0));
        double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
        for (int k = 0; k < n; ++k) {  // A ← A·J
          double akp = a[k * n + p], akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; ++k) {  // A ← Jᵀ·A
          double apk = a[p * n + k], aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; ++k) {  // V ← V·J
          double vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  values.resize(n);
  for (int i = 0; i < n; ++i) values[i] = a[i * n + i];
  return v;
}

// Makes d orthogonal to the unit vectors in `against` (Gram–Schmidt) and unit length; false if
// nothing is left.
bool orthonormalise(std::vector<double>& d,
                    const std::vector<const std::vector<double>*>& against) {
  for (const std::vector<double>* u : against) {
    double along = dot(d, *u);
    for (std::size_t i = 0; i < d.size(); ++i) d[i] -= along * (*u)[i];
  }
  double length = std::sqrt(dot(d, d));
  if (!(length > 1e-9)) return false;
  for (double& x : d) x /= length;
  return true;
}

std::string percentLabel(const char* name, double share) {
  char text[64];
  std::snprintf(text, sizeof text, "%s (%.0f %% of the steps' variance)", name, 100.0 * share);
  return text;
}

}  // namespace

Vec2 WeightSlice::project(std::span<const double> params) const {
  std::vector<double> r(params.size());
  for (std::size_t i = 0; i < r.size(); ++i) r[i] = params[i] - origin[i];
  double a = dot(first, first), b = dot(first, second), c = dot(second, second);
  double p = dot(first, r), q = dot(second, r);
  double det = a * c - b * b;
  if (!(det > 1e-12 * a * c)) return {a > 0.0 ? p / a : 0.0, 0.0};
  return {(p * c - q * b) / det, (a * q - b * p) / det};
}

void WeightSlice::pointAt(Vec2 ab, std::span<double> out) const {
  for (std::size_t i = 0; i < origin.size(); ++i)
    out[i] = origin[i] + ab.x * first[i] + ab.y * second[i];
}

std::string parameterName(const NetworkShape& shape, int index) {
  for (int l = 0; l < shape.layerCount(); ++l) {
    int nIn = shape.layers[l], nOut = shape.layers[l + 1];
    int w = index - shape.weightOffset(l), b = index - shape.biasOffset(l);
    char text[48];
    if (w >= 0 && w < nIn * nOut) {
      std::snprintf(text, sizeof text, "W%d[%d,%d]", l, w / nIn, w % nIn);
      return text;
    }
    if (b >= 0 && b < nOut) {
      std::snprintf(text, sizeof text, "b%d[%d]", l, b);
      return text;
    }
  }
  return "?";
}

WeightSlice principalComponentSlice(std::span<const double> origin,
                                    const std::vector<std::vector<std::vector<double>>>& paths) {
  const int n = static_cast<int>(origin.size());
  std::vector<double> scatter(static_cast<std::size_t>(n) * n, 0.0), r(n);
  for (const auto& path : paths)
    for (const std::vector<double>& params : path) {
      for (int i = 0; i < n; ++i) r[i] = params[i] - origin[i];
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) scatter[i * n + j] += r[i] * r[j];
    }
  double trace = 0.0;
  for (int i = 0; i < n; ++i) trace += scatter[i * n + i];
  std::vector<double> values;
  std::vector<double> vectors = symmetricEigen(scatter, n, values);
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](int a, int b) { return values[a] > values[b]; });

  WeightSlice slice;
  slice.kind = SliceKind::PrincipalComponents;
  slice.origin.assign(origin.begin(), origin.end());
  std::vector<double>* directions[2] = {&slice.first, &slice.second};
  std::string* labels[2] = {&slice.firstLabel, &slice.secondLabel};
  int found = 0;
  for (int k = 0; k < n && found < 2; ++k) {
    if (!(trace > 0.0) || values[order[k]] <= 1e-14 * trace) break;
    std::vector<double>& d = *directions[found];
    d.resize(n);
    for (int i = 0; i < n; ++i) d[i] = vectors[i * n + order[k]];
    normalise(d);
    *labels[found] = percentLabel(found == 0 ? "PC 1" : "PC 2", values[order[k]] / trace);
    ++found;
  }
  // Too few directions of spread (no steps yet, or one straight line): coordinate axes.
  for (int axis = 0; found < 2 && axis < n; ++axis) {
    std::vector<double> d(n, 0.0);
    d[axis] = 1.0;
    std::vector<const std::vector<double>*> against;
    for (int k = 0; k < found; ++k) against.push_back(directions[k]);
    if (!orthonormalise(d, against)) continue;
    *directions[found] = d;
    *labels[found] = found == 0 ? "PC 1 (no steps yet)" : "PC 2 (no spread)";
    ++found;
  }
  return slice;
}

WeightSlice randomFilterNormalisedSlice(const NetworkShape& shape, std::span<const double> origin,
                                        std::uint64_t seed) {
  GaussianNoise noise(seed);
  WeightSlice slice;
  slice.kind = SliceKind::RandomFilterNormalised;
  slice.origin.assign(origin.begin(), origin.end());
  slice.firstLabel = "random direction 1 (filter-normalised)";
  slice.secondLabel = "random direction 2 (filter-normalised)";
  for (std::vector<double>* d : {&slice.first, &slice.second}) {
    d->assign(origin.size(), 0.0);  // biases stay 0
    for (int l = 0; l < shape.layerCount(); ++l) {
      int nIn = shape.layers[l], nOut = shape.layers[l + 1];
      for (int j = 0; j < nOut; ++j) {
        int row = shape.weightOffset(l) + j * nIn;
        double drawn = 0.0, own = 0.0;
        for (int i = 0; i < nIn; ++i) {
          (*d)[row + i] = noise.nextNormal();
          drawn += (*d)[row + i] * (*d)[row + i];
          own += origin[row + i] * origin[row + i];
        }
        double scale = drawn > 0.0 ? std::sqrt(own / drawn) : 0.0;
        for (int i = 0; i < nIn; ++i) (*d)[row + i] *= scale;
      }
    }
  }
  return slice;
}

WeightSlice namedWeightSlice(const NetworkShape& shape, std::span<const double> origin,
                             int firstIndex, int secondIndex) {
  const int n = static_cast<int>(origin.size());
  for (int index : {firstIndex, secondIndex})
    if (index < 0 || index >= n)
      throw std::invalid_argument("weight " + std::to_string(index) + " is not one of the " +
                                  std::to_string(n) + " parameters (0 … " + std::to_string(n - 1) +
                                  ")");
  if (firstIndex == secondIndex)
    throw std::invalid_argument("the slice needs two different weights");
  WeightSlice slice{.kind = SliceKind::NamedWeights,
                    .origin = {origin.begin(), origin.end()},
                    .first = std::vector<double>(n, 0.0),
                    .second = std::vector<double>(n, 0.0),
                    .firstLabel = parameterName(shape, firstIndex),
                    .secondLabel = parameterName(shape, secondIndex)};
  slice.first[firstIndex] = 1.0;
  slice.second[secondIndex] = 1.0;
  return slice;
}

void sliceLosses(const NetworkShape& shape, const Dataset& data, const WeightSlice& slice,
                 const ViewBox& view, int columns, int rows, std::span<double> out) {
  auto rowsFrom = [&](int firstRow, int step) {
    DenseNetwork network(shape, data);
    std::vector<double> params(slice.origin.size());
    for (int row = firstRow; row < rows; row += step) {
      double beta = view.yMin + (row + 0.5) / rows * view.height();
      for (int column = 0; column < columns; ++column) {
        double alpha = view.xMin + (column + 0.5) / columns * view.width();
        slice.pointAt({alpha, beta}, params);
        out[static_cast<std::size_t>(row) * columns + column] = network.evaluate(params).loss;
      }
    }
  };
  try {
    std::thread other(rowsFrom, 1, 2);  // odd rows; this thread the even ones
    rowsFrom(0, 2);
    other.join();
  } catch (const std::system_error&) {  // no second thread to be had: all rows here
    rowsFrom(0, 1);
  }
}

}  // namespace optirace
