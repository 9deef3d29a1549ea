#include "minimum_search.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace optirace {

namespace {

// The search's effort: 12 × 12 starts, 200 iterations each and a 64 × 64 check grid for the
// usual expressions of up to a few hundred operations; less for longer ones, so that a text
// edit of a 10 kB expression costs about a tenth of a second and half a megabyte about one.
struct Effort {
  int startsPerAxis, maxIterations, samplesPerAxis;
};
Effort effortFor(int size) {
  if (size <= 300) return {12, 200, 64};
  if (size <= 3000) return {8, 60, 32};
  if (size <= 30000) return {4, 30, 16};
  return {2, 15, 8};
}

struct Symmetric2 {
  double xx, xy, yy;
};

// The Hessian by central differences of the exact gradient, symmetrised.
Symmetric2 hessianAt(const std::function<Vec2(Vec2)>& gradient, Vec2 w, double h) {
  Vec2 gx = gradient({w.x + h, w.y}) - gradient({w.x - h, w.y});
  Vec2 gy = gradient({w.x, w.y + h}) - gradient({w.x, w.y - h});
  return {gx.x / (2 * h), 0.25 * (gx.y + gy.x) / h, gy.y / (2 * h)};
}

// Descends from w: a Newton step where the Hessian is positive definite, else the gradient
// direction, each halved until f decreases. Returns the point where it stopped.
Vec2 descend(const std::function<double(Vec2)>& f, const std::function<Vec2(Vec2)>& gradient,
             Vec2 w, const ViewBox& view, double scale, int maxIterations) {
  double fw = f(w);
  for (int it = 0; it < maxIterations && std::isfinite(fw); ++it) {
    Vec2 g = gradient(w);
    if (!std::isfinite(g.x) || !std::isfinite(g.y)) break;
    Symmetric2 H = hessianAt(gradient, w, 1e-6 * scale);
    double det = H.xx * H.yy - H.xy * H.xy;
    Vec2 d;
    if (H.xx > 0 && det > 0)
      d = Vec2{-(H.yy * g.x - H.xy * g.y) / det, -(H.xx * g.y - H.xy * g.x) / det};
    else {
      double norm = std::hypot(g.x, g.y);
      if (norm == 0) break;
      d = Vec2{-g.x / norm * 0.1 * scale, -g.y / norm * 0.1 * scale};
    }
    double t = 1.0;
    Vec2 next = w;
    double fn = fw;
    for (int k = 0; k < 60; ++k, t *= 0.5) {
      next = w + d * t;
      fn = f(next);
      if (fn <= fw) break;
    }
    if (!(fn <= fw)) break;
    bool still = std::hypot(next.x - w.x, next.y - w.y) <= 1e-15 * scale;
    w = next;
    fw = fn;
    if (still) break;
    // Gone well past the view: f keeps decreasing out of it.
    if (std::abs(w.x - view.centre().x) > view.width() ||
        std::abs(w.y - view.centre().y) > view.height())
      break;
  }
  return w;
}

}  // namespace

MinimumSearch searchMinimum(const std::function<double(Vec2)>& f,
                            const std::function<Vec2(Vec2)>& gradient, const ViewBox& view,
                            int size) {
  const Effort effort = effortFor(size);
  const int kStartsPerAxis = effort.startsPerAxis, kSamplesPerAxis = effort.samplesPerAxis;
  const double scale = std::max(view.width(), view.height());
  std::vector<std::pair<double, Vec2>> minima;
  for (int i = 0; i < kStartsPerAxis; ++i)
    for (int j = 0; j < kStartsPerAxis; ++j) {
      Vec2 start{view.xMin + view.width() * (i + 0.5) / kStartsPerAxis,
                 view.yMin + view.height() * (j + 0.5) / kStartsPerAxis};
      Vec2 w = descend(f, gradient, start, view, scale, effort.maxIterations);
      double fw = f(w);
      Vec2 g = gradient(w);
      if (!view.contains(w) || !std::isfinite(fw)) continue;
      Symmetric2 H = hessianAt(gradient, w, 1e-6 * scale);
      double gradientNorm = std::hypot(g.x, g.y);
      // A minimum: stationary (to the gradient's rounding) with no direction of descent.
      double curvature = std::max({std::abs(H.xx), std::abs(H.yy), 1.0});
      bool stationary = gradientNorm <= 1e-6 * curvature * scale;
      bool convex = H.xx >= -1e-6 * curvature && H.yy >= -1e-6 * curvature &&
                    H.xx * H.yy - H.xy * H.xy >= -1e-6 * curvature * curvature;
      if (stationary && convex) minima.push_back({fw, w});
    }
  MinimumSearch out;
  if (minima.empty()) return out;
  double lowest = std::min_element(minima.begin(), minima.end(), [](auto& a, auto& b) {
                    return a.first < b.first;
                  })->first;
  double tolerance = 1e-9 * std::max(1.0, std::abs(lowest));
  // f lower somewhere in the view than at every minimum found: it decreases out of the view.
  for (int i = 0; i <= kSamplesPerAxis; ++i)
    for (int j = 0; j <= kSamplesPerAxis; ++j) {
      Vec2 w{view.xMin + view.width() * i / kSamplesPerAxis,
             view.yMin + view.height() * j / kSamplesPerAxis};
      if (f(w) < lowest - tolerance) return out;
    }
  out.found = true;
  // Less four rounding units: f evaluated elsewhere near the minimum can round a unit or two
  // below the polished minimum's value, and a gap f − f* should never be negative.
  out.value = lowest - 4.0 * DBL_EPSILON * std::abs(lowest);
  for (const auto& found : minima) {
    Vec2 w = found.second;
    if (found.first > lowest + tolerance) continue;
    bool seen = std::any_of(out.minimizers.begin(), out.minimizers.end(), [&](Vec2 m) {
      return std::hypot(m.x - w.x, m.y - w.y) <= 1e-6 * scale;
    });
    if (!seen) out.minimizers.push_back(w);
  }
  return out;
}

}  // namespace optirace
