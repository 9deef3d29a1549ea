// How the sweep kernel reaches a surface's maths (core/sweep_block.inc): the arguments value and
// gradient read, and f, ∇f at each of the block's N vectors of cells. For the built-in surfaces,
// their templates per vector; for a surface typed as an expression (surfaces::Typed), its tape
// interpreted once for all N vectors (core/expression/expression_eval.h), so the cost of
// interpreting is shared by N × lanes cells. Typed is not in surfaces::All (the built-in
// catalogue): the kernel's table has it as one row more, at SurfaceDef::index ==
// allSurfaces().size().
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "../expression/expression_eval.h"
#include "../expression/typed_surface.h"
#include "list.h"

namespace optirace::surfaces {

struct Typed {
  struct Args {
    const ExprTape* tape;
    const double* params;
    // Which block's evaluations these are: the tape's uniform prefix (the parameters and what
    // is made of them) is the same for all of them, computed by the first.
    std::uint64_t block;
  };
  static Args kernelArgs(const Surface& s) {
    static std::atomic<std::uint64_t> blocks{0};
    return {&s.typed()->tape, s.params().data(), ++blocks};
  }

  // Scratch for the tape: N Duals per instruction, per thread, 64-byte aligned (std::vector
  // gave 16-byte aligned storage for the 32-byte lanes here, which their loads fault on), and
  // for which block, with or without gradients, the uniform prefix was last computed.
  struct Scratch {
    void* memory = nullptr;
    std::size_t bytes = 0;
    std::uint64_t uniformBlock = 0;
    bool uniformGradient = false;
    ~Scratch() { std::free(memory); }
  };
  template <class T, int N>
  static Scratch& scratchFor(const Args& k) {
    thread_local Scratch scratch;
    std::size_t bytes = (k.tape->code.size() * N * sizeof(Dual<T>) + 63) / 64 * 64;
    if (scratch.bytes < bytes) {
      std::free(scratch.memory);
      scratch.memory = std::aligned_alloc(64, bytes);
      if (!scratch.memory) throw std::bad_alloc();
      scratch.bytes = bytes;
      scratch.uniformBlock = 0;
    }
    return scratch;
  }
  template <class T, int N, bool Gradient>
  static const Dual<T>* evaluate(const Args& k, const Vec2T<T>* w) {
    Scratch& s = scratchFor<T, N>(k);
    // The prefix's slots are reused when this block computed them with what this pass needs
    // (a pass without gradients leaves their ∇ parts unwritten).
    bool reuse = s.uniformBlock == k.block && (s.uniformGradient || !Gradient);
    const Dual<T>* f = evaluateTape<T, N, Gradient>(
        *k.tape, k.params, w, static_cast<Dual<T>*>(s.memory), reuse ? k.tape->uniformCount : 0);
    if (!reuse) s.uniformBlock = k.block, s.uniformGradient = Gradient;
    return f;
  }

  // One point (what the kernel's set-up calls).
  template <class T>
  static T value(const Args& k, Vec2T<T> w) {
    return evaluate<T, 1, false>(k, &w)->v;
  }
  template <class T>
  static Vec2T<T> gradient(const Args& k, Vec2T<T> w) {
    return evaluate<T, 1, true>(k, &w)->d;
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

// ∇f, f, or both at N points.
template <class Surf, int N, class K, class T>
void gradientsAt(const K& k, const Vec2T<T>* w, Vec2T<T>* out) {
  if constexpr (std::is_same_v<Surf, Typed>) {
    const Dual<T>* f = Surf::template evaluate<T, N, true>(k, w);
    for (int j = 0; j < N; ++j) out[j] = f[j].d;
  } else {
#pragma GCC unroll 8
    for (int j = 0; j < N; ++j) out[j] = Surf::template gradient<T>(k, w[j]);
  }
}
template <class Surf, int N, class K, class T>
void valuesAt(const K& k, const Vec2T<T>* w, T* out) {
  if constexpr (std::is_same_v<Surf, Typed>) {
    const Dual<T>* f = Surf::template evaluate<T, N, false>(k, w);
    for (int j = 0; j < N; ++j) out[j] = f[j].v;
  } else {
#pragma GCC unroll 8
    for (int j = 0; j < N; ++j) out[j] = Surf::template value<T>(k, w[j]);
  }
}
template <class Surf, int N, class K, class T>
void valuesAndGradientsAt(const K& k, const Vec2T<T>* w, T* values, Vec2T<T>* gradients) {
  if constexpr (std::is_same_v<Surf, Typed>) {
    const Dual<T>* f = Surf::template evaluate<T, N, true>(k, w);
    for (int j = 0; j < N; ++j) values[j] = f[j].v, gradients[j] = f[j].d;
  } else {
#pragma GCC unroll 8
    for (int j = 0; j < N; ++j) {
      ValueAndGradient<T> at = valueAndGradientOf<Surf>(k, w[j]);
      values[j] = at.value;
      gradients[j] = at.gradient;
    }
  }
}

}  // namespace optirace::surfaces
