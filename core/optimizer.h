// An optimizer is a table row: its name, the sliders it uses, PyTorch's defaults, its update
// rule as display text, and one pure step function. Adding an optimizer means one file in
// optimizers/ and one line in optimizers/registry.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "hyper.h"
#include "vec2.h"

namespace optirace {

// The optimizer's memory between steps. Each optimizer documents what it keeps in which slot;
// all start at zero except `product`, which starts at one (NAdam's μ-product).
struct OptimizerState {
  Vec2 m;                // first moment / velocity / momentum buffer
  Vec2 v;                // second moment / squared-gradient accumulator
  Vec2 u;                // a third per-coordinate slot (AMSGrad's v_max, Adadelta's Δ²)
  double product = 1.0;  // a running scalar product (NAdam's μ-product)
  double beta1Power = 1.0, beta2Power = 1.0;  // β₁ᵗ and β₂ᵗ (Adam's bias corrections)
  long t = 0;                                 // steps taken so far; the rules count t from 1
};

// The stochastic gradient g(w) the optimizer sees: ∇f(w) + σξ (+ λw when decay is coupled).
// A plain function reference so that stepping stays cheap; Nesterov evaluates it at a look-ahead.
class GradientFn {
 public:
  template <class F>
  GradientFn(const F& f)  // NOLINT: implicit by design, like std::function_ref
      : object_(&f), call_([](const void* o, Vec2 w) { return (*static_cast<const F*>(o))(w); }) {}
  Vec2 operator()(Vec2 w) const { return call_(object_, w); }

 private:
  const void* object_;
  Vec2 (*call_)(const void*, Vec2);
};

// How an optimizer uses the weight_decay slider.
enum class DecayKind { Coupled, Decoupled };

struct OptimizerDef {
  std::string_view name;   // CLI/JSON name, e.g. "adamw"
  std::string_view title;  // shown in the UI, e.g. "AdamW"
  std::vector<HyperId> uses;
  Hyper defaults;
  DecayKind decay = DecayKind::Coupled;
  std::string_view ruleText;  // the update rule as the UI shows it
  // One step: t is already incremented in state; returns the new w.
  Vec2 (*step)(const Hyper& h, OptimizerState& state, const GradientFn& grad, Vec2 w);

  bool usesHyper(HyperId id) const;
};

const std::vector<const OptimizerDef*>& allOptimizers();
const OptimizerDef* findOptimizer(std::string_view name);
std::string optimizerNameList();  // "sgd, momentum, ..." for error messages

// The gradient oracle an optimizer should be handed: adds the coupled L2 term λw to the
// noisy gradient when the optimizer's decay is coupled.
template <class NoisyGradient>
auto withCoupledDecay(const OptimizerDef& def, const Hyper& h, const NoisyGradient& noisy) {
  bool coupled = def.decay == DecayKind::Coupled && h.weightDecay != 0.0;
  double lambda = h.weightDecay;
  return [coupled, lambda, &noisy](Vec2 w) {
    Vec2 g = noisy(w);
    return coupled ? g + lambda * w : g;
  };
}

// One optimizer step including the t increment.
inline Vec2 stepOptimizer(const OptimizerDef& def, const Hyper& h, OptimizerState& state,
                          const GradientFn& grad, Vec2 w) {
  ++state.t;
  return def.step(h, state, grad, w);
}

}  // namespace optirace
