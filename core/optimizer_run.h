// One optimizer descending one surface from one start, with its own noise stream: the stepping
// that a racer and every sweep cell share, so a sweep cell and a race with the same settings
// give the same numbers to the last bit.
#pragma once

#include <cmath>
#include <cstdint>

#include "noise.h"
#include "optimizer.h"
#include "schedule.h"
#include "step_inspection.h"
#include "surface.h"

namespace optirace {

class OptimizerRun {
 public:
  // The caller has validated the hyperparameters (validateHyper).
  // The caller has validated the schedule too (validateSchedule).
  OptimizerRun(const OptimizerDef& def, const Hyper& hyper, const Schedule& schedule,
               const Surface& surface, double noiseSigma, std::uint64_t seed, Vec2 start)
      : def_(&def),
        hyper_(hyper),
        schedule_(schedule),
        surface_(surface),
        sigma_(noiseSigma),
        noise_(seed),
        w_(start) {
    def.start(memory_);
  }

  // One step: ηₜ from the schedule, g = ∇f(p) + σξ (clipped, + λp when coupled) at the
  // optimizer's gradient point p (w, or a look-ahead), then the optimizer's update; returns the
  // new w.
  Vec2 step() { return advance(nullptr); }

  // The next step as step() takes it, with its working written down; the run is unchanged
  // (step_inspection.cpp).
  StepInspection inspectNextStep() const;

  Vec2 position() const { return w_; }
  long stepsTaken() const { return t_; }
  double lastLr() const { return lastLr_; }  // the ηₜ of the last step (NaN before the first)
  // The optimizer's clock and state, laid out as optimizer type Opt's (the caller knows it).
  template <class Opt>
  const RunMemory<Opt>& memoryAs() const {
    return memoryOf<Opt>(memory_);
  }

 private:
  // step(), or with `inspection` the same step recorded into it.
  Vec2 advance(StepInspection* inspection) {
    Hyper h = hyper_;
    h.lr = lastLr_ = scheduledLr(schedule_, hyper_.lr, t_);
    ++t_;
    Vec2 p = def_->gradientPoint(h, memory_, w_);
    bool noisy = sigma_ > 0.0;
    Vec2 xi = noisy ? noise_.nextVec2() : Vec2{};
    Vec2 gradient = surface_.gradient(p);
    Vec2 g = stochasticGradient(gradient, noisy, sigma_, xi, h, def_->decay, p);
    if (!inspection) return w_ = def_->step(h, memory_, t_, g, w_);
    StepRecorder recorder;
    Vec2 before = w_;
    w_ = def_->recordedStep(h, memory_, t_, g, w_, recorder);
    *inspection = describeStep({t_, h, def_->decay, before, p, gradient, sigma_ * xi, g, w_},
                               recorder.lines());
    return w_;
  }

  const OptimizerDef* def_;
  Hyper hyper_;
  Schedule schedule_;
  Surface surface_;  // a copy (a definition pointer and four numbers): runs may move freely
  double sigma_;
  GaussianNoise noise_;
  OptimizerMemory memory_;
  long t_ = 0;
  double lastLr_ = NAN;
  Vec2 w_;
};

// When a point counts as diverged: not finite, or farther from the view's centre than
// kEscapeViewSizes × the larger of the view's size and the start's distance from the centre.
class EscapeBound {
 public:
  EscapeBound(const ViewBox& view, Vec2 start);
  bool diverged(Vec2 w, double loss) const;
  Vec2 centre() const { return centre_; }
  double reachSquared() const { return reachSquared_; }

 private:
  Vec2 centre_;
  double reachSquared_;  // compared with the squared distance: exact, and cheap to vectorise
};

}  // namespace optirace
