// ParamLanes: four of a network's parameters' values of one quantity (four weights, their four
// gradients, …), the number type the optimizers' templates (core/optimizers/) are instantiated
// with to train a network. A network's parameters are laid out as Vec2T<ParamLanes> blocks, so a
// block is eight parameters and each optimizer's step is the very template the race runs with
// double and the sweep with its lanes: the 2-D race is the one-parameter-pair instance.
// The lane-wise vocabulary below is core/number.h's, per lane.
#pragma once

#include <cfloat>
#include <cmath>

namespace optirace {

inline constexpr int kParamLanes = 4;

// GCC's vector extension: element-wise IEEE arithmetic, as the race's doubles; lowered to
// whatever the build's instruction set has.
typedef double ParamVector __attribute__((vector_size(8 * kParamLanes)));
typedef long ParamMaskVector __attribute__((vector_size(8 * kParamLanes)));

struct ParamLanes {
  ParamVector v;
  ParamLanes() : v{} {}
  ParamLanes(double d) : v{d, d, d, d} {}  // NOLINT: constants convert implicitly
  explicit ParamLanes(ParamVector x) : v(x) {}

  friend ParamLanes operator+(ParamLanes a, ParamLanes b) { return ParamLanes(a.v + b.v); }
  friend ParamLanes operator-(ParamLanes a, ParamLanes b) { return ParamLanes(a.v - b.v); }
  friend ParamLanes operator*(ParamLanes a, ParamLanes b) { return ParamLanes(a.v * b.v); }
  friend ParamLanes operator/(ParamLanes a, ParamLanes b) { return ParamLanes(a.v / b.v); }
  friend ParamLanes operator-(ParamLanes a) { return ParamLanes(-a.v); }
};
static_assert(kParamLanes == 4, "ParamLanes(double) spells out four lanes");

struct ParamMask {
  ParamMaskVector m;
};

inline bool anyLane(ParamMask m) {
  for (int i = 0; i < kParamLanes; ++i)
    if (m.m[i]) return true;
  return false;
}
inline bool allLanes(ParamMask m) {
  for (int i = 0; i < kParamLanes; ++i)
    if (!m.m[i]) return false;
  return true;
}
inline ParamLanes select(ParamMask m, ParamLanes a, ParamLanes b) {
  return ParamLanes(m.m ? a.v : b.v);
}
template <class A, class B>
auto ifElse(ParamMask m, const A& a, const B& b) -> decltype(a()) {
  if (!anyLane(m)) return b();
  if (allLanes(m)) return a();
  return select(m, a(), b());
}
inline ParamMask isLess(ParamLanes a, ParamLanes b) {
  return {a.v < b.v};
}
inline ParamMask isNotZero(ParamLanes a) {
  return {a.v != ParamLanes(0.0).v};
}
inline ParamMask isEqual(ParamLanes a, ParamLanes b) {
  return {a.v == b.v};
}
inline ParamMask isNormalPositive(ParamLanes a) {
  return {(ParamLanes(DBL_MIN).v <= a.v) & (a.v <= ParamLanes(DBL_MAX).v)};
}
inline ParamLanes root(ParamLanes a) {
  for (int i = 0; i < kParamLanes; ++i) a.v[i] = std::sqrt(a.v[i]);
  return a;
}
inline ParamLanes absOf(ParamLanes a) {
  for (int i = 0; i < kParamLanes; ++i) a.v[i] = std::fabs(a.v[i]);
  return a;
}
inline ParamLanes maxOf(ParamLanes a, ParamLanes b) {
  return select(isLess(a, b), b, a);
}
inline ParamLanes signOf(ParamLanes a) {
  return select(isLess(0.0, a), 1.0, select(isLess(a, 0.0), -1.0, 0.0));
}

}  // namespace optirace
