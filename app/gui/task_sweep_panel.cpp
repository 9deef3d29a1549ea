#include "task_sweep_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <regex>

#include "axis_ticks.h"
#include "draw_list_plot.h"
#include "fit_text.h"
#include "legend_place.h"
#include "network/task.h"
#include "number_format.h"
#include "panel_backdrop.h"
#include "panels.h"
#include "race_csv.h"
#include "race_words.h"
#include "window_picture.h"

namespace optirace {

namespace {
std::string taskTitle(const Scenario& s) {
  const TaskDef* task = s.task ? findTask(s.task->name) : nullptr;
  return task ? std::string(task->title) : std::string();
}

// A racer's label without its η ("Momentum η=0.1" → "Momentum"): η is the plot's x axis.
std::string sweptLabel(const std::string& label) {
  std::string out = std::regex_replace(label, std::regex(R"((, )?η=[^ ,]+)"), "");
  return out.empty() ? label : out;
}
}  // namespace

TaskSweepPanel::~TaskSweepPanel() {
  stop_ = true;
  if (future_.valid()) future_.wait();
}

void TaskSweepPanel::run(const AppState& app) {
  if (future_.valid() || !app.scenario.task) return;
  std::vector<double> lrs = logGrid(lo_, hi_, count_);
  sweptScenario_ = app.scenario;
  cellsDone_ = 0;
  stop_ = false;
  cellsTotal_ = 0;
  for (const RacerSpec& r : app.scenario.racers) cellsTotal_ += r.enabled ? count_ : 0;
  future_ = std::async(std::launch::async, [scenario = sweptScenario_, lrs, this] {
    return sweepTaskLearningRate(scenario, lrs, &cellsDone_, &stop_);
  });
}

void TaskSweepPanel::poll() {
  if (future_.valid() && future_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
    result_ = future_.get();
}

void TaskSweepPanel::finish() {
  if (future_.valid()) result_ = future_.get();
}

bool TaskSweepPanel::saveCsv(AppState& app) {
  if (!result_) return false;
  std::string temp = csvPath_ + ".partial";
  bool written = false;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << "racer,lr,final_loss\n";
    for (std::size_t r = 0; r < result_->labels.size(); ++r)
      for (std::size_t i = 0; i < result_->lrs.size(); ++i)
        out << csvField(result_->labels[r]) << ',' << formatNumber(result_->lrs[i]) << ','
            << formatNumber(result_->finalLoss[r][i]) << '\n';
    written = static_cast<bool>(out.flush());
  }
  if (!written || std::rename(temp.c_str(), csvPath_.c_str()) != 0) {
    std::remove(temp.c_str());
    app.report("sweep not saved: cannot write " + csvPath_, true);
    return false;
  }
  return true;
}

std::string TaskSweepPanel::pngPath() const {
  std::string base = csvPath_;
  if (base.size() > 4 && base.compare(base.size() - 4, 4, ".csv") == 0)
    base.resize(base.size() - 4);
  return base + ".png";
}

void TaskSweepPanel::save(AppState& app) {
  if (saveCsv(app)) picturePending_ = true;
}

void TaskSweepPanel::servicePicture(AppState& app, int windowW, int windowH) {
  if (!picturePending_) return;
  picturePending_ = false;
  try {
    writePng(windowParts(windowW, windowH, {plotRect_}, paperFor(app.settings.lightTheme)),
             pngPath());
    app.report("saved " + csvPath_ + " and " + pngPath(), false);
  } catch (const std::exception& e) {
    app.report("saved " + csvPath_ + "; the plot not saved: " + e.what(), true);
  }
}

void TaskSweepPanel::draw(AppState& app) {
  poll();
  if (!app.showSensitivity) return;
  placeFloating(app, 0.05f, 0.08f, 0.55f, 0.85f);
  if (!beginWindow("Learning-rate sensitivity", &app.showSensitivity, 0, false)) {
    ImGui::End();
    return;
  }
  textWrappedAtSpaces(
      "Exercise 27.4: each racer trained for the scenario's " + std::to_string(app.scenario.steps) +
      " epochs at every η of the grid, its other settings kept; the final loss (the last "
      "recorded, as the seed's table) against η. Which optimizer is most robust to η?");
  pushWidthBesideLabels({"η from", "to", "values"});
  ImGui::InputDouble("η from", &lo_, 0, 0, "%.3g");
  ImGui::InputDouble("to", &hi_, 0, 0, "%.3g");
  ImGui::InputInt("values", &count_);
  ImGui::PopItemWidth();
  std::string problem;
  if (!(lo_ > 0 && hi_ > lo_ && std::isfinite(hi_)))
    problem = "η must run from a value > 0 to a larger one";
  else if (count_ < 2 || count_ > 200)
    problem = "the grid takes 2 to 200 values";
  if (!problem.empty()) {
    ImGui::TextColored(ImVec4(0.95f, 0.4f, 0.3f, 1), "%s", problem.c_str());
  } else if (future_.valid()) {
    ImGui::Text("training %d of %d …", cellsDone_.load(), cellsTotal_);
    ImGui::SameLine();
    if (ImGui::Button("Stop")) stop_ = true;
  } else if (ImGui::Button("Run")) {
    run(app);
  }
  if (result_) {
    ImGui::SameLine();
    if (ImGui::Button("Save")) save(app);  // no tooltip: it would fall on the plot's PNG
    ImGui::SameLine();
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s", csvPath_.c_str());
    ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 4));
    if (ImGui::InputText("##sweepcsv", buf, sizeof buf)) csvPath_ = buf;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "Save writes the final losses here (racer,lr,final_loss) and the plot "
          "as PNG beside it");
    if (scenarioToJson(sweptScenario_) != scenarioToJson(app.scenario))
      ImGui::TextDisabled("(computed for the racers and task as they were: Run again)");
    plot(app);
  }
  ImGui::End();
}

void TaskSweepPanel::plot(const AppState& app) {
  const TaskLrSweep& s = *result_;
  ImVec2 origin = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
  float font = ImGui::GetFontSize(), line = ImGui::GetTextLineHeightWithSpacing();
  if (avail.x < font * 10 || avail.y < font * 8) return;
  ImGui::InvisibleButton("sweepplot", avail);
  plotRect_ = {origin.x, origin.y, avail.x, avail.y};
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  float left = ImGui::CalcTextSize("1e-10").x + font * 0.8f;
  // The figure's title, for the PNG: what is plotted, on what.
  std::string title = "Final loss after " + std::to_string(sweptScenario_.steps) +
                      " epochs against η, " + taskTitle(sweptScenario_) +
                      " (seed 003, Exercise 27.4)";
  draw->AddText(origin, ink, fitWithEllipsis(title, avail.x).c_str());
  ImVec2 p0(origin.x + left, origin.y + line * 1.4f);
  ImVec2 p1(origin.x + avail.x - font, origin.y + avail.y - line * 2.2f);
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& losses : s.finalLoss)
    for (double v : losses)
      if (std::isfinite(v) && v > 0)
        lo = std::min(lo, std::log10(v)), hi = std::max(hi, std::log10(v));
  if (!(lo <= hi)) lo = -3, hi = 0;
  lo = std::floor(std::max(lo, -16.0)), hi = std::ceil(hi);
  if (hi <= lo) hi = lo + 1;
  double xLo = std::log10(s.lrs.front()), xHi = std::log10(s.lrs.back());
  auto px = [&](double lr) {
    return p0.x + float((std::log10(lr) - xLo) / (xHi - xLo)) * (p1.x - p0.x);
  };
  auto py = [&](double v) {
    return p0.y + float((hi - std::log10(std::max(v, 1e-300))) / (hi - lo)) * (p1.y - p0.y);
  };
  draw->AddRect(p0, p1, faint);
  for (const Tick& t : decadeTicks(lo, hi, std::max(2, int((p1.y - p0.y) / (font * 1.6f))))) {
    float y = p0.y + float((hi - t.value) / (hi - lo)) * (p1.y - p0.y);
    draw->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), IM_COL32(128, 128, 128, 50));
    draw->AddText(
        ImVec2(p0.x - font * 0.3f - ImGui::CalcTextSize(t.label.c_str()).x, y - font * 0.5f), ink,
        t.label.c_str());
  }
  for (const Tick& t : decadeTicks(xLo, xHi, std::max(2, int((p1.x - p0.x) / (font * 4))))) {
    float x = p0.x + float((t.value - xLo) / (xHi - xLo)) * (p1.x - p0.x);
    draw->AddLine(ImVec2(x, p1.y), ImVec2(x, p1.y + font * 0.3f), ink);
    float w = ImGui::CalcTextSize(t.label.c_str()).x;
    draw->AddText(ImVec2(labelLeft(x, w, origin.x, p1.x), p1.y + font * 0.3f), ink,
                  t.label.c_str());
  }
  const char* xLabel = "η (log)        final loss (log) ↑";
  draw->AddText(ImVec2(p1.x - ImGui::CalcTextSize(xLabel).x, p1.y + line), faint, xLabel);
  float width = std::max(2.0f, font * 0.14f);
  for (std::size_t r = 0; r < s.finalLoss.size(); ++r) {
    std::vector<ImVec2> run;
    auto flush = [&] {
      if (run.size() > 1)
        draw->AddPolyline(run.data(), int(run.size()), rgbColour(s.colours[r]), 0, width);
      run.clear();
    };
    for (std::size_t i = 0; i < s.lrs.size(); ++i) {
      double v = s.finalLoss[r][i];
      float x = px(s.lrs[i]);
      if (!std::isfinite(v)) {  // diverged: a cross on the top edge
        flush();
        float c = font * 0.3f;
        draw->AddLine(ImVec2(x - c, p0.y - c + font * 0.3f), ImVec2(x + c, p0.y + c + font * 0.3f),
                      rgbColour(s.colours[r]), width);
        draw->AddLine(ImVec2(x - c, p0.y + c + font * 0.3f), ImVec2(x + c, p0.y - c + font * 0.3f),
                      rgbColour(s.colours[r]), width);
        continue;
      }
      ImVec2 p(x, py(v));
      run.push_back(p);
      draw->AddCircleFilled(p, width * 1.8f, rgbColour(s.colours[r]));
    }
    flush();
  }
  // The legend in the corner that hides the fewest points, and a read-out under the mouse.
  float legendW = 0, legendH = s.labels.size() * font * 1.15f + font * 0.4f;
  for (const std::string& label : s.labels)
    legendW = std::max(legendW, ImGui::CalcTextSize(sweptLabel(label).c_str()).x + font * 2);
  std::vector<PointF> points;  // the plotted cells, for the legend to hide as few as it can
  for (std::size_t r = 0; r < s.finalLoss.size(); ++r)
    for (std::size_t i = 0; i < s.lrs.size(); ++i)
      if (std::isfinite(s.finalLoss[r][i])) points.push_back({px(s.lrs[i]), py(s.finalLoss[r][i])});
  RectPx area{p0.x, p0.y, p1.x - p0.x, p1.y - p0.y};
  // A legend too large for its corner (legend_place.h) still goes top left: the lines need it.
  PointF corner =
      legendCorner(area, legendW, legendH, 2, points).value_or(PointF{p0.x + 2, p0.y + 2});
  ImVec2 at(corner.x, corner.y);
  draw->AddRectFilled(at, ImVec2(at.x + legendW, at.y + legendH),
                      ImGui::GetColorU32(ImGuiCol_WindowBg, 0.85f));
  float y = at.y + font * 0.2f;
  for (std::size_t r = 0; r < s.labels.size(); ++r) {
    draw->AddLine(ImVec2(at.x + font * 0.3f, y + font * 0.55f),
                  ImVec2(at.x + font * 1.1f, y + font * 0.55f), rgbColour(s.colours[r]), width);
    draw->AddText(ImVec2(at.x + font * 1.4f, y), ink, sweptLabel(s.labels[r]).c_str());
    y += font * 1.15f;
  }
  if (ImGui::IsItemHovered()) {
    float mx = ImGui::GetIO().MousePos.x;
    std::size_t nearest = 0;
    for (std::size_t i = 1; i < s.lrs.size(); ++i)
      if (std::abs(px(s.lrs[i]) - mx) < std::abs(px(s.lrs[nearest]) - mx)) nearest = i;
    ImGui::BeginTooltip();
    ImGui::Text("η = %.4g", s.lrs[nearest]);
    for (std::size_t r = 0; r < s.labels.size(); ++r) {
      double v = s.finalLoss[r][nearest];
      if (std::isfinite(v))
        ImGui::Text("%s: final loss %.6f", sweptLabel(s.labels[r]).c_str(), v);
      else
        ImGui::Text("%s: diverged", sweptLabel(s.labels[r]).c_str());
    }
    ImGui::EndTooltip();
  }
  (void)app;
}

}  // namespace optirace
