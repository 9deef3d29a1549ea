// How an update rule shows its working. A rule passes its quantities through a probe as it
// computes them: a mixed memory (m ← β₁·m + (1 − β₁)·g), a noted value (v̂, ρₜ), the move it
// subtracts from w, the factor it shrinks w by. The race and the sweep kernel pass NoProbe,
// which does only the arithmetic; the step inspector passes a StepRecorder, which does the same
// arithmetic and writes each line down, so what it shows is what the step computed, to the bit,
// and no rule is written twice.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "vec2.h"

namespace optirace {

// (s/v₁, s/v₂): a per-coordinate step size such as η/(√v̂ + ε).
template <class T>
Vec2T<T> scalarOver(T s, Vec2T<T> v) {
  return {s / v.x, s / v.y};
}

// The arithmetic alone. Every member is inlined away.
struct NoProbe {
  // memory = carried + fresh, e.g. m = (β₁·m) + ((1 − β₁)·g).
  template <class V>
  V mix(std::string_view, std::string_view, V carried, std::string_view, V fresh) {
    return carried + fresh;
  }
  // A value worth showing; a callable is not called (it only costs when recorded).
  template <class F>
  void note(std::string_view, F&&) {}
  // w − move. `memory` names the memory the move is proportional to, coordinate by coordinate
  // (its share of the step is the memory's carried share), or is empty.
  template <class V>
  V descend(std::string_view, V w, V move, std::string_view = {}) {
    return w - move;
  }
  // factor·w (decoupled weight decay).
  template <class V, class S>
  V shrink(std::string_view, V w, S factor) {
    return factor * w;
  }
};

// One line of a step's working, in the order the rule computed it.
struct StepLine {
  enum class Kind { Mix, Note, Descend, Shrink };
  Kind kind = Kind::Note;
  std::string name{};  // what the line sets: "m", "v̂", "w"
  std::string text{};  // Mix: "β₁·m + (1 − β₁)·g"; Descend: the move, "η·b"; Shrink: the factor
  Vec2 first{};          // Mix: the carried part; Descend, Shrink: w before
  Vec2 second{};         // Mix: the fresh part; Descend: the move; Shrink: (factor, factor)
  Vec2 result{};         // the value set
  bool scalar = false;   // a Note of one number (in result.x)
  std::string memory{};  // Descend: the memory the move is proportional to, or empty
};

// The arithmetic of NoProbe, each line written down (the double instance only).
class StepRecorder {
 public:
  Vec2 mix(std::string_view name, std::string_view carriedText, Vec2 carried,
           std::string_view freshText, Vec2 fresh) {
    Vec2 result = carried + fresh;
    lines_.push_back({.kind = StepLine::Kind::Mix,
                      .name = std::string(name),
                      .text = std::string(carriedText) + " + " + std::string(freshText),
                      .first = carried,
                      .second = fresh,
                      .result = result});
    return result;
  }
  template <class F>
  void note(std::string_view name, F&& value) {
    if constexpr (std::is_invocable_v<F>)
      add(name, value());
    else
      add(name, value);
  }
  Vec2 descend(std::string_view moveText, Vec2 w, Vec2 move, std::string_view memory = {}) {
    Vec2 result = w - move;
    lines_.push_back({.kind = StepLine::Kind::Descend,
                      .name = "w",
                      .text = std::string(moveText),
                      .first = w,
                      .second = move,
                      .result = result,
                      .memory = std::string(memory)});
    return result;
  }
  Vec2 shrink(std::string_view factorText, Vec2 w, double factor) {
    Vec2 result = factor * w;
    lines_.push_back({.kind = StepLine::Kind::Shrink,
                      .name = "w",
                      .text = std::string(factorText),
                      .first = w,
                      .second = {factor, factor},
                      .result = result});
    return result;
  }

  const std::vector<StepLine>& lines() const { return lines_; }

 private:
  void add(std::string_view name, Vec2 value) {
    lines_.push_back({.kind = StepLine::Kind::Note, .name = std::string(name), .result = value});
  }
  void add(std::string_view name, double value) {
    lines_.push_back({.kind = StepLine::Kind::Note,
                      .name = std::string(name),
                      .result = {value, 0.0},
                      .scalar = true});
  }

  std::vector<StepLine> lines_;
};

}  // namespace optirace
