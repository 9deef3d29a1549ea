// One division for both coordinates, where torch divides each by a denominator of its own.
#pragma once

#include "../number.h"
#include "../vec2.h"

namespace optirace::optimizers {

// Adam, NAdam, RAdam and Adadelta move each coordinate by a·nᵢ/(b·dᵢ): a scalar a (η and the like),
// a numerator nᵢ (the momentum, the gradient) and a denominator dᵢ of the coordinate's own (√vᵢ +
// ε) times a scalar b (a bias correction). Written as (nᵢ·d₋ᵢ)·q with q = a/(b·d_x·d_y), both
// coordinates share one division. That is the same value up to rounding (a few ulps, as torch's own
// single-tensor and foreach orders differ), and the sweep, bound by the processor's
// divide/square-root unit, then does one division per cell-step instead of up to eight. The race
// uses the same form, so that a sweep cell and a race agree to the bit. Where b·d_x·d_y is not a
// normal number (second moments beyond 1e300 or below 1e-300, e.g. ε = 0 at a vanishing gradient)
// the product would overflow or lose digits: each rule then takes torch's own order (`usable` says
// where), so the move stays a·nᵢ/(b·dᵢ) coordinate by coordinate.
template <class T>
struct OneDivision {
  Vec2T<T> d;
  T product;  // b·d_x·d_y

  OneDivision(T b, Vec2T<T> denominators) : d(denominators), product(b * d.x * d.y) {}
  auto usable() const { return isNormalPositive(product); }
  T factor(T a) const { return a / product; }  // q
  // (n_x·d_y·q, n_y·d_x·q): a·nᵢ/(b·dᵢ) for both coordinates.
  Vec2T<T> times(Vec2T<T> n, T q) const { return {(n.x * d.y) * q, (n.y * d.x) * q}; }
};

}  // namespace optirace::optimizers
