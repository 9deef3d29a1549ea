#include "sensitivity_panel.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "available_cores.h"
#include "cli/sweep_output.h"
#include "export_actions.h"
#include "fit_text.h"
#include "panel_backdrop.h"
#include "panels.h"
#include "sweep_figure.h"

namespace optirace {

namespace {
// One core is left to the window, so the UI keeps its frame rate while a sweep runs.
int workerThreads() {
  return std::max(1, availableCores() - 1);
}

}  // namespace

SensitivityPanel::Axis SensitivityPanel::Axis::defaultFor(const SurfaceParamDef& p, double value,
                                                          int count) {
  Axis a;
  a.surfaceParam = std::string(p.name);
  a.count = count;
  a.logarithmic = value > 0;
  a.lo = std::max(p.minValue, value > 0 ? value / 10 : value - 1);
  a.hi = std::min(p.maxValue, value > 0 ? value * 10 : value + 1);
  if (a.logarithmic && a.lo <= 0) a.lo = value / 10;
  return a;
}

std::string SensitivityPanel::Axis::label() const {
  if (!surfaceParam.empty()) return "surface  " + surfaceParam;
  if (scheduleParam) return "schedule  " + std::string(scheduleParamInfo(*scheduleParam).name);
  const HyperInfo& info = hyperInfo(hyper);
  return std::string(info.symbol) + "  " + std::string(info.name);
}

SweepAxis SensitivityPanel::Axis::sweepAxis() const {
  SweepAxis a;
  a.hyper = hyper;
  if (!surfaceParam.empty()) {
    a.quantity = SweepAxis::Quantity::SurfaceParam;
    a.surfaceParam = surfaceParam;
  } else if (scheduleParam) {
    a.quantity = SweepAxis::Quantity::Schedule;
    a.scheduleParam = *scheduleParam;
  }
  a.lo = lo;
  a.hi = hi;
  a.logarithmic = logarithmic;
  a.count = count;
  return a;
}

void SensitivityPanel::run(AppState& app, int mode) {
  mode_ = static_cast<Mode>(mode);
  start(app);
}

long SensitivityPanel::cellsDone() const {
  long done = 0;
  for (const auto& j : jobs_) done += std::lround(j->progress() * j->spec().cellCount());
  return done;
}

long SensitivityPanel::cellsTotal() const {
  long total = 0;
  for (const auto& j : jobs_) total += j->spec().cellCount();
  return total;
}

bool SensitivityPanel::running() const {
  for (const auto& j : jobs_)
    if (!j->finished() && !j->cancelled()) return true;
  return false;
}

void SensitivityPanel::axisEditor(const char* id, Axis& axis, const Surface& surface) {
  ImGui::PushID(id);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  // Every hyperparameter but the flags, then the schedules' parameters (racers whose schedule
  // takes one are swept over it), each starting from its default range.
  if (ImGui::BeginCombo("##q", axis.label().c_str(), ImGuiComboFlags_HeightLargest)) {
    for (const HyperInfo& info : allHyperInfos()) {
      Axis choice = Axis::defaultFor(info.id, axis.count);
      if (!info.isFlag && ImGui::Selectable(choice.label().c_str(), choice.label() == axis.label()))
        axis = choice;
    }
    ImGui::Separator();
    for (const ScheduleParamInfo& info : allScheduleParams()) {
      Axis choice = Axis::defaultFor(info.id, axis.count);
      if (ImGui::Selectable(choice.label().c_str(), choice.label() == axis.label())) axis = choice;
    }
    // The surface's parameters: each value a surface of its own (κ of the bowl, a typed
    // surface's named numbers).
    const SurfaceDef& def = surface.def();
    if (!def.params.empty()) ImGui::Separator();
    for (std::size_t i = 0; i < def.params.size(); ++i) {
      Axis choice = Axis::defaultFor(def.params[i], surface.params()[i], axis.count);
      if (ImGui::Selectable(choice.label().c_str(), choice.label() == axis.label())) axis = choice;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  double range[2] = {axis.lo, axis.hi};
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (ImGui::InputScalarN("##range", ImGuiDataType_Double, range, 2, nullptr, nullptr, "%.3g"))
    axis.lo = range[0], axis.hi = range[1];
  const ImGuiStyle& style = ImGui::GetStyle();
  sameLineIfFits(ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize("log").x);
  ImGui::Checkbox("log", &axis.logarithmic);
  sameLineIfFits(ImGui::GetFontSize() * 6 + style.ItemInnerSpacing.x +
                 ImGui::CalcTextSize("cells").x);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::SliderInt("cells", &axis.count, 4, 256);
  ImGui::PopID();
}

void SensitivityPanel::start(AppState& app) {
  textureComplete_ = false;
  finishReported_ = false;
  started_ = std::chrono::steady_clock::now();
  jobs_.clear();
  theoryOverlay_.reset();
  jobRacers_.clear();
  jobMode_ = mode_;
  long steps = steps_ > 0 ? static_cast<long>(steps_) : app.scenario.steps;
  std::vector<int> racers;
  if (mode_ == Mode::Curves) {
    for (std::size_t i = 0; i < app.scenario.racers.size(); ++i)
      if (app.scenario.racers[i].enabled) racers.push_back(static_cast<int>(i));
  } else if (!app.scenario.racers.empty()) {
    racers.push_back(app.selectedRacer);
  }
  try {
    for (int i : racers) {
      const RacerSpec& r = app.scenario.racers[i];
      SweepSpec spec;
      spec.surface = app.scenario.surface;
      spec.optimizer = r.optimizer;
      spec.hyper = r.hyper;
      spec.schedule = r.schedule;  // a scheduled racer's sweep keeps its schedule
      spec.start = r.start;
      spec.steps = steps;
      spec.settings = app.scenario.settings;
      spec.seeds =
          spec.settings.noiseSigma > 0 ? seeds_ : 1;  // one seed is all a noiseless race has
      if (mode_ == Mode::Basin) {
        const ViewBox& v = app.camera;
        spec.x.quantity = SweepAxis::Quantity::StartX;
        spec.x.lo = v.xMin, spec.x.hi = v.xMax, spec.x.logarithmic = false,
        spec.x.count = basinCount_;
        SweepAxis y;
        y.quantity = SweepAxis::Quantity::StartY;
        y.lo = v.yMin, y.hi = v.yMax, y.logarithmic = false, y.count = basinCount_;
        spec.y = y;
      } else {
        spec.x = x_.sweepAxis();
        if (mode_ == Mode::Grid) spec.y = y_.sweepAxis();
      }
      if (mode_ == Mode::Curves && !racerTakes(spec.x, r)) continue;
      jobs_.push_back(std::make_unique<SweepJob>(spec, workerThreads()));
      jobRacers_.push_back(i);
    }
    theoryOverlay_.reset();
    if (mode_ == Mode::Grid && !jobs_.empty())
      theoryOverlay_ = bowlTheoryOverlay(jobs_.front()->spec());
    app.report(jobs_.empty() ? "no racer takes " + x_.sweepAxis().name() +
                                   (x_.scheduleParam ? " (give one a schedule that does)" : "")
                             : std::string("sweep started"),
               jobs_.empty());
  } catch (const InputError& e) {
    jobs_.clear();
    jobRacers_.clear();
    app.report(std::string("sweep not started: ") + e.what(), true);
  }
}

void SensitivityPanel::refreshTexture() {
  // Re-uploaded while cells stream in, and no more once the sweep is complete.
  if (jobs_.empty() || jobMode_ == Mode::Curves || textureComplete_) return;
  bool complete = jobs_.front()->finished();
  SweepPicture picture = sweepPicture(*jobs_.front());
  uploadPicture(texture_, picture.width, picture.height, picture.rgba.data());
  logGapMin_ = picture.logGapMin;
  logGapMax_ = picture.logGapMax;
  textureComplete_ = complete;
}

void SensitivityPanel::draw(AppState& app) {
  placeFloating(app, 0.02f, 0.08f, 0.6f, 0.9f);
  if (!app.showSensitivity) return;
  if (!beginWindow("Sensitivity", &app.showSensitivity, 0, false)) {
    ImGui::End();
    return;
  }
  int mode = static_cast<int>(mode_);
  ImGui::RadioButton("final gap vs one hyperparameter (all racers)", &mode, 0);
  ImGui::RadioButton("2-D grid (selected racer)", &mode, 1);
  sameLineIfFits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                 ImGui::CalcTextSize("basin map (selected racer)").x);
  ImGui::RadioButton("basin map (selected racer)", &mode, 2);
  mode_ = static_cast<Mode>(mode);
  if (mode_ == Mode::Basin) {
    ImGui::SliderInt("starts per axis", &basinCount_, 8, 256);
    ImGui::Checkbox("show over the canvas", &showBasin_);
  } else {
    axisEditor("x", x_, app.scenario.surface);
    if (mode_ == Mode::Grid) axisEditor("y", y_, app.scenario.surface);
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  ImGui::InputScalar("steps (0: budget)", ImGuiDataType_S64, &steps_);
  steps_ = std::clamp<long long>(steps_, 0, kMaxSteps);
  if (app.scenario.settings.noiseSigma > 0) {  // a noisy race: one seed shows that seed's luck
    const ImGuiStyle& style = ImGui::GetStyle();
    sameLineIfFits(ImGui::GetFontSize() * 6 + style.ItemInnerSpacing.x +
                   ImGui::CalcTextSize("seeds").x);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputInt("seeds", &seeds_);
    seeds_ = std::clamp(seeds_, 1, 99);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "Runs every cell for this many noise seeds (from the scenario's seed on):\n"
          "the curves show the median final gap and a band from the 10 %% to the 90 %% quantile.");
  }
  bool busy = running();
  if (!busy && ImGui::Button("Run sweep")) {
    start(app);
    busy = running();  // the new sweep's, not the last one's: it has not ended yet
  }
  if (busy && ImGui::Button("Cancel"))
    for (auto& j : jobs_) j->cancel();
  double progress = 0;
  for (const auto& j : jobs_) progress += j->progress() / jobs_.size();
  if (!busy && !jobs_.empty() && !finishReported_) {
    finishReported_ = true;
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    char text[96];
    std::snprintf(text, sizeof text, "sweep %s: %ld of %ld cells in %.1f s",
                  cellsDone() == cellsTotal() ? "finished" : "cancelled", cellsDone(), cellsTotal(),
                  seconds);
    app.report(text, false);
  }
  if (stale(app)) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram));
    ImGui::TextWrapped("These results are for %s, not the race shown now: run the sweep again.",
                       std::string(jobs_.front()->spec().surface.def().title).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::SameLine();
  ImGui::ProgressBar(static_cast<float>(progress), ImVec2(-1, 0));
  if (!jobs_.empty()) {
    refreshTexture();
    if (jobMode_ == Mode::Curves)
      drawCurves(app);
    else if (jobMode_ == Mode::Grid)
      drawGrid(app);
    else
      basinKey();
    exportResults(app);
  }
  ImGui::End();
}

void SensitivityPanel::exportResults(AppState& app) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s", exportBase_.c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (ImGui::InputText("##base", buf, sizeof buf)) exportBase_ = buf;
  ImGui::SameLine();
  if (ImGui::Button("Save figure (PNG) + CSV"))
    save(app, nextFreeBase(exportBase_, {".png", ".csv", "-1.csv"}));
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s-NNNN.png and .csv, numbered so nothing is overwritten",
                      exportBase_.c_str());
}

bool SensitivityPanel::save(AppState& app, const std::string& base) {
  try {
    std::string saved;
    std::vector<const SweepJob*> jobs;
    std::vector<RacerSpec> racers;
    for (std::size_t j = 0; j < jobs_.size(); ++j) {
      std::string name = base;
      if (jobs_.size() > 1) name.append("-").append(std::to_string(j + 1));
      {
        std::ofstream out(name + ".csv.partial");
        cli::writeSweepCsv(*jobs_[j], out);
        if (!out.flush()) throw InputError("cannot write " + name + ".csv");
      }
      std::rename((name + ".csv.partial").c_str(), (name + ".csv").c_str());
      if (!saved.empty()) saved += ", ";
      saved.append(name).append(".csv");
      jobs.push_back(jobs_[j].get());
      racers.push_back(app.scenario.racers[std::min<std::size_t>(jobRacers_[j],
                                                                 app.scenario.racers.size() - 1)]);
    }
    float scale = 2.0f * app.settings.uiScale;  // slide resolution
    writeSweepFigure(fonts_, jobs, racers, base + ".png", static_cast<int>(1000 * scale),
                     static_cast<int>(650 * scale), scale);
    saved.append(", ").append(base).append(".png");
    app.report("saved " + saved, false);
    return true;
  } catch (const std::exception& e) {
    app.report(std::string("sweep not saved: ") + e.what(), true);
    return false;
  }
}

bool SensitivityPanel::stale(const AppState& app) const {
  if (jobs_.empty()) return false;
  const SweepSpec& spec = jobs_.front()->spec();
  const Surface& now = app.scenario.surface;
  // A swept surface parameter may differ (clicking a cell sets it); the others may not.
  SurfaceParams ran = spec.surface.params(), shown = now.params();
  for (std::size_t i = 0; i < now.def().params.size(); ++i)
    for (const SweepAxis* a : {&spec.x, spec.y ? &*spec.y : nullptr})
      if (a && a->isSurfaceParam() && a->surfaceParam == now.def().params[i].name)
        ran[i] = shown[i];
  return spec.surface.name() != now.name() || ran != shown ||
         spec.surface.typedShared() != now.typedShared() ||
         spec.settings.noiseSigma != app.scenario.settings.noiseSigma ||
         spec.settings.seed != app.scenario.settings.seed;
}

}  // namespace optirace
