#include "parameter_optimizer.h"

#include <cstring>
#include <type_traits>
#include <vector>

#include "../optimizers/list.h"
#include "param_lanes.h"

namespace optirace {
namespace {

using Block = Vec2T<ParamLanes>;
// A block holds eight parameters as four (x, y) pairs: parameter 8b + 2k in lane k of x, 8b +
// 2k + 1 in lane k of y. Two parameters are the race's one point (x, y), so the 2-D race is
// this layout's smallest instance, to the bit (tests/network_training_test.cpp).
constexpr int kBlockParams = 2 * kParamLanes;

int blockCount(int parameterCount) {
  return (parameterCount + kBlockParams - 1) / kBlockParams;
}

// The parameters' values as blocks; lanes past the end hold 0.
void pack(std::span<const double> values, std::vector<Block>& blocks) {
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    for (int lane = 0; lane < kParamLanes; ++lane) {
      std::size_t i = b * kBlockParams + 2 * lane;
      blocks[b].x.v[lane] = i < values.size() ? values[i] : 0.0;
      blocks[b].y.v[lane] = i + 1 < values.size() ? values[i + 1] : 0.0;
    }
  }
}
void unpack(const std::vector<Block>& blocks, std::span<double> values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const Block& block = blocks[i / kBlockParams];
    int pair = static_cast<int>(i % kBlockParams) / 2;
    values[i] = i % 2 == 0 ? block.x.v[pair] : block.y.v[pair];
  }
}

LaneHyper<ParamLanes> lanesOf(const Hyper& h) {
  return {h.lr,        h.beta1,    h.beta2,   h.eps, h.weightDecay,
          h.dampening, h.clipNorm, h.amsgrad, false};  // clipping is the caller's, over all
}

// Opt's per-step terms (one double computation: every parameter shares them) as lanes. Terms
// are plain structs of numbers, copied field by field.
template <class Opt>
typename Opt::template Terms<ParamLanes> splatTerms(const typename Opt::template Terms<double>& d) {
  using D = typename Opt::template Terms<double>;
  using L = typename Opt::template Terms<ParamLanes>;
  L out{};
  if constexpr (!std::is_empty_v<D>) {
    constexpr int kFields = sizeof(D) / sizeof(double);
    static_assert(sizeof(D) == kFields * sizeof(double) &&
                  sizeof(L) == kFields * sizeof(ParamLanes));
    double fields[kFields];
    ParamLanes lanes[kFields];
    std::memcpy(fields, &d, sizeof d);
    for (int i = 0; i < kFields; ++i) lanes[i] = ParamLanes(fields[i]);
    std::memcpy(&out, lanes, sizeof out);
  }
  return out;
}

template <class Opt>
class ParameterOptimizerOf final : public ParameterOptimizer {
 public:
  explicit ParameterOptimizerOf(int parameterCount)
      : state_(blockCount(parameterCount)),
        w_(blockCount(parameterCount)),
        g_(blockCount(parameterCount)) {}

  bool gradientAtW() const override { return Opt::kGradientAtW; }

  void gradientPoint(const Hyper& h, std::span<const double> w,
                     std::span<double> point) const override {
    if constexpr (Opt::kGradientAtW) {
      std::copy(w.begin(), w.end(), point.begin());
    } else {
      std::vector<Block> blocks(w_.size());
      pack(w, blocks);
      LaneHyper<ParamLanes> lanes = lanesOf(h);
      for (std::size_t b = 0; b < blocks.size(); ++b)
        blocks[b] = Opt::template gradientPoint<ParamLanes>(lanes, state_[b], blocks[b]);
      unpack(blocks, point);
    }
  }

  void step(const Hyper& h, long t, std::span<const double> g, std::span<double> w) override {
    auto terms = splatTerms<Opt>(Opt::terms(clockInputs(h), clock_, t));
    LaneHyper<ParamLanes> lanes = lanesOf(h);
    pack(w, w_);
    pack(g, g_);
    for (std::size_t b = 0; b < w_.size(); ++b)
      w_[b] = Opt::template step<ParamLanes>(lanes, state_[b], terms, t, g_[b], w_[b]);
    unpack(w_, w);
  }

 private:
  typename Opt::Clock clock_{};
  std::vector<typename Opt::template State<ParamLanes>> state_;
  std::vector<Block> w_, g_;  // reused between steps
};

template <class... Opts>
std::unique_ptr<ParameterOptimizer> makeFrom(optimizers::TypeList<Opts...>, int index,
                                             int parameterCount) {
  std::unique_ptr<ParameterOptimizer> made;
  int i = 0;
  ((i++ == index ? (made = std::make_unique<ParameterOptimizerOf<Opts>>(parameterCount), 0) : 0),
   ...);
  return made;
}

}  // namespace

std::unique_ptr<ParameterOptimizer> makeParameterOptimizer(const OptimizerDef& def,
                                                           int parameterCount) {
  return makeFrom(optimizers::All{}, def.index, parameterCount);
}

}  // namespace optirace
