#include "sweep.h"

#include <algorithm>
#include <cmath>

#include "number_format.h"
#include "optimizer_run.h"
#include "racer.h"
#include "sweep_kernel.h"

namespace optirace {

RacerSpec SweepSpec::cellRacer(int ix, int iy) const {
  RacerSpec r{optimizer, optimizer, hyper, start};
  r.schedule = schedule;
  setAxisValue(x, x.valueAt(ix), r);
  if (y) setAxisValue(*y, y->valueAt(iy), r);
  return r;
}

int SweepSpec::surfaceCount() const {
  return (x.isSurfaceParam() ? x.count : 1) * (y && y->isSurfaceParam() ? y->count : 1);
}

int SweepSpec::surfaceIndex(int ix, int iy) const {
  int kx = x.isSurfaceParam() ? ix : 0, ky = y && y->isSurfaceParam() ? iy : 0;
  return ky * (x.isSurfaceParam() ? x.count : 1) + kx;
}

Surface SweepSpec::cellSurface(int ix, int iy) const {
  Surface s = surface;
  RacerSpec unused;
  if (x.isSurfaceParam()) setAxisValue(x, x.valueAt(ix), unused, s);
  if (y && y->isSurfaceParam()) setAxisValue(*y, y->valueAt(iy), unused, s);
  return s;
}

const char* sweepSettingName(SweepSetting setting) {
  switch (setting) {
    case SweepSetting::Optimizer:
      return "optimizer";
    case SweepSetting::XAxis:
      return "x axis";
    case SweepSetting::YAxis:
      return "y axis";
    case SweepSetting::Hyperparameters:
      return "hyperparameters";
    case SweepSetting::Schedule:
      return "schedule";
    case SweepSetting::Steps:
      return "steps";
    case SweepSetting::Seeds:
      return "seeds";
  }
  return "sweep";
}

void validateSweep(const SweepSpec& spec) {
  auto fail = [](SweepSetting setting, const std::string& problem) {
    throw SweepSettingError(setting, problem);
  };
  const OptimizerDef* def = findOptimizer(spec.optimizer);
  if (!def)
    fail(SweepSetting::Optimizer,
         "unknown optimizer '" + spec.optimizer + "' (valid: " + optimizerNameList() + ")");
  auto check = [&](const SweepAxis& a, SweepSetting axis) {
    if (a.quantity == SweepAxis::Quantity::Hyper) {
      if (!def->usesHyper(a.hyper)) fail(axis, spec.optimizer + " does not use " + a.name());
      for (double v : {a.lo, a.hi})
        if (!hyperValueValid(a.hyper, v))
          fail(axis, a.name() + " must satisfy " + std::string(hyperInfo(a.hyper).range) +
                         " over the whole axis (got " + formatNumber(v) + ")");
    }
    if (a.isSurfaceParam()) {
      const SurfaceParamDef* param = nullptr;
      for (const SurfaceParamDef& p : spec.surface.def().params)
        if (p.name == a.surfaceParam) param = &p;
      if (!param)
        fail(axis, "the surface has no parameter '" + a.surfaceParam +
                       "' (sweepable: " + sweepableNames(&spec.surface) + ")");
      for (double v : {a.lo, a.hi})
        if (v < param->minValue || v > param->maxValue)
          fail(axis, a.name() + " must be in [" + formatNumber(param->minValue) + ", " +
                         formatNumber(param->maxValue) + "] over the whole axis (got " +
                         formatNumber(v) + ")");
    }
    if (a.quantity == SweepAxis::Quantity::Schedule) {
      const ScheduleParamInfo& info = scheduleParamInfo(a.scheduleParam);
      if (!spec.schedule.takes(a.scheduleParam)) {
        std::string takers;
        for (const ScheduleInfo& s : allSchedules())
          for (const ScheduleParamUse& use : s.params)
            if (use.param == a.scheduleParam)
              takers.append(takers.empty() ? "" : " or ").append(s.name);
        fail(axis, "the " + std::string(scheduleInfo(spec.schedule.kind).name) +
                       " schedule takes no " + a.name() + " (a " + takers + " schedule does)");
      }
      for (double v : {a.lo, a.hi})
        if (!scheduleValueValid(a.scheduleParam, v))
          fail(axis, a.name() + " must satisfy " + std::string(info.range) +
                         " over the whole axis (got " + formatNumber(v) + ")");
    }
  };
  check(spec.x, SweepSetting::XAxis);
  if (spec.y) {
    check(*spec.y, SweepSetting::YAxis);
    if (spec.y->name() == spec.x.name())
      fail(SweepSetting::YAxis, "sweeps the same quantity as the x axis (" + spec.x.name() + ")");
  }
  if (auto error = validateHyper(spec.hyper)) fail(SweepSetting::Hyperparameters, *error);
  // The grid's corners: a rule between two parameters (t_max > warmup) holds everywhere when
  // it holds there, as each is monotonic along an axis.
  int lastX = spec.x.count - 1, lastY = spec.y ? spec.y->count - 1 : 0;
  for (auto [ix, iy] : {std::pair{0, 0}, {lastX, 0}, {0, lastY}, {lastX, lastY}})
    if (auto problem = racerSpecProblem(spec.cellRacer(ix, iy))) {
      if (problem->rfind("schedule: ", 0) == 0) fail(SweepSetting::Schedule, problem->substr(10));
      fail(SweepSetting::Hyperparameters, *problem);
    }
  if (spec.steps < 0 || spec.steps > kMaxSteps)
    fail(SweepSetting::Steps, "must be in [0, 1000000000]");
  if (spec.seeds < 1 || spec.seeds > kMaxSweepSeeds)
    fail(SweepSetting::Seeds, "must be in [1, " + std::to_string(kMaxSweepSeeds) + "]");
}

SweepCell runSweepCell(const SweepSpec& spec, int ix, int iy) {
  if (!spec.sweepsSurface()) return runSweepCellOn(spec, spec.surface, ix, iy);
  return runSweepCellOn(spec, spec.cellSurface(ix, iy), ix, iy);
}

SweepCell runSweepCellOn(const SweepSpec& spec, const Surface& surface, int ix, int iy) {
  RacerSpec r = spec.cellRacer(ix, iy);
  const OptimizerDef& def = *findOptimizer(r.optimizer);
  double fStar = surface.minimumValue();
  // The same per-step logic as Racer: step, measure, diverged first, then converged.
  OptimizerRun run(def, r.hyper, r.schedule, surface, spec.settings.noiseSigma, spec.settings.seed,
                   r.start);
  EscapeBound escape(spec.settings.view, r.start);
  SweepCell cell;
  cell.finalW = r.start;
  cell.finalLoss = surface.value(r.start);
  cell.finalGap = cell.finalLoss - fStar;
  cell.bestGap = cell.finalGap;
  if (escape.diverged(cell.finalW, cell.finalLoss)) {
    cell.divergedStep = 0;
    return cell;
  }
  if (cell.finalGap < spec.settings.threshold) cell.stepsToThreshold = 0;
  for (long s = 1; s <= spec.steps; ++s) {
    cell.finalW = run.step();
    cell.finalLoss = surface.value(cell.finalW);
    cell.finalGap = cell.finalLoss - fStar;
    if (escape.diverged(cell.finalW, cell.finalLoss)) {
      cell.divergedStep = s;
      return cell;
    }
    cell.bestGap = std::min(cell.bestGap, cell.finalGap);
    if (cell.stepsToThreshold < 0 && cell.finalGap < spec.settings.threshold)
      cell.stepsToThreshold = s;
  }
  cell.minimizer = nearestMinimizer(surface, spec.settings.view, cell.finalW);
  return cell;
}

int nearestMinimizer(const SweepSpec& spec, Vec2 w) {
  return nearestMinimizer(spec.surface, spec.settings.view, w);
}

int nearestMinimizer(const Surface& surface, const ViewBox& v, Vec2 w) {
  double nearest = 0.05 * std::max(v.width(), v.height());  // noisy runs jitter about the minimum
  std::vector<Vec2> minimizers = surface.minimizers();
  int found = -1;
  for (std::size_t k = 0; k < minimizers.size(); ++k) {
    double d = norm(w - minimizers[k]);
    if (d < nearest) nearest = d, found = static_cast<int>(k);
  }
  return found;
}

SweepJob::SweepJob(SweepSpec spec, int threads, std::optional<SweepIsa> kernel, ChunkHook onChunk)
    : spec_((validateSweep(spec), std::move(spec))),
      cells_(static_cast<size_t>(spec_.cellCount())),
      done_(new std::atomic<bool>[static_cast<size_t>(spec_.cellCount())]) {
  for (int i = 0; i < spec_.cellCount(); ++i) done_[i] = false;
  if (spec_.sweepsSurface()) {
    surfaces_.resize(static_cast<size_t>(spec_.surfaceCount()));
    surfaceMade_.reset(new std::once_flag[surfaces_.size()]);
  }
  kernel_ = kernel;
  onChunk_ = std::move(onChunk);
  int chunks = (spec_.cellCount() + kChunk - 1) / kChunk;
  int n = std::max(1, std::min(threads, chunks));
  for (int i = 0; i < n; ++i) workers_.emplace_back([this] { work(); });
}

SweepJob::~SweepJob() {
  cancel();
  wait();
}

void SweepJob::wait() {
  for (std::thread& t : workers_)
    if (t.joinable()) t.join();
}

SweepCell combineSeeds(std::vector<SweepCell> runs) {
  auto gap = [](const SweepCell& c) { return c.divergedStep >= 0 ? INFINITY : c.finalGap; };
  std::stable_sort(runs.begin(), runs.end(),
                   [&](const SweepCell& a, const SweepCell& b) { return gap(a) < gap(b); });
  auto quantile = [&](double p) {
    double pos = p * static_cast<double>(runs.size() - 1);
    size_t i = static_cast<size_t>(pos);
    double lo = gap(runs[i]);
    if (i + 1 >= runs.size() || pos == static_cast<double>(i)) return lo;
    double hi = gap(runs[i + 1]);
    return hi == lo ? lo : lo + (pos - static_cast<double>(i)) * (hi - lo);
  };
  SweepCell out = runs[(runs.size() - 1) / 2];
  double median = quantile(0.5);
  out.finalGapP10 = quantile(0.1);
  out.finalGapP90 = quantile(0.9);
  if (runs.size() > 1) out.finalGap = median;
  return out;
}

const Surface& SweepJob::cellSurface(int ix, int iy) {
  if (!spec_.sweepsSurface()) return spec_.surface;
  size_t k = static_cast<size_t>(spec_.surfaceIndex(ix, iy));
  std::call_once(surfaceMade_[k],
                 [&] { surfaces_[k] = std::make_unique<Surface>(spec_.cellSurface(ix, iy)); });
  return *surfaces_[k];
}

// With a swept surface parameter, a chunk is cut into runs of cells on one surface: a run goes
// to the kernel on that surface when it fills enough of a block (a surface parameter on --y:
// whole rows), and cell by cell on the engine's stepping otherwise (on --x every cell is a
// surface of its own, and a block of one cell would cost a whole block's steps).
void SweepJob::runSweptSurfaces(const SweepSpec& spec, int begin, int end, SweepCell* out) {
  constexpr int kKernelRun = 8;
  for (int first = begin; first < end && !cancelled_;) {
    int key = spec.surfaceIndex(first % spec.x.count, first / spec.x.count), last = first + 1;
    while (last < end && spec.surfaceIndex(last % spec.x.count, last / spec.x.count) == key) ++last;
    const Surface& surface = cellSurface(first % spec.x.count, first / spec.x.count);
    if (kernel_ && last - first >= kKernelRun) {
      SweepSpec onSurface = spec;
      onSurface.surface = surface;
      runSweepCellsFast(onSurface, first, last - first, out + (first - begin), *kernel_);
    } else {
      for (int i = first; i < last; ++i)
        out[i - begin] = runSweepCellOn(spec, surface, i % spec.x.count, i / spec.x.count);
    }
    first = last;
  }
}

void SweepJob::runChunk(const SweepSpec& spec, int begin, int end, SweepCell* out) {
  if (spec.sweepsSurface()) {
    runSweptSurfaces(spec, begin, end, out);
  } else if (kernel_) {
    runSweepCellsFast(spec, begin, end - begin, out, *kernel_);
  } else {
    for (int i = begin; i < end && !cancelled_; ++i)
      out[i - begin] = runSweepCell(spec, i % spec.x.count, i / spec.x.count);
  }
}

void SweepJob::work() {
  int total = spec_.cellCount();
  for (int chunk = nextChunk_++; chunk * kChunk < total && !cancelled_; chunk = nextChunk_++) {
    int begin = chunk * kChunk, end = std::min(total, (chunk + 1) * kChunk);
    SweepCell* cells = &cells_[static_cast<size_t>(begin)];
    if (spec_.seeds <= 1) {
      runChunk(spec_, begin, end, cells);
      for (int i = begin; i < end; ++i) {
        SweepCell& c = cells[i - begin];
        c.finalGapP10 = c.finalGapP90 = c.finalGap;
      }
    } else {  // the chunk once per seed, then each cell's runs combined
      std::vector<std::vector<SweepCell>> runs(static_cast<size_t>(end - begin));
      std::vector<SweepCell> buffer(static_cast<size_t>(end - begin));
      SweepSpec seeded = spec_;
      for (int k = 0; k < spec_.seeds && !cancelled_; ++k) {
        seeded.settings.seed = spec_.settings.seed + static_cast<std::uint64_t>(k);
        runChunk(seeded, begin, end, buffer.data());
        for (size_t i = 0; i < buffer.size(); ++i) runs[i].push_back(buffer[i]);
      }
      if (cancelled_) return;
      for (size_t i = 0; i < runs.size(); ++i) cells[i] = combineSeeds(std::move(runs[i]));
    }
    if (cancelled_) return;
    if (onChunk_) onChunk_(spec_, begin, end, cells);
    for (int i = begin; i < end; ++i) done_[i] = true;  // release: cells written before flags
    if ((doneCells_ += end - begin) == total)
      secondsToFinish_ =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  }
}

}  // namespace optirace
