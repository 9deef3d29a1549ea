// What one optimizer step did, line by line, for the step inspector and its arrows: the
// gradient and where it came from, the update rule's working as the rule computed it (through
// a StepRecorder, step_probe.h), the new point, and the step split into the vectors a lecture
// draws. OptimizerRun::inspectNextStep makes one.
#pragma once

#include <optional>
#include <vector>

#include "hyper.h"
#include "step_probe.h"
#include "vec2.h"

namespace optirace {

enum class DecayKind;

// What the run knew when it took the step.
struct StepTaken {
  long t = 0;            // the step's number, counted from 1
  Hyper hyper;           // with lr = ηₜ
  DecayKind decay{};     // how the optimizer takes λ
  Vec2 w;                // the point before the step
  Vec2 gradientPoint;    // where the gradient was taken (Nesterov: the look-ahead)
  Vec2 surfaceGradient;  // ∇f there
  Vec2 noise;            // σξ (zero without noise)
  Vec2 g;                // what the optimizer was handed
  Vec2 next;             // the point after the step
};

struct StepInspection {
  StepTaken taken;
  bool clipped = false;  // ‖∇f + σξ‖ was above the clip norm, so g was scaled down to it
  Vec2 coupledDecay{};   // λ·p added to g (coupled decay), else zero
  std::vector<StepLine> lines{};  // the update rule's working, in the order it was computed
  // The arrows, as vectors from w:
  Vec2 plainStep{};  // −ηₜ·g: where gradient descent would have gone
  // The memory's carried share of the step (β·b, β₁·m, … carried into it), for rules whose move
  // is proportional to a memory coordinate by coordinate; none for the others (SGD, AdaGrad,
  // RMSProp, Adadelta, Lion's sign).
  std::optional<Vec2> memoryStep{};
  Vec2 step() const { return taken.next - taken.w; }  // the step taken
};

StepInspection describeStep(const StepTaken& taken, const std::vector<StepLine>& lines);

}  // namespace optirace
