#include "step_inspection.h"

#include <cmath>

#include "optimizer.h"
#include "optimizer_run.h"

namespace optirace {

namespace {

// The memory's carried share of a move proportional to it: move·carried/memory per coordinate
// (memory = carried + fresh, the last mix of that name).
std::optional<Vec2> carriedShare(const std::vector<StepLine>& lines) {
  std::optional<Vec2> total;
  for (const StepLine& line : lines) {
    if (line.kind != StepLine::Kind::Descend || line.memory.empty()) continue;
    Vec2 share{};  // a memory noted without a mix (Momentum's first step) carries nothing
    for (const StepLine& mix : lines) {
      if (mix.kind != StepLine::Kind::Mix || mix.name != line.memory) continue;
      auto part = [](double move, double carried, double memory) {
        return memory != 0.0 ? -move * (carried / memory) : 0.0;
      };
      share = {part(line.second.x, mix.first.x, mix.result.x),
               part(line.second.y, mix.first.y, mix.result.y)};
    }
    total = total.value_or(Vec2{}) + share;
  }
  return total;
}

}  // namespace

StepInspection describeStep(const StepTaken& taken, const std::vector<StepLine>& lines) {
  StepInspection out{.taken = taken, .lines = lines};
  const Hyper& h = taken.hyper;
  if (h.clips()) {
    Vec2 raw = taken.surfaceGradient + taken.noise;
    // clippedGradient scales by c/(‖g‖ + 1e-6) when that is below 1.
    out.clipped = h.clipNorm / (norm(raw) + 1e-6) < 1.0;
  }
  if (taken.decay == DecayKind::Coupled && h.weightDecay != 0.0)
    out.coupledDecay = h.weightDecay * taken.gradientPoint;
  out.plainStep = -(h.lr * taken.g);
  out.memoryStep = carriedShare(lines);
  return out;
}

StepInspection OptimizerRun::inspectNextStep() const {
  OptimizerRun copy = *this;
  StepInspection inspection;
  copy.advance(&inspection);
  return inspection;
}

}  // namespace optirace
