// A surface typed as an expression, as the sweep kernel's templates see a surface type: its
// value and gradient evaluate the tape (core/expression/expression_eval.h) over the kernel's
// lanes. Not in surfaces::All (the built-in catalogue): the kernel's table has it as one row
// more, at SurfaceDef::index == allSurfaces().size().
#pragma once

#include <vector>

#include "../expression/expression_eval.h"
#include "../expression/typed_surface.h"
#include "list.h"

namespace optirace::surfaces {

struct Typed {
  struct Args {
    const ExprTape* tape;
    const double* params;
  };
  static Args kernelArgs(const Surface& s) { return {&s.typed()->tape, s.params().data()}; }

  // Scratch for the tape's instructions: on the stack for the usual few dozen, else per thread.
  static constexpr int kStackSlots = 64;
  template <class S>
  static S* heapSlots(std::size_t n) {
    thread_local std::vector<S> slots;
    if (slots.size() < n) slots.resize(n);
    return slots.data();
  }

  template <class T>
  static T value(const Args& k, Vec2T<T> w) {
    const std::size_t n = k.tape->code.size();
    if (n <= kStackSlots) {
      T slots[kStackSlots];
      return tapeValue<T>(*k.tape, k.params, w, slots);
    }
    return tapeValue<T>(*k.tape, k.params, w, heapSlots<T>(n));
  }
  template <class T>
  static ValueAndGradient<T> valueAndGradient(const Args& k, Vec2T<T> w) {
    const std::size_t n = k.tape->code.size();
    if (n <= kStackSlots) {
      Dual<T> slots[kStackSlots];
      return tapeValueAndGradient<T>(*k.tape, k.params, w, slots);
    }
    return tapeValueAndGradient<T>(*k.tape, k.params, w, heapSlots<Dual<T>>(n));
  }
  template <class T>
  static Vec2T<T> gradient(const Args& k, Vec2T<T> w) {
    return valueAndGradient<T>(k, w).gradient;
  }
};

// The built-in surfaces and the typed one: the sweep kernel's rows.
template <class... Types>
constexpr TypeList<Types..., Typed> withTyped(TypeList<Types...>) {
  return {};
}

// What surface type Surf's value and gradient read: the tape for a typed surface, the
// constants for a built-in one.
template <class Surf>
auto kernelArgsOf(const Surface& s) {
  if constexpr (requires { Surf::kernelArgs(s); })
    return Surf::kernelArgs(s);
  else
    return s.constants();
}

}  // namespace optirace::surfaces
