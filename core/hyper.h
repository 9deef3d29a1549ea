// The optimizers' shared hyperparameters: five sliders plus Momentum's dampening and
// Adam's amsgrad flag. One meaning each across all optimizers (ENGINE.md's table).
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace optirace {

enum class HyperId {
  Lr,
  Beta1,
  Beta2,
  Eps,
  WeightDecay,
  Dampening,
  Amsgrad,
  BiasCorrection,
  ClipNorm
};
inline constexpr int kHyperCount = 9;

struct Hyper {
  double lr = 1e-3;            // η
  double beta1 = 0.9;          // β₁: first moment / momentum decay
  double beta2 = 0.999;        // β₂: second-moment decay (RMSProp's α, Adadelta's ρ)
  double eps = 1e-8;           // ε: denominator guard
  double weightDecay = 0.0;    // λ
  double dampening = 0.0;      // d: Momentum only
  bool amsgrad = false;        // Adam and AdamW only
  bool biasCorrection = true;  // Adam, AdamW, AMSGrad: false uses m and v for m̂ and v̂
  // Gradient clipping to this norm (clip_grad_norm_'s max_norm); +∞: no clipping. Every
  // optimizer takes it.
  double clipNorm = INFINITY;

  bool clips() const { return clipNorm < INFINITY; }

  double get(HyperId id) const;
  void set(HyperId id, double value);
};

// What the user sees of one hyperparameter: its CLI/JSON name, symbol, valid range and role.
struct HyperInfo {
  HyperId id;
  std::string_view name;    // "lr", "beta1", ... (CLI flag is --name with '_' as '-')
  std::string_view symbol;  // "η", "β₁", ...
  std::string_view range;   // human-readable valid range, e.g. "0 <= beta1 < 1"
  std::string_view role;    // what it does in the update rules
  // How the window drags it and sweeps start (not limits: any valid value may be typed).
  double dragLo = 0, dragHi = 1;    // the range a drag moves through
  bool logarithmic = false;         // dragged and swept on a log scale
  double sweepLo = 0, sweepHi = 1;  // the default range of a sweep over it
  bool isFlag = false;              // true or false (amsgrad): ticked, never swept
};

const std::vector<HyperInfo>& allHyperInfos();
const HyperInfo& hyperInfo(HyperId id);
std::optional<HyperId> hyperIdByName(std::string_view name);

// Whether value is valid for the hyperparameter (finite and in range; clip_norm's +∞, "none",
// is not a value a user gives).
bool hyperValueValid(HyperId id, double value);

// The first invalid field of h as "lr must satisfy lr > 0 (got -1)", or nothing.
std::optional<std::string> validateHyper(const Hyper& h);

}  // namespace optirace
