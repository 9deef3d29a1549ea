#pragma once

#include "../optimizer.h"

namespace optirace::optimizers {

// Plain gradient descent: no memory at all.
struct Sgd : UpdateRuleBase {
  static constexpr std::string_view name = "sgd", title = "SGD";
  static constexpr HyperId uses[] = {HyperId::Lr, HyperId::WeightDecay};
  // torch.optim.SGD has no default lr (it is required); 0.01 is the usual first try.
  static constexpr Hyper defaults{.lr = 1e-2, .beta1 = 0.0, .beta2 = 0.0, .eps = 0.0};
  static constexpr DecayKind decay = DecayKind::Coupled;
  static constexpr std::string_view ruleText = "w ← w − η·g";

  template <class T>
  struct State {};

  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>&, const Terms<T>&, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    return probe.descend("η·g", w, h.lr * g);
  }
};

}  // namespace optirace::optimizers
