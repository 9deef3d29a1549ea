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

// The value of one instruction from its operands' values.
template <class T>
T instructionValue(const ExprInstruction& in, T a, T b, const double* params, Vec2T<T> w) {
  switch (in.op) {
    case ExprOp::Constant: return T(in.constant);
    case ExprOp::X: return w.x;
    case ExprOp::Y: return w.y;
    case ExprOp::Param: return T(params[in.a]);
    case ExprOp::Negate: return -a;
    case ExprOp::Add: return a + b;
    case ExprOp::Subtract: return a - b;
    case ExprOp::Multiply: return a * b;
    case ExprOp::Divide: return a / b;
    case ExprOp::PowerConstant: return powerConstantOf(a, in.constant);
    case ExprOp::Power: return powOf(a, b);
    case ExprOp::Sin: return sinOf(a);
    case ExprOp::Cos: return cosOf(a);
    case ExprOp::Tan: return tanOf(a);
    case ExprOp::Asin: return asinOf(a);
    case ExprOp::Acos: return acosOf(a);
    case ExprOp::Atan: return atanOf(a);
    case ExprOp::Sinh: return sinhOf(a);
    case ExprOp::Cosh: return coshOf(a);
    case ExprOp::Tanh: return tanhOf(a);
    case ExprOp::Exp: return expOf(a);
    case ExprOp::Log: return logOf(a);
    case ExprOp::Log10: return log10Of(a);
    case ExprOp::Sqrt: return root(a);
    case ExprOp::Abs: return absOf(a);
    case ExprOp::Atan2: return atan2Of(a, b);
    case ExprOp::Min: return select(isLess(b, a), b, a);  // a unless b < a
    case ExprOp::Max: return select(isLess(a, b), b, a);  // a unless a < b
  }
  return T(0.0);
}

// f at w. slots: one T per instruction of the tape, scratch space.
template <class T>
T tapeValue(const ExprTape& tape, const double* params, Vec2T<T> w, T* slots) {
  const ExprInstruction* code = tape.code.data();
  const int n = static_cast<int>(tape.code.size());
  for (int i = 0; i < n; ++i) {
    const ExprInstruction& in = code[i];
    T a = in.a >= 0 && in.op != ExprOp::Param ? slots[in.a] : T(0.0);
    T b = in.b >= 0 ? slots[in.b] : T(0.0);
    slots[i] = instructionValue(in, a, b, params, w);
  }
  return slots[n - 1];
}

template <class T>
struct Dual {
  T v;
  Vec2T<T> d;  // (∂/∂x, ∂/∂y)
};

// The derivative of a one-argument function at a, given its value v there (torch's formula).
template <class T>
T unaryDerivative(ExprOp op, T a, T v) {
  switch (op) {
    case ExprOp::Sin: return cosOf(a);
    case ExprOp::Cos: return -sinOf(a);
    case ExprOp::Tan: return T(1.0) + v * v;                   // 1 + tan²
    case ExprOp::Asin: return T(1.0) / root(T(1.0) - a * a);  // torch: grad * (1 − a²)^−½
    case ExprOp::Acos: return -(T(1.0) / root(T(1.0) - a * a));
    case ExprOp::Atan: return T(1.0) / (a * a + T(1.0));
    case ExprOp::Sinh: return coshOf(a);
    case ExprOp::Cosh: return sinhOf(a);
    case ExprOp::Tanh: return T(1.0) - v * v;
    case ExprOp::Exp: return v;
    case ExprOp::Log: return T(1.0) / a;
    case ExprOp::Log10: return T(1.0) / (a * T(std::numbers::ln10));
    case ExprOp::Sqrt: return T(1.0) / (T(2.0) * v);
    case ExprOp::Abs: return signOf(a);  // torch's sgn: 0 at 0
    default: return T(0.0);
  }
}

// f and ∇f at w. slots: one Dual<T> per instruction of the tape, scratch space.
template <class T>
ValueAndGradient<T> tapeValueAndGradient(const ExprTape& tape, const double* params, Vec2T<T> w,
                                         Dual<T>* slots) {
  const ExprInstruction* code = tape.code.data();
  const int n = static_cast<int>(tape.code.size());
  const T zero(0.0), one(1.0);
  for (int i = 0; i < n; ++i) {
    const ExprInstruction& in = code[i];
    Dual<T> a{zero, {zero, zero}}, b{zero, {zero, zero}};
    if (in.a >= 0 && in.op != ExprOp::Param) a = slots[in.a];
    if (in.b >= 0) b = slots[in.b];
    Dual<T>& out = slots[i];
    out.v = instructionValue(in, a.v, b.v, params, w);
    switch (in.op) {
      case ExprOp::Constant:
      case ExprOp::Param: out.d = {zero, zero}; break;
      case ExprOp::X: out.d = {one, zero}; break;
      case ExprOp::Y: out.d = {zero, one}; break;
      case ExprOp::Negate: out.d = -a.d; break;
      case ExprOp::Add: out.d = a.d + b.d; break;
      case ExprOp::Subtract: out.d = a.d - b.d; break;
      case ExprOp::Multiply: out.d = a.d * b.v + b.d * a.v; break;  // grad·b, grad·a
      case ExprOp::Divide:  // torch: grad / b and −grad · a / (b·b)
        out.d = a.d / b.v - b.d * (a.v / (b.v * b.v));
        break;
      case ExprOp::PowerConstant: {  // torch's pow_backward: 0 for c = 0, else c·a^(c−1)
        double c = in.constant;
        T slope = c == 0.0 ? zero : T(c) * powerConstantOf(a.v, c - 1.0);
        out.d = a.d * slope;
        break;
      }
      case ExprOp::Power: {  // torch: b·a^(b−1) (0 where b = 0); a^b·log a (0 where a = 0, b ≥ 0)
        T slopeA = select(isEqual(b.v, zero), zero, b.v * powOf(a.v, b.v - one));
        T slopeB = select(isEqual(a.v, zero), select(isLess(b.v, zero), out.v * logOf(a.v), zero),
                          out.v * logOf(a.v));
        out.d = a.d * slopeA + b.d * slopeB;
        break;
      }
      case ExprOp::Atan2: {  // torch: (b, −a) / (a² + b²)
        T r = one / (a.v * a.v + b.v * b.v);
        out.d = a.d * (b.v * r) + b.d * (-a.v * r);
        break;
      }
      case ExprOp::Min:
      case ExprOp::Max: {  // torch: the gradient to the chosen argument, halves at a tie
        T half(0.5);
        T toA = select(isEqual(a.v, b.v), half,
                       select(isEqual(out.v, a.v), one, zero));  // a chosen: 1 (0 if b chosen)
        out.d = a.d * toA + b.d * (one - toA);
        break;
      }
      default: out.d = a.d * unaryDerivative(in.op, a.v, out.v); break;
    }
  }
  return {slots[n - 1].v, slots[n - 1].d};
}

}  // namespace optirace
