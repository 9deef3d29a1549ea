#include "sweep_kernel.h"

#include <cfloat>
#include <cmath>
#include <numbers>

#include "noise.h"
#include "optimizer_run.h"
#include "optimizers/adam_core.h"

namespace optirace {

namespace {

constexpr int kLanes = 4;    // doubles in one vector
constexpr int kVectors = 4;  // vectors stepped together: independent chains hide sqrt/div latency

// GCC's vector extension: arithmetic is element-wise IEEE, `mask ? a : b` becomes a blend, so
// each statement below is the engine's scalar arithmetic done for four cells at once.
using V = double __attribute__((vector_size(32)));
using Mask = long __attribute__((vector_size(32)));

[[gnu::always_inline]] inline V sqrtV(V v) {
  V r;
  for (int i = 0; i < kLanes; ++i) r[i] = std::sqrt(v[i]);  // vsqrtpd: IEEE-exact like std::sqrt
  return r;
}
[[gnu::always_inline]] inline V splat(double d) {
  return V{d, d, d, d};
}

enum class SurfaceKind { Quadratic, Rosenbrock };
enum class Rule { Sgd, Momentum, Adam, AdamAmsgrad, AdamW, AdamWAmsgrad };

// One vector's worth of cells; flags and step numbers are doubles too (1/0, −1 for none).
struct Lanes {
  V x, y;
  V mx = {}, my = {}, vx = {}, vy = {}, ux = {}, uy = {};
  V beta1Power, beta2Power;
  V lr, beta1, beta2, eps, decay, dampening;
  V centreX, centreY, reachSquared;
  V alive;
  V finalX, finalY, finalLoss, finalGap, bestGap;
  V stepsToThreshold, divergedStep;
};

struct SurfaceConstants {
  double a, b;    // quadratic: curvatures; rosenbrock: a and b
  double cs, sn;  // quadratic: cos θ, sin θ (as core/surfaces/quadratic.cpp computes them)
  double fStar;
};

template <SurfaceKind S>
[[gnu::always_inline]] inline void gradient(const SurfaceConstants& k, V x, V y, V& gx, V& gy) {
  if constexpr (S == SurfaceKind::Quadratic) {
    V u = x * k.cs + y * k.sn, v = -x * k.sn + y * k.cs;
    V du = 2.0 * k.a * u, dv = 2.0 * k.b * v;
    gx = du * k.cs - dv * k.sn;
    gy = du * k.sn + dv * k.cs;
  } else {
    V r = y - x * x;
    gx = -2.0 * (k.a - x) - 4.0 * k.b * x * r;
    gy = 2.0 * k.b * r;
  }
}

template <SurfaceKind S>
[[gnu::always_inline]] inline V value(const SurfaceConstants& k, V x, V y) {
  if constexpr (S == SurfaceKind::Quadratic) {
    V u = x * k.cs + y * k.sn, v = -x * k.sn + y * k.cs;
    return k.a * u * u + k.b * v * v;
  } else {
    V r = y - x * x;
    return (k.a - x) * (k.a - x) + k.b * r * r;
  }
}

constexpr bool isDecoupled(Rule r) {
  return r == Rule::AdamW || r == Rule::AdamWAmsgrad;
}
constexpr bool usesMax(Rule r) {
  return r == Rule::AdamAmsgrad || r == Rule::AdamWAmsgrad;
}

// Scalar constants multiply as the engine's do: 2.0 * k.a * u is (2.0 * a) * u in both, since
// k.a is a scalar and the vector extension keeps the source's evaluation order.
struct Block {
  Lanes v[kVectors];
};

template <SurfaceKind S, Rule R, bool Noisy>
[[gnu::always_inline]] inline void stepBlock(Block& block, const SurfaceConstants& k, long steps,
                                             double sigma, std::uint64_t seed, double threshold) {
  GaussianNoise noise(seed);  // every cell draws the same sequence: drawn once for the block
  const V zero = splat(0.0), one = splat(1.0);
  for (long t = 1; t <= steps; ++t) {
    V step = splat(static_cast<double>(t));
    double ex = 0.0, ey = 0.0;
    if constexpr (Noisy) {
      ex = noise.nextNormal();
      ey = noise.nextNormal();
    }
    double anyAlive = 0.0;
    for (int j = 0; j < kVectors; ++j) {
      Lanes& b = block.v[j];
      V x = b.x, y = b.y, gx, gy;
      gradient<S>(k, x, y, gx, gy);
      if constexpr (Noisy) {
        gx = gx + sigma * ex;
        gy = gy + sigma * ey;
      }
      if constexpr (!isDecoupled(R)) {  // coupled L2, skipped at λ = 0 as the engine does
        Mask coupled = b.decay != zero;
        gx = coupled ? gx + b.decay * x : gx;
        gy = coupled ? gy + b.decay * y : gy;
      }
      if constexpr (R == Rule::Sgd) {
        x = x - b.lr * gx;
        y = y - b.lr * gy;
      } else if constexpr (R == Rule::Momentum) {
        if (t == 1) {
          b.mx = gx;
          b.my = gy;
        } else {
          b.mx = b.beta1 * b.mx + (1.0 - b.dampening) * gx;
          b.my = b.beta1 * b.my + (1.0 - b.dampening) * gy;
        }
        x = x - b.lr * b.mx;
        y = y - b.lr * b.my;
      } else {
        if constexpr (isDecoupled(R)) {
          V factor = 1.0 - b.lr * b.decay;
          x = factor * x;
          y = factor * y;
        }
        b.mx = b.beta1 * b.mx + (1.0 - b.beta1) * gx;
        b.my = b.beta1 * b.my + (1.0 - b.beta1) * gy;
        b.vx = b.beta2 * b.vx + (1.0 - b.beta2) * (gx * gx);
        b.vy = b.beta2 * b.vy + (1.0 - b.beta2) * (gy * gy);
        b.beta1Power *= b.beta1;  // as optimizers::nextPower: 0 below 2⁻⁶⁰
        b.beta2Power *= b.beta2;
        b.beta1Power = b.beta1Power < optimizers::kPowerFlush ? zero : b.beta1Power;
        b.beta2Power = b.beta2Power < optimizers::kPowerFlush ? zero : b.beta2Power;
        V biasCorrection1 = 1.0 - b.beta1Power;
        V biasCorrection2Sqrt = sqrtV(1.0 - b.beta2Power);
        V stepSize = b.lr / biasCorrection1;
        V sx = b.vx, sy = b.vy;
        if constexpr (usesMax(R)) {
          b.ux = b.ux < b.vx ? b.vx : b.ux;
          b.uy = b.uy < b.vy ? b.vy : b.uy;
          sx = b.ux;
          sy = b.uy;
        }
        V denomX = sqrtV(sx) / biasCorrection2Sqrt + b.eps;
        V denomY = sqrtV(sy) / biasCorrection2Sqrt + b.eps;
        x = x - stepSize * (b.mx / denomX);
        y = y - stepSize * (b.my / denomY);
      }
      b.x = x;
      b.y = y;
      V loss = value<S>(k, x, y), gap = loss - k.fStar;
      V dx = x - b.centreX, dy = y - b.centreY;
      auto absV = [](V v) { return v < 0.0 ? -v : v; };
      Mask finite = (absV(x) <= DBL_MAX) & (absV(y) <= DBL_MAX) & (absV(loss) <= DBL_MAX);
      Mask diverged = ~finite | (dx * dx + dy * dy > b.reachSquared);
      Mask running = b.alive != zero;
      b.finalX = running ? x : b.finalX;
      b.finalY = running ? y : b.finalY;
      b.finalLoss = running ? loss : b.finalLoss;
      b.finalGap = running ? gap : b.finalGap;
      b.divergedStep = (running & diverged) ? step : b.divergedStep;
      Mask counts = running & ~diverged;
      b.bestGap = (counts & (gap < b.bestGap)) ? gap : b.bestGap;
      b.stepsToThreshold =
          (counts & (b.stepsToThreshold < 0.0) & (gap < threshold)) ? step : b.stepsToThreshold;
      b.alive = counts ? one : zero;
      anyAlive += b.alive[0] + b.alive[1] + b.alive[2] + b.alive[3];
    }
    if ((t & 63) == 0 && anyAlive == 0.0) break;  // every cell of the block has diverged
  }
}

// Everything down to stepBlock is inlined into each clone of stepBlockDispatch, so the AVX2
// clone's loop is compiled for AVX2.
template <SurfaceKind S, Rule R>
[[gnu::always_inline]] inline void dispatchNoise(Block& b, const SurfaceConstants& k,
                                                 const SweepSpec& spec) {
  if (spec.settings.noiseSigma > 0.0)
    stepBlock<S, R, true>(b, k, spec.steps, spec.settings.noiseSigma, spec.settings.seed,
                          spec.settings.threshold);
  else
    stepBlock<S, R, false>(b, k, spec.steps, 0.0, spec.settings.seed, spec.settings.threshold);
}

template <SurfaceKind S>
[[gnu::always_inline]] inline void dispatchRule(Block& b, const SurfaceConstants& k,
                                                const SweepSpec& spec, Rule rule) {
  switch (rule) {
    case Rule::Sgd:
      return dispatchNoise<S, Rule::Sgd>(b, k, spec);
    case Rule::Momentum:
      return dispatchNoise<S, Rule::Momentum>(b, k, spec);
    case Rule::Adam:
      return dispatchNoise<S, Rule::Adam>(b, k, spec);
    case Rule::AdamAmsgrad:
      return dispatchNoise<S, Rule::AdamAmsgrad>(b, k, spec);
    case Rule::AdamW:
      return dispatchNoise<S, Rule::AdamW>(b, k, spec);
    case Rule::AdamWAmsgrad:
      return dispatchNoise<S, Rule::AdamWAmsgrad>(b, k, spec);
  }
}

// Compiled twice: for AVX2 and for plain x86-64; the loader picks one for this processor.
__attribute__((target_clones("avx2", "default"))) void stepBlockDispatch(
    Block& b, const SurfaceConstants& k, const SweepSpec& spec, Rule rule, bool rosenbrock) {
  if (rosenbrock)
    dispatchRule<SurfaceKind::Rosenbrock>(b, k, spec, rule);
  else
    dispatchRule<SurfaceKind::Quadratic>(b, k, spec, rule);
}

Rule ruleFor(const SweepSpec& spec) {
  const std::string& o = spec.optimizer;
  if (o == "sgd") return Rule::Sgd;
  if (o == "momentum") return Rule::Momentum;
  if (o == "adamw") return spec.hyper.amsgrad ? Rule::AdamWAmsgrad : Rule::AdamW;
  if (o == "amsgrad") return Rule::AdamAmsgrad;
  return spec.hyper.amsgrad ? Rule::AdamAmsgrad : Rule::Adam;
}

}  // namespace

bool sweepKernelSupports(const SweepSpec& spec) {
  const std::string& o = spec.optimizer;
  bool optimizer = o == "sgd" || o == "momentum" || o == "adam" || o == "adamw" || o == "amsgrad";
  std::string_view s = spec.surface.name();
  return optimizer && (s == "quadratic" || s == "rosenbrock");
}

void runSweepCellsFast(const SweepSpec& spec, int first, int count, SweepCell* out) {
  const Surface& surface = spec.surface;
  const SurfaceParams& p = surface.params();
  SurfaceConstants k{p[0], p[1], 1.0, 0.0, surface.minimumValue()};
  bool rosenbrock = surface.name() == "rosenbrock";
  if (!rosenbrock) {  // the rotation exactly as core/surfaces/quadratic.cpp computes it
    double theta = p[2] * std::numbers::pi / 180.0;
    k.cs = std::cos(theta);
    k.sn = std::sin(theta);
  }
  Rule rule = ruleFor(spec);
  for (int base = 0; base < count; base += kLanes * kVectors) {
    Block block;
    for (int lane = 0; lane < kLanes * kVectors; ++lane) {
      Lanes& b = block.v[lane / kLanes];
      int l = lane % kLanes;
      int index = first + std::min(base + lane, count - 1);  // a short block repeats its last cell
      RacerSpec r = spec.cellRacer(index % spec.x.count, index / spec.x.count);
      EscapeBound escape(spec.settings.view, r.start);
      b.x[l] = r.start.x;
      b.y[l] = r.start.y;
      b.beta1Power[l] = 1.0;
      b.beta2Power[l] = 1.0;
      b.lr[l] = r.hyper.lr;
      b.beta1[l] = r.hyper.beta1;
      b.beta2[l] = r.hyper.beta2;
      b.eps[l] = r.hyper.eps;
      b.decay[l] = r.hyper.weightDecay;
      b.dampening[l] = r.hyper.dampening;
      b.centreX[l] = escape.centre().x;
      b.centreY[l] = escape.centre().y;
      b.reachSquared[l] = escape.reachSquared();
      // Step 0, as runSweepCell does it.
      double loss = surface.value(r.start);
      b.finalX[l] = r.start.x;
      b.finalY[l] = r.start.y;
      b.finalLoss[l] = loss;
      b.finalGap[l] = b.bestGap[l] = loss - k.fStar;
      b.divergedStep[l] = escape.diverged(r.start, loss) ? 0.0 : -1.0;
      b.stepsToThreshold[l] =
          b.divergedStep[l] < 0 && b.finalGap[l] < spec.settings.threshold ? 0.0 : -1.0;
      b.alive[l] = b.divergedStep[l] < 0 ? 1.0 : 0.0;
    }
    stepBlockDispatch(block, k, spec, rule, rosenbrock);
    for (int lane = 0; lane < kLanes * kVectors && base + lane < count; ++lane) {
      const Lanes& b = block.v[lane / kLanes];
      int l = lane % kLanes;
      SweepCell& c = out[base + lane];
      c.finalW = {b.finalX[l], b.finalY[l]};
      c.finalLoss = b.finalLoss[l];
      c.finalGap = b.finalGap[l];
      c.bestGap = b.bestGap[l];
      c.stepsToThreshold = static_cast<long>(b.stepsToThreshold[l]);
      c.divergedStep = static_cast<long>(b.divergedStep[l]);
      c.minimizer = c.divergedStep < 0 ? nearestMinimizer(spec, c.finalW) : -1;
    }
  }
}

}  // namespace optirace
