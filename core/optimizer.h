// An optimizer is a type in its own header (optimizers/NAME.h): its table row (name, the
// sliders it uses, PyTorch's defaults, its update rule as display text) and its update rule,
// written once as templates over the number type. optimizers/list.h lists the types. The race
// steps the double instance through an OptimizerDef, the row built from the type; the sweep
// kernel instantiates the same templates for vectors of cells (core/sweep_block.inc).
//
// An optimizer type provides:
//   name, title, uses, defaults, decay, ruleText      its row
//   template <class T> struct State                   its memory, slots named for what they hold
//   struct Clock, template <class T> struct Terms,    the terms of step t that depend only on t
//   static Terms<double> terms(ClockInputs, Clock&, t)  and ClockInputs (bias corrections, ...),
//                                                     computed once for all cells that share them
//   template <class T, class Probe = NoProbe>
//   static Vec2T<T> step(h, state, terms, t, g, w, probe)   one step: the new w, its working
//                                                     shown through the probe (step_probe.h)
//   kGradientAtW, gradientPoint(h, state, w)          where g is taken (Nesterov looks ahead)
// UpdateRuleBase supplies the defaults for a rule without per-step terms that takes g at w.
#pragma once

#include <cstddef>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "hyper.h"
#include "step_probe.h"
#include "vec2.h"

namespace optirace {

// How an optimizer uses the weight_decay slider.
enum class DecayKind { Coupled, Decoupled };

// The hyperparameters per-step terms may read besides t. Sweep cells that agree on these share
// one computation of the terms per step.
struct ClockInputs {
  double beta1, beta2;
  bool biasCorrection = true;  // Adam, AdamW, AMSGrad (ENGINE.md, "Adam without bias correction")
  bool operator==(const ClockInputs&) const = default;
};
inline ClockInputs clockInputs(const Hyper& h) {
  return {h.beta1, h.beta2, h.biasCorrection};
}

// The hyperparameters as a step over number type T reads them: Hyper itself for double; one
// value per lane for the sweep's lane types (amsgrad is a flag, never swept: one for all; bias
// correction is read by the per-step terms, through ClockInputs). lr is the step's ηₜ.
template <class T>
struct LaneHyper {
  T lr, beta1, beta2, eps, weightDecay, dampening, clipNorm;
  bool amsgrad;
  bool clipping;  // the lanes clip (clip_norm < ∞); a lane with ∞ would be left as it is
  bool clips() const { return clipping; }
};
template <class T>
struct HyperFor {
  using type = LaneHyper<T>;
};
template <>
struct HyperFor<double> {
  using type = Hyper;
};
template <class T>
using HyperOf = typename HyperFor<T>::type;

struct UpdateRuleBase {
  struct Clock {};
  template <class T>
  struct Terms {};
  static Terms<double> terms(ClockInputs, Clock&, long) { return {}; }
  static constexpr bool kGradientAtW = true;
};

// The memory of one race run: the optimizer's Clock and State<double>, in place.
struct OptimizerMemory {
  static constexpr std::size_t kBytes = 128;
  alignas(16) unsigned char bytes[kBytes];
};

struct OptimizerDef {
  std::string_view name;   // CLI/JSON name, e.g. "adamw"
  std::string_view title;  // shown in the UI, e.g. "AdamW"
  std::vector<HyperId> uses;
  Hyper defaults;
  DecayKind decay = DecayKind::Coupled;
  std::string_view ruleText;  // the update rule as the UI shows it
  int index = 0;              // position in allOptimizers() (and in the sweep kernel's tables)

  void (*start)(OptimizerMemory& memory);  // the memory before the first step
  // Where step t's gradient is taken: w, or a look-ahead point.
  Vec2 (*gradientPoint)(const Hyper& h, const OptimizerMemory& memory, Vec2 w);
  // Step t (counted from 1) with gradient g (taken at gradientPoint): returns the new w.
  Vec2 (*step)(const Hyper& h, OptimizerMemory& memory, long t, Vec2 g, Vec2 w);
  // The same step, each line of its working written down (the step inspector).
  Vec2 (*recordedStep)(const Hyper& h, OptimizerMemory& memory, long t, Vec2 g, Vec2 w,
                       StepRecorder& recorder);

  bool usesHyper(HyperId id) const;
};

const std::vector<const OptimizerDef*>& allOptimizers();
const OptimizerDef* findOptimizer(std::string_view name);
std::string optimizerNameList();  // "sgd, momentum, ..." for error messages

// The race's memory laid out for optimizer type Opt.
template <class Opt>
struct RunMemory {
  typename Opt::Clock clock;
  typename Opt::template State<double> state;
};
template <class Opt>
RunMemory<Opt>& memoryOf(OptimizerMemory& m) {
  return *std::launder(reinterpret_cast<RunMemory<Opt>*>(m.bytes));
}
template <class Opt>
const RunMemory<Opt>& memoryOf(const OptimizerMemory& m) {
  return *std::launder(reinterpret_cast<const RunMemory<Opt>*>(m.bytes));
}

// The row of optimizer type Opt, its step the double instance of Opt's templates.
template <class Opt>
OptimizerDef makeOptimizerDef(int index) {
  static_assert(sizeof(RunMemory<Opt>) <= OptimizerMemory::kBytes);
  static_assert(std::is_trivially_copyable_v<RunMemory<Opt>>);
  return OptimizerDef{
      .name = Opt::name,
      .title = Opt::title,
      .uses = std::vector<HyperId>(std::begin(Opt::uses), std::end(Opt::uses)),
      .defaults = Opt::defaults,
      .decay = Opt::decay,
      .ruleText = Opt::ruleText,
      .index = index,
      .start = [](OptimizerMemory& m) { new (m.bytes) RunMemory<Opt>{}; },
      .gradientPoint =
          [](const Hyper& h, const OptimizerMemory& m, Vec2 w) {
            if constexpr (Opt::kGradientAtW)
              return w;
            else
              return Opt::gradientPoint(h, memoryOf<Opt>(m).state, w);
          },
      .step =
          [](const Hyper& h, OptimizerMemory& m, long t, Vec2 g, Vec2 w) {
            RunMemory<Opt>& run = memoryOf<Opt>(m);
            auto terms = Opt::terms(clockInputs(h), run.clock, t);
            return Opt::template step<double>(h, run.state, terms, t, g, w);
          },
      .recordedStep =
          [](const Hyper& h, OptimizerMemory& m, long t, Vec2 g, Vec2 w, StepRecorder& recorder) {
            RunMemory<Opt>& run = memoryOf<Opt>(m);
            auto terms = Opt::terms(clockInputs(h), run.clock, t);
            return Opt::template step<double>(h, run.state, terms, t, g, w, recorder);
          },
  };
}

// torch.nn.utils.clip_grad_norm_'s factor for a gradient of norm n (ENGINE.md, "Gradient
// clipping"): min(1, c / (n + 1e-6)). The race's two coordinates and a network's parameters
// (core/network/training_run.cpp) are both scaled by it.
template <class T>
T clipCoefficient(T norm, T clipNorm) {
  T coefficient = clipNorm / (norm + 1e-6);
  return select(isLess(coefficient, T(1.0)), coefficient, T(1.0));
}

// g·clipCoefficient(|g|, c) over the two coordinates. c = ∞ leaves g as it is, to the bit.
template <class T>
Vec2T<T> clippedGradient(Vec2T<T> g, T clipNorm) {
  T coefficient = clipCoefficient(root(g.x * g.x + g.y * g.y), clipNorm);
  return {g.x * coefficient, g.y * coefficient};
}

// The gradient an optimizer is handed at point p, from the surface's gradient there:
// + σξ when noisy, then clipped when h clips, then + λp when the optimizer's decay is coupled
// and λ ≠ 0 (ENGINE.md). Written once for the race and the sweep kernel; ξ is drawn by the
// caller.
template <class T>
Vec2T<T> stochasticGradient(Vec2T<T> gradient, bool noisy, double sigma, Vec2 xi,
                            const HyperOf<T>& h, DecayKind decay, Vec2T<T> p) {
  Vec2T<T> g = gradient;
  const T lambda = h.weightDecay;
  if (noisy) g = {g.x + sigma * xi.x, g.y + sigma * xi.y};
  if (h.clips()) g = clippedGradient(g, h.clipNorm);
  if (decay == DecayKind::Coupled) {
    auto coupled = isNotZero(lambda);
    if (anyLane(coupled)) g = select(coupled, g + lambda * p, g);
  }
  return g;
}

}  // namespace optirace
