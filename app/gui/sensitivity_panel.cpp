#include "sensitivity_panel.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <thread>

#include "cli/sweep_output.h"
#include "export_actions.h"
#include "fit_text.h"
#include "panel_backdrop.h"
#include "panels.h"
#include "race_words.h"
#include "sweep_figure.h"

namespace optirace {

namespace {
constexpr HyperId kSweepable[] = {HyperId::Lr,  HyperId::Beta1,       HyperId::Beta2,
                                  HyperId::Eps, HyperId::WeightDecay, HyperId::Dampening};
constexpr const char* kSweepableNames[] = {"η  lr",  "β₁  beta1",       "β₂  beta2",
                                           "ε  eps", "λ  weight_decay", "d  dampening"};

// One core is left to the window, so the UI keeps its frame rate while a sweep runs.
int workerThreads() {
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency() - 1));
}

SweepAxis toSweepAxis(int quantity, double lo, double hi, bool logarithmic, int count) {
  SweepAxis a;
  a.hyper = kSweepable[quantity];
  a.lo = lo;
  a.hi = hi;
  a.logarithmic = logarithmic;
  a.count = count;
  return a;
}

// The basin map over the canvas: opaque enough that its colours read as the key's, while the
// contours and paths still show through.
constexpr float kBasinOpacity = 0.8f;

ImU32 rgbU32(std::uint32_t rgb, float alpha = 1.0f) {
  return IM_COL32((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, static_cast<int>(alpha * 255));
}

// Position of v along an axis in [0, 1].
double axisFraction(const SweepAxis& a, double v) {
  if (a.logarithmic) return (std::log(v) - std::log(a.lo)) / (std::log(a.hi) - std::log(a.lo));
  return (v - a.lo) / (a.hi - a.lo);
}
}  // namespace

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

void SensitivityPanel::axisEditor(const char* id, Axis& axis) {
  ImGui::PushID(id);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::Combo("##q", &axis.quantity, kSweepableNames, IM_ARRAYSIZE(kSweepableNames))) {
    HyperId h = kSweepable[axis.quantity];
    axis.logarithmic = h == HyperId::Lr || h == HyperId::Eps;
    axis.lo = h == HyperId::Lr ? 1e-4 : h == HyperId::Eps ? 1e-12 : 0.0;
    axis.hi = h == HyperId::Lr            ? 1.0
              : h == HyperId::Eps         ? 1e-2
              : h == HyperId::WeightDecay ? 1.0
                                          : 0.999;
  }
  ImGui::SameLine();
  double range[2] = {axis.lo, axis.hi};
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (ImGui::InputScalarN("##range", ImGuiDataType_Double, range, 2, nullptr, nullptr, "%.3g"))
    axis.lo = range[0], axis.hi = range[1];
  ImGui::SameLine();
  ImGui::Checkbox("log", &axis.logarithmic);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::SliderInt("cells", &axis.count, 4, 256);
  ImGui::PopID();
}

void SensitivityPanel::start(AppState& app) {
  textureComplete_ = false;
  finishReported_ = false;
  started_ = std::chrono::steady_clock::now();
  jobs_.clear();
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
      spec.start = r.start;
      spec.steps = steps;
      spec.settings = app.scenario.settings;
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
        spec.x = toSweepAxis(x_.quantity, x_.lo, x_.hi, x_.logarithmic, x_.count);
        if (mode_ == Mode::Grid)
          spec.y = toSweepAxis(y_.quantity, y_.lo, y_.hi, y_.logarithmic, y_.count);
      }
      if (mode_ == Mode::Curves && !findOptimizer(r.optimizer)->usesHyper(spec.x.hyper)) continue;
      jobs_.push_back(std::make_unique<SweepJob>(spec, workerThreads()));
      jobRacers_.push_back(i);
    }
    app.report(jobs_.empty() ? "no racer uses that hyperparameter" : "sweep started",
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
  cli::SweepPicture picture = cli::sweepPicture(*jobs_.front());
  if (!texture_) texture_ = makeTexture();
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, picture.width, picture.height, 0, GL_RGBA,
               GL_UNSIGNED_BYTE, picture.rgba.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
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
  ImGui::SameLine();
  ImGui::RadioButton("basin map (selected racer)", &mode, 2);
  mode_ = static_cast<Mode>(mode);
  if (mode_ == Mode::Basin) {
    ImGui::SliderInt("starts per axis", &basinCount_, 8, 256);
    ImGui::Checkbox("show over the canvas", &showBasin_);
  } else {
    axisEditor("x", x_);
    if (mode_ == Mode::Grid) axisEditor("y", y_);
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  ImGui::InputScalar("steps (0: budget)", ImGuiDataType_S64, &steps_);
  steps_ = std::clamp<long long>(steps_, 0, kMaxSteps);
  bool busy = running();
  if (!busy && ImGui::Button("Run sweep")) start(app);
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

// What the basin map's colours mean: the colour of each minimizer's basin (as drawn over the
// canvas, at the overlay's opacity), none reached, diverged; darker is slower.
void SensitivityPanel::basinKey() {
  const SweepSpec& spec = jobs_.front()->spec();
  std::vector<Vec2> minimizers = spec.surface.minimizers();
  float sw = ImGui::GetTextLineHeight();
  auto swatch = [&](std::uint32_t rgb, const std::string& text) {
    sameLineIfFits(sw + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(text.c_str()).x);
    ImGui::ColorButton(text.c_str(), ImGui::ColorConvertU32ToFloat4(rgbU32(rgb, kBasinOpacity)),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_AlphaPreview,
                       ImVec2(sw, sw));
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(text.c_str());
  };
  ImGui::TextUnformatted("Basins: the minimizer each start reached (gold stars on the canvas)");
  for (std::size_t m = 0; m < minimizers.size(); ++m)
    swatch(paletteColor(m), std::string("(")
                                .append(shortNumber(minimizers[m].x))
                                .append(", ")
                                .append(shortNumber(minimizers[m].y))
                                .append(")"));
  swatch(0x969696, "none reached");
  swatch(0x8C0000, "diverged");
  ImGui::TextDisabled("darker: more steps to the threshold");
  ImGui::TextDisabled("screenshots show the race; \"Save figure\" exports the basin map itself");
}

void SensitivityPanel::drawCurves(AppState& app) {
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.y -= ImGui::GetFrameHeightWithSpacing() * 1.2f;
  if (size.x < 100 || size.y < 80) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float left = ImGui::GetFontSize() * 4, bottom = ImGui::GetFontSize() * 2.8f;
  ImVec2 a(origin.x + left, origin.y + 4), b(origin.x + size.x - 8, origin.y + size.y - bottom);
  draw->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg));
  const SweepAxis& ax = jobs_.front()->spec().x;
  // The y range: log10 of the final gaps that did not diverge, over all curves.
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& j : jobs_)
    for (int i = 0; i < ax.count; ++i)
      if (j->cellDone(i, 0) && j->cell(i, 0).divergedStep < 0) {
        double v = std::log10(std::max(j->cell(i, 0).finalGap, 1e-300));
        lo = std::min(lo, v), hi = std::max(hi, v);
      }
  if (!(hi > lo)) lo = -1, hi = 1;
  lo = std::floor(lo), hi = std::ceil(hi);
  auto toScreen = [&](double f, double logGap) {
    return ImVec2(static_cast<float>(a.x + f * (b.x - a.x)),
                  static_cast<float>(b.y - (logGap - lo) / (hi - lo) * (b.y - a.y)));
  };
  ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), grid = ImGui::GetColorU32(ImGuiCol_Border);
  for (const Tick& k : decadeTicks(lo, hi, 8)) {  // "1e-3", "1", "10": as on the loss plot
    ImVec2 p = toScreen(0, k.value);
    draw->AddLine(p, ImVec2(b.x, p.y), grid);
    float w = ImGui::CalcTextSize(k.label.c_str()).x;
    draw->AddText(ImVec2(a.x - 6 - w, p.y - ImGui::GetFontSize() * 0.5f), ink, k.label.c_str());
  }
  for (const Tick& k : sweepAxisTicks(
           ax, std::max(2, static_cast<int>((b.x - a.x) / (6 * ImGui::GetFontSize()))))) {
    ImVec2 p = toScreen(axisFraction(ax, k.value), lo);
    draw->AddLine(p, ImVec2(p.x, p.y + 4), ink);
    draw->AddText(ImVec2(p.x - ImGui::CalcTextSize(k.label.c_str()).x * 0.5f, b.y + 4), ink,
                  k.label.c_str());
  }
  // Axis titles: what was swept (and how), and what is plotted.
  std::string xTitle = ax.name();
  if (ax.logarithmic) xTitle.append("  (log scale)");
  draw->AddText(ImVec2(0.5f * (a.x + b.x) - ImGui::CalcTextSize(xTitle.c_str()).x * 0.5f,
                       b.y + 4 + ImGui::GetTextLineHeightWithSpacing()),
                ink, xTitle.c_str());
  draw->AddText(ImVec2(a.x + 4, a.y + 2), ink, "final f − f*");
  for (std::size_t j = 0; j < jobs_.size(); ++j) {
    const RacerSpec& r =
        app.scenario.racers[std::min<std::size_t>(jobRacers_[j], app.scenario.racers.size() - 1)];
    ImU32 colour = rgbU32(r.colorRgb);
    std::vector<ImVec2> line;
    for (int i = 0; i < ax.count; ++i) {
      if (!jobs_[j]->cellDone(i, 0)) continue;
      const SweepCell& c = jobs_[j]->cell(i, 0);
      double f = ax.count > 1 ? static_cast<double>(i) / (ax.count - 1) : 0.5;
      if (c.divergedStep >= 0) {  // diverged: a cross along the top edge
        ImVec2 p = toScreen(f, hi);
        draw->AddLine(ImVec2(p.x - 4, p.y + 1), ImVec2(p.x + 4, p.y + 9), colour, 2);
        draw->AddLine(ImVec2(p.x - 4, p.y + 9), ImVec2(p.x + 4, p.y + 1), colour, 2);
        if (line.size() > 1)
          draw->AddPolyline(line.data(), static_cast<int>(line.size()), colour, 0, 2.5f);
        line.clear();
        continue;
      }
      line.push_back(toScreen(f, std::log10(std::max(c.finalGap, 1e-300))));
    }
    if (line.size() > 1)
      draw->AddPolyline(line.data(), static_cast<int>(line.size()), colour, 0, 2.5f);
    // The racer's current setting as a dashed vertical line.
    double now = r.hyper.get(ax.hyper);
    if (now >= ax.lo && now <= ax.hi) {
      float x = toScreen(axisFraction(ax, now), lo).x;
      for (float y = a.y; y < b.y; y += 8)
        draw->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, b.y)), colour, 1.5f);
    }
  }
  // Legend, top right inside the plot: each racer with the settings that stayed fixed.
  const SweepSpec& spec = jobs_.front()->spec();
  std::vector<std::string> labels;
  float labelW = 0, row = ImGui::GetTextLineHeightWithSpacing();
  for (std::size_t j = 0; j < jobs_.size(); ++j) {
    labels.push_back(fixedSettingsLabel(
        app.scenario.racers[std::min<std::size_t>(jobRacers_[j], app.scenario.racers.size() - 1)],
        spec));
    labelW = std::max(labelW, ImGui::CalcTextSize(labels.back().c_str()).x);
  }
  float swatch = ImGui::GetFontSize() * 1.5f, pad = 6;
  ImVec2 box(b.x - labelW - swatch - 3 * pad, a.y + pad);
  if (box.x > a.x + left) {
    draw->AddRectFilled(box, ImVec2(b.x - pad, box.y + row * labels.size() + pad),
                        ImGui::GetColorU32(ImGuiCol_WindowBg));
    for (std::size_t j = 0; j < labels.size(); ++j) {
      float y = box.y + pad * 0.5f + row * j;
      ImU32 colour = rgbU32(
          app.scenario.racers[std::min<std::size_t>(jobRacers_[j], app.scenario.racers.size() - 1)]
              .colorRgb);
      draw->AddLine(ImVec2(box.x + pad, y + row * 0.5f),
                    ImVec2(box.x + pad + swatch, y + row * 0.5f), colour, 3);
      draw->AddText(ImVec2(box.x + 2 * pad + swatch, y), ink, labels[j].c_str());
    }
  }
  ImGui::InvisibleButton("curves", ImVec2(size.x, size.y));
  ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsItemHovered() && io.MousePos.x >= a.x && io.MousePos.x <= b.x) {
    double f = (io.MousePos.x - a.x) / (b.x - a.x);
    int i = static_cast<int>(std::lround(f * (ax.count - 1)));
    ImGui::BeginTooltip();
    ImGui::Text("%s = %.4g   (click: apply to the selected racer)", ax.name().c_str(),
                ax.valueAt(i));
    for (std::size_t j = 0; j < jobs_.size(); ++j)
      if (jobs_[j]->cellDone(i, 0)) {
        const SweepCell& c = jobs_[j]->cell(i, 0);
        const RacerSpec& r =
            app.scenario
                .racers[std::min<std::size_t>(jobRacers_[j], app.scenario.racers.size() - 1)];
        if (c.divergedStep >= 0)
          ImGui::Text("%s: diverged at %ld", r.label.c_str(), c.divergedStep);
        else
          ImGui::Text("%s: final f − f* = %.3e", r.label.c_str(), c.finalGap);
      }
    ImGui::EndTooltip();
    if (ImGui::IsItemClicked() && !app.scenario.racers.empty()) {
      RacerSpec& r = app.scenario.racers[app.selectedRacer];
      if (findOptimizer(r.optimizer)->usesHyper(ax.hyper)) {
        r.hyper.set(ax.hyper, ax.valueAt(i));
        app.edited();
        app.playing = true;
      }
    }
  }
}

void SensitivityPanel::drawGrid(AppState& app) {
  const SweepSpec& spec = jobs_.front()->spec();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float labelRoom = ImGui::GetFontSize() * 4;  // the y ticks' labels, left of the grid
  float side = std::min(avail.x - labelRoom - ImGui::GetFontSize() * 5,
                        avail.y - ImGui::GetFrameHeightWithSpacing() * 3.5f);
  if (side < 64 || !texture_) return;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + labelRoom);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture_.id())),
               ImVec2(side, side));
  bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Colour bar beside the grid.
  float barX = origin.x + side + 8, barW = ImGui::GetFontSize();
  for (int k = 0; k < 64; ++k) {
    std::vector<std::uint8_t> c = cli::viridisRgb(1.0 - k / 63.0);
    draw->AddRectFilled(ImVec2(barX, origin.y + side * k / 64),
                        ImVec2(barX + barW, origin.y + side * (k + 1) / 64),
                        IM_COL32(c[0], c[1], c[2], 255));
  }
  // The colour bar's decades, and the grid's ticks on both axes.
  ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
  float font = ImGui::GetFontSize();
  double span = std::max(logGapMax_ - logGapMin_, 1e-12);
  for (const Tick& k :
       decadeTicks(logGapMin_, logGapMax_, std::max(2, static_cast<int>(side / (2 * font))))) {
    float y = origin.y + side - static_cast<float>((k.value - logGapMin_) / span) * side;
    draw->AddLine(ImVec2(barX + barW, y), ImVec2(barX + barW + 4, y), ink);
    draw->AddText(ImVec2(barX + barW + 6, y - 0.5f * font), ink, k.label.c_str());
  }
  for (const Tick& k : sweepAxisTicks(spec.x, std::max(2, static_cast<int>(side / (5 * font))))) {
    float x = origin.x + static_cast<float>(axisFraction(spec.x, k.value)) * side;
    draw->AddLine(ImVec2(x, origin.y + side), ImVec2(x, origin.y + side + 4), ink);
    draw->AddText(ImVec2(x - 0.5f * ImGui::CalcTextSize(k.label.c_str()).x, origin.y + side + 4),
                  ink, k.label.c_str());
  }
  for (const Tick& k : sweepAxisTicks(*spec.y, std::max(2, static_cast<int>(side / (2 * font))))) {
    float y = origin.y + side - static_cast<float>(axisFraction(*spec.y, k.value)) * side;
    draw->AddLine(ImVec2(origin.x - 4, y), ImVec2(origin.x, y), ink);
    draw->AddText(ImVec2(origin.x - 6 - ImGui::CalcTextSize(k.label.c_str()).x, y - 0.5f * font),
                  ink, k.label.c_str());
  }
  // The selected racer's current setting as a cross-hair.
  if (!app.scenario.racers.empty()) {
    const RacerSpec& r = app.scenario.racers[app.selectedRacer];
    double fx = axisFraction(spec.x, r.hyper.get(spec.x.hyper)),
           fy = axisFraction(*spec.y, r.hyper.get(spec.y->hyper));
    if (fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1) {
      ImVec2 c(origin.x + static_cast<float>(fx) * side,
               origin.y + static_cast<float>(1 - fy) * side);
      draw->AddLine(ImVec2(c.x - 10, c.y), ImVec2(c.x + 10, c.y), IM_COL32(255, 255, 255, 255), 2);
      draw->AddLine(ImVec2(c.x, c.y - 10), ImVec2(c.x, c.y + 10), IM_COL32(255, 255, 255, 255), 2);
    }
  }
  ImGui::Dummy(ImVec2(0, font * 1.2f));  // room for the x ticks
  ImGui::TextDisabled("x: %s (%s)   y: %s (%s)   dark red: diverged", spec.x.name().c_str(),
                      spec.x.logarithmic ? "log" : "lin", spec.y->name().c_str(),
                      spec.y->logarithmic ? "log" : "lin");
  if (!hovered) return;
  ImGuiIO& io = ImGui::GetIO();
  int ix = std::clamp(static_cast<int>((io.MousePos.x - origin.x) / side * spec.x.count), 0,
                      spec.x.count - 1);
  int iy = std::clamp(static_cast<int>((1 - (io.MousePos.y - origin.y) / side) * spec.y->count), 0,
                      spec.y->count - 1);
  if (!jobs_.front()->cellDone(ix, iy)) return;
  const SweepCell& c = jobs_.front()->cell(ix, iy);
  ImGui::BeginTooltip();
  ImGui::Text("%s = %.4g, %s = %.4g", spec.x.name().c_str(), spec.x.valueAt(ix),
              spec.y->name().c_str(), spec.y->valueAt(iy));
  if (c.divergedStep >= 0)
    ImGui::Text("diverged at step %ld", c.divergedStep);
  else if (c.stepsToThreshold >= 0)
    ImGui::Text("final f − f* = %.3e, below the threshold from step %ld", c.finalGap,
                c.stepsToThreshold);
  else
    ImGui::Text("final f − f* = %.3e, never below the threshold", c.finalGap);
  ImGui::TextDisabled("click: apply to the racer and replay");
  ImGui::EndTooltip();
  if (clicked && app.selectedRacer < static_cast<int>(app.scenario.racers.size())) {
    RacerSpec& r = app.scenario.racers[app.selectedRacer];
    r.hyper.set(spec.x.hyper, spec.x.valueAt(ix));
    r.hyper.set(spec.y->hyper, spec.y->valueAt(iy));
    app.edited();
    app.playing = true;
  }
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
  return spec.surface.name() != now.name() || spec.surface.params() != now.params() ||
         spec.settings.noiseSigma != app.scenario.settings.noiseSigma ||
         spec.settings.seed != app.scenario.settings.seed;
}

void SensitivityPanel::drawBasinOverlay(const AppState& app,
                                        const std::optional<RectPx>& keepClear) {
  // A basin map belongs to the surface it was run on: over any other it would show basins
  // that are not there.
  if (!showBasin_ || jobs_.empty() || jobMode_ != Mode::Basin || !texture_ || !app.canvasVisible ||
      stale(app))
    return;
  const SweepSpec& spec = jobs_.front()->spec();
  const CanvasTransform& t = app.canvasView;
  if (t.area.w <= 0) return;
  // The grid's cells are centred on its sample points: extend by half a cell on each side.
  double hx = (spec.x.hi - spec.x.lo) / std::max(spec.x.count - 1, 1) / 2,
         hy = (spec.y->hi - spec.y->lo) / std::max(spec.y->count - 1, 1) / 2;
  PointF p0 = t.toPixel({spec.x.lo - hx, spec.y->hi + hy}),
         p1 = t.toPixel({spec.x.hi + hx, spec.y->lo - hy});
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  // Over the canvas but not over its legend: the area cut into the bands around the legend.
  ImVec2 lo(t.area.x, t.area.y), hi(t.area.x + t.area.w, t.area.y + t.area.h);
  std::vector<std::pair<ImVec2, ImVec2>> pieces;
  if (keepClear) {
    const RectPx& k = *keepClear;
    float kx0 = std::clamp(k.x, lo.x, hi.x), kx1 = std::clamp(k.x + k.w, lo.x, hi.x);
    float ky0 = std::clamp(k.y, lo.y, hi.y), ky1 = std::clamp(k.y + k.h, lo.y, hi.y);
    pieces = {{lo, ImVec2(hi.x, ky0)},
              {ImVec2(lo.x, ky1), hi},
              {ImVec2(lo.x, ky0), ImVec2(kx0, ky1)},
              {ImVec2(kx1, ky0), ImVec2(hi.x, ky1)}};
  } else {
    pieces = {{lo, hi}};
  }
  for (const auto& [min, max] : pieces) {
    if (max.x <= min.x || max.y <= min.y) continue;
    draw->PushClipRect(min, max, true);
    draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture_.id())),
                   ImVec2(p0.x, p0.y), ImVec2(p1.x, p1.y), ImVec2(0, 0), ImVec2(1, 1),
                   IM_COL32(255, 255, 255, static_cast<int>(kBasinOpacity * 255)));
    draw->PopClipRect();
  }
}

}  // namespace optirace
