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

Racer::Racer(RacerSpec spec, const Surface& surface, const RaceSettings& settings)
    : spec_(std::move(spec)),
      def_(findOptimizer(spec_.optimizer)),
      surface_(surface),
      settings_(settings),
      minimumValue_(surface.minimumValue()),
      noise_(settings.seed) {
  if (!def_)
    throw std::invalid_argument("unknown optimizer '" + spec_.optimizer +
                                "' (valid: " + optimizerNameList() + ")");
  if (auto error = validateHyper(spec_.hyper)) throw std::invalid_argument(*error);
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
  auto noisy = [this](Vec2 w) {
    Vec2 g = surface_.gradient(w);
    return settings_.noiseSigma > 0.0 ? g + settings_.noiseSigma * noise_.nextVec2() : g;
  };
  // The noise stream is advanced inside the oracle; it is logically part of the racer's state.
  auto oracle = withCoupledDecay(*def_, spec_.hyper, noisy);
  Vec2 next = stepOptimizer(*def_, spec_.hyper, state_, oracle, current_.w);
  current_ = measure(current_.step + 1, next);
  trajectory_.append(current_);
  classify();
  return current_;
}

void Racer::classify() {
  const ViewBox& view = settings_.view;
  // Measured from the view's centre in units of the larger of the view and the start's
  // distance, so a start placed far outside the view is not called diverged at step 0.
  double size =
      std::fmax(std::fmax(view.width(), view.height()), norm(spec_.start - view.centre()));
  double reach = kEscapeViewSizes * size;
  bool escaped = norm(current_.w - view.centre()) > reach;
  if (!isFinite(current_.w) || !std::isfinite(current_.loss) || escaped) {
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
