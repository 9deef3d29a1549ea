#include "racer.h"

#include <cmath>
#include <stdexcept>

namespace optirace {

const char* statusName(RacerStatus s) {
  switch (s) {
    case RacerStatus::Running:
      return "running";
    case RacerStatus::Converged:
      return "converged";
    case RacerStatus::Diverged:
      return "diverged";
  }
  return "?";
}

EscapeBound::EscapeBound(const ViewBox& view, Vec2 start) : centre_(view.centre()) {
  // The view's size counts the start's distance, so a start placed far outside the view is
  // not called diverged at step 0.
  double size = std::fmax(std::fmax(view.width(), view.height()), norm(start - centre_));
  double reach = kEscapeViewSizes * size;
  reachSquared_ = reach * reach;
}

bool EscapeBound::diverged(Vec2 w, double loss) const {
  double dx = w.x - centre_.x, dy = w.y - centre_.y;
  return !isFinite(w) || !std::isfinite(loss) || dx * dx + dy * dy > reachSquared_;
}

std::optional<std::string> racerSpecProblem(const RacerSpec& spec) {
  const OptimizerDef* def = findOptimizer(spec.optimizer);
  if (!def)
    return "unknown optimizer '" + spec.optimizer + "' (valid: " + optimizerNameList() + ")";
  if (auto error = validateHyper(spec.hyper)) return error;
  if (!spec.hyper.biasCorrection && !def->usesHyper(HyperId::BiasCorrection))
    return std::string(def->name) + " has no bias correction to turn off (adam, adamw, amsgrad do)";
  if (auto error = validateSchedule(spec.schedule)) return "schedule: " + *error;
  return std::nullopt;
}

const OptimizerDef& Racer::checkedOptimizer(const RacerSpec& spec) {
  if (auto problem = racerSpecProblem(spec)) throw std::invalid_argument(*problem);
  return *findOptimizer(spec.optimizer);
}

Racer::Racer(RacerSpec spec, const Surface& surface, const RaceSettings& settings)
    : spec_(std::move(spec)),
      def_(&checkedOptimizer(spec_)),
      surface_(surface),
      settings_(settings),
      minimumValue_(surface.minimumValue()),
      run_(*def_, spec_.hyper, spec_.schedule, surface_, settings.noiseSigma, settings.seed,
           spec_.start),
      escape_(settings.view, spec_.start) {
  current_ = measure(0, spec_.start);
  trajectory_.append(current_);
  classify();
}

TrajectoryPoint Racer::measure(long step, Vec2 w) const {
  double loss = surface_.value(w);
  return {step, w, loss, loss - minimumValue_, norm(surface_.gradient(w))};
}

const TrajectoryPoint& Racer::step() {
  if (status_ == RacerStatus::Diverged) return current_;
  current_ = measure(current_.step + 1, run_.step());
  current_.lr = run_.lastLr();
  trajectory_.append(current_);
  classify();
  return current_;
}

void Racer::classify() {
  if (escape_.diverged(current_.w, current_.loss)) {
    status_ = RacerStatus::Diverged;
    divergedAt_ = current_.step;
    return;
  }
  if (convergedAt_ < 0 && current_.gap < settings_.threshold) {
    convergedAt_ = current_.step;
    status_ = RacerStatus::Converged;
  }
}

}  // namespace optirace
