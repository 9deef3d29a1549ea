// Evaluating a typed surface's tape over any number type T: double for the race, the sweep
// kernel's lanes (whose functions core/sweep_lane.inc provides beside core/number.h's), so a
// typed surface gives the same bits in both.
//
// Gradients are exact, by forward-mode automatic differentiation: each instruction carries its
// value and its two partial derivatives ∂/∂x, ∂/∂y. With two inputs, forward mode costs what
// reverse mode costs (two tangents against one adjoint pass), but it is one pass in the tape's
// order with no second sweep over stored intermediates, so the sweep kernel keeps one slot per
// instruction and nothing else. Each derivative is the formula torch.autograd uses for that
// operation in float64 (named beside it), so the gradient equals torch's to rounding.
#pragma once

#include <cmath>
#include <numbers>

#include "../surface.h"
#include "expression_tape.h"

namespace optirace {

// a^c for a constant c, computed as torch computes pow(tensor, scalar) on the CPU: squares,
// cubes, reciprocals and square roots by arithmetic, other exponents by pow.
template <class T>
T powerConstantOf(T a, double c) {
  if (c == 2.0) return a * a;
  if (c == 3.0) return a * a * a;
  if (c == 1.0) return a;
  if (c == 0.0) return T(1.0);
  if (c == -1.0) return T(1.0) / a;
  if (c == -2.0) return T(1.0) / (a * a);
  if (c == 0.5) return root(a);
  if (c == -0.5) return T(1.0) / root(a);
  return powOf(a, T(c));
}

template <class T>
struct Dual {
  T v;
  Vec2T<T> d;  // (∂/∂x, ∂/∂y)
};

constexpr int arityOf(ExprOp op) {
  switch (op) {
    case ExprOp::Constant:
    case ExprOp::X:
    case ExprOp::Y:
    case ExprOp::Param:
      return 0;
    case ExprOp::Add:
    case ExprOp::Subtract:
    case ExprOp::Multiply:
    case ExprOp::Divide:
    case ExprOp::Power:
    case ExprOp::Atan2:
    case ExprOp::Min:
    case ExprOp::Max:
      return 2;
    default:
      return 1;
  }
}

// One instruction, Op, from its operands: the value and, when Gradient, the two partial
// derivatives, each by the formula torch.autograd uses for that operation (named beside it).
template <ExprOp Op, class T, bool Gradient>
Dual<T> applyInstruction(const ExprInstruction& in, const Dual<T>& a, const Dual<T>& b,
                         const double* params, Vec2T<T> w) {
  const T zero(0.0), one(1.0);
  Dual<T> out{zero, {zero, zero}};
  auto chain = [&](T slope) {  // f(a): f'(a)·∂a
    if constexpr (Gradient) out.d = a.d * slope;
  };
  if constexpr (Op == ExprOp::Constant) {
    out.v = T(in.constant);
  } else if constexpr (Op == ExprOp::X) {
    out = {w.x, {one, zero}};
  } else if constexpr (Op == ExprOp::Y) {
    out = {w.y, {zero, one}};
  } else if constexpr (Op == ExprOp::Param) {
    out.v = T(params[in.a]);
  } else if constexpr (Op == ExprOp::Negate) {
    out.v = -a.v;
    if constexpr (Gradient) out.d = -a.d;
  } else if constexpr (Op == ExprOp::Add) {
    out.v = a.v + b.v;
    if constexpr (Gradient) out.d = a.d + b.d;
  } else if constexpr (Op == ExprOp::Subtract) {
    out.v = a.v - b.v;
    if constexpr (Gradient) out.d = a.d - b.d;
  } else if constexpr (Op == ExprOp::Multiply) {
    out.v = a.v * b.v;
    if constexpr (Gradient) out.d = a.d * b.v + b.d * a.v;  // grad·b, grad·a
  } else if constexpr (Op == ExprOp::Divide) {
    out.v = a.v / b.v;
    if constexpr (Gradient) out.d = a.d / b.v - b.d * (a.v / (b.v * b.v));  // grad/b, −grad·a/b²
  } else if constexpr (Op == ExprOp::Square) {  // as PowerConstant with c = 2, without the tests
    out.v = a.v * a.v;
    if constexpr (Gradient) chain(T(2.0) * a.v);
  } else if constexpr (Op == ExprOp::PowerConstant) {
    double c = in.constant;
    out.v = powerConstantOf(a.v, c);
    if constexpr (Gradient)  // pow_backward: 0 for c = 0, else c·a^(c−1)
      chain(c == 0.0 ? zero : T(c) * powerConstantOf(a.v, c - 1.0));
  } else if constexpr (Op == ExprOp::Power) {
    out.v = powOf(a.v, b.v);
    if constexpr (Gradient) {  // b·a^(b−1) (0 where b = 0); a^b·log a (0 where a = 0, b ≥ 0)
      T slopeA = select(isEqual(b.v, zero), zero, b.v * powOf(a.v, b.v - one));
      T slopeB = select(isEqual(a.v, zero), select(isLess(b.v, zero), out.v * logOf(a.v), zero),
                        out.v * logOf(a.v));
      out.d = a.d * slopeA + b.d * slopeB;
    }
  } else if constexpr (Op == ExprOp::Sin) {
    out.v = sinOf(a.v);
    if constexpr (Gradient) chain(cosOf(a.v));
  } else if constexpr (Op == ExprOp::Cos) {
    out.v = cosOf(a.v);
    if constexpr (Gradient) chain(-sinOf(a.v));
  } else if constexpr (Op == ExprOp::Tan) {
    out.v = tanOf(a.v);
    chain(one + out.v * out.v);  // 1 + tan²
  } else if constexpr (Op == ExprOp::Asin) {
    out.v = asinOf(a.v);
    if constexpr (Gradient) chain(one / root(one - a.v * a.v));  // (1 − a²)^−½
  } else if constexpr (Op == ExprOp::Acos) {
    out.v = acosOf(a.v);
    if constexpr (Gradient) chain(-(one / root(one - a.v * a.v)));
  } else if constexpr (Op == ExprOp::Atan) {
    out.v = atanOf(a.v);
    if constexpr (Gradient) chain(one / (a.v * a.v + one));
  } else if constexpr (Op == ExprOp::Sinh) {
    out.v = sinhOf(a.v);
    if constexpr (Gradient) chain(coshOf(a.v));
  } else if constexpr (Op == ExprOp::Cosh) {
    out.v = coshOf(a.v);
    if constexpr (Gradient) chain(sinhOf(a.v));
  } else if constexpr (Op == ExprOp::Tanh) {
    out.v = tanhOf(a.v);
    chain(one - out.v * out.v);
  } else if constexpr (Op == ExprOp::Exp) {
    out.v = expOf(a.v);
    chain(out.v);
  } else if constexpr (Op == ExprOp::Log) {
    out.v = logOf(a.v);
    if constexpr (Gradient) chain(one / a.v);
  } else if constexpr (Op == ExprOp::Log10) {
    out.v = log10Of(a.v);
    if constexpr (Gradient) chain(one / (a.v * T(std::numbers::ln10)));
  } else if constexpr (Op == ExprOp::Sqrt) {
    out.v = root(a.v);
    chain(one / (T(2.0) * out.v));
  } else if constexpr (Op == ExprOp::Abs) {
    out.v = absOf(a.v);
    if constexpr (Gradient) chain(signOf(a.v));  // torch's sgn: 0 at 0
  } else if constexpr (Op == ExprOp::Atan2) {
    out.v = atan2Of(a.v, b.v);
    if constexpr (Gradient) {  // (b, −a) / (a² + b²)
      T r = one / (a.v * a.v + b.v * b.v);
      out.d = a.d * (b.v * r) + b.d * (-a.v * r);
    }
  } else if constexpr (Op == ExprOp::Min || Op == ExprOp::Max) {
    // min: a unless b < a; max: a unless a < b. The gradient goes to the one chosen, half to
    // each at a tie (torch's minimum and maximum).
    out.v =
        Op == ExprOp::Min ? select(isLess(b.v, a.v), b.v, a.v) : select(isLess(a.v, b.v), b.v, a.v);
    if constexpr (Gradient) {
      T toA = select(isEqual(a.v, b.v), T(0.5), select(isEqual(out.v, a.v), one, zero));
      out.d = a.d * toA + b.d * (one - toA);
    }
  }
  return out;
}

// Calls f(std::integral_constant<ExprOp, op>{}) for the instruction's operation: a switch
// written once, so each operation's code is compiled for its own case.
template <class F>
decltype(auto) withOp(ExprOp op, F&& f) {
  using E = ExprOp;
  auto as = [&]<E O>() -> decltype(auto) { return f(std::integral_constant<E, O>{}); };
  switch (op) {
    case E::Constant:
      return as.template operator()<E::Constant>();
    case E::X:
      return as.template operator()<E::X>();
    case E::Y:
      return as.template operator()<E::Y>();
    case E::Param:
      return as.template operator()<E::Param>();
    case E::Negate:
      return as.template operator()<E::Negate>();
    case E::Add:
      return as.template operator()<E::Add>();
    case E::Subtract:
      return as.template operator()<E::Subtract>();
    case E::Multiply:
      return as.template operator()<E::Multiply>();
    case E::Divide:
      return as.template operator()<E::Divide>();
    case E::Square:
      return as.template operator()<E::Square>();
    case E::PowerConstant:
      return as.template operator()<E::PowerConstant>();
    case E::Power:
      return as.template operator()<E::Power>();
    case E::Sin:
      return as.template operator()<E::Sin>();
    case E::Cos:
      return as.template operator()<E::Cos>();
    case E::Tan:
      return as.template operator()<E::Tan>();
    case E::Asin:
      return as.template operator()<E::Asin>();
    case E::Acos:
      return as.template operator()<E::Acos>();
    case E::Atan:
      return as.template operator()<E::Atan>();
    case E::Sinh:
      return as.template operator()<E::Sinh>();
    case E::Cosh:
      return as.template operator()<E::Cosh>();
    case E::Tanh:
      return as.template operator()<E::Tanh>();
    case E::Exp:
      return as.template operator()<E::Exp>();
    case E::Log:
      return as.template operator()<E::Log>();
    case E::Log10:
      return as.template operator()<E::Log10>();
    case E::Sqrt:
      return as.template operator()<E::Sqrt>();
    case E::Abs:
      return as.template operator()<E::Abs>();
    case E::Atan2:
      return as.template operator()<E::Atan2>();
    case E::Min:
      return as.template operator()<E::Min>();
    case E::Max:
      return as.template operator()<E::Max>();
  }
  return as.template operator()<E::Constant>();
}

// The value of one instruction from its operands' values (what folding computes).
inline double instructionValue(const ExprInstruction& in, double a, double b, const double* params,
                               Vec2 w) {
  Dual<double> da{a, {}}, db{b, {}};
  return withOp(in.op, [&](auto op) {
    return applyInstruction<decltype(op)::value, double, false>(in, da, db, params, w).v;
  });
}

// The tape at N points at once (one interpretation of each instruction for all of them):
// slots holds N Duals per instruction, scratch. With Gradient false only the values are
// computed. Returns the slots of the last instruction: f (and ∇f) at each point. from > 0
// skips instructions whose slots already hold what they would compute (the uniform prefix).
template <class T, int N, bool Gradient>
const Dual<T>* evaluateTape(const ExprTape& tape, const double* params, const Vec2T<T>* w,
                            Dual<T>* slots, int from = 0) {
  const ExprInstruction* code = tape.code.data();
  const int n = static_cast<int>(tape.code.size());
  for (int i = from; i < n; ++i) {
    const ExprInstruction& in = code[i];
    Dual<T>* out = slots + i * N;
    withOp(in.op, [&](auto op) {
      constexpr ExprOp Op = decltype(op)::value;
      constexpr int arity = arityOf(Op);
      const Dual<T>* a = arity >= 1 ? slots + in.a * N : nullptr;
      const Dual<T>* b = arity >= 2 ? slots + in.b * N : nullptr;
#pragma GCC unroll 8
      for (int j = 0; j < N; ++j) {
        Dual<T> none{};
        out[j] = applyInstruction<Op, T, Gradient>(in, arity >= 1 ? a[j] : none,
                                                   arity >= 2 ? b[j] : none, params, w[j]);
      }
    });
  }
  return slots + (n - 1) * N;
}

// f at w, and f with ∇f at w, at one point. slots: one Dual<T> per instruction, scratch.
template <class T>
T tapeValue(const ExprTape& tape, const double* params, Vec2T<T> w, Dual<T>* slots) {
  return evaluateTape<T, 1, false>(tape, params, &w, slots)->v;
}
template <class T>
ValueAndGradient<T> tapeValueAndGradient(const ExprTape& tape, const double* params, Vec2T<T> w,
                                         Dual<T>* slots) {
  const Dual<T>* f = evaluateTape<T, 1, true>(tape, params, &w, slots);
  return {f->v, f->d};
}

}  // namespace optirace
