#include "task_controls.h"

#include <imgui.h>

#include <cmath>
#include <string>

#include "fit_text.h"
#include "network/task.h"
#include "race_words.h"
#include "value_widget.h"

namespace optirace {

namespace {
// The seed's epochs for each task (§27.5 trains XOR 3000 epochs, the circle 2000) and its
// "epochs to loss < 0.01".
long seedEpochs(const TaskDef& task) {
  return task.name == "xor" ? 3000 : 2000;
}
constexpr double kSeedLossThreshold = 0.01;
}  // namespace

bool taskEntries(AppState& app) {
  bool changed = false;
  ImGui::Separator();
  ImGui::TextDisabled("Networks (seed 003 §27.5)");
  for (const TaskDef* task : allTasks()) {
    bool selected = app.scenario.task && app.scenario.task->name == task->name;
    std::string label = "Task: " + std::string(task->title) + " (2-8-1 network)";
    if (ImGui::Selectable(label.c_str(), selected) && !selected) {
      app.scenario.task = TaskSetup{.name = std::string(task->name)};
      app.scenario.steps = seedEpochs(*task);
      app.scenario.settings.threshold = kSeedLossThreshold;
      app.scenario.settings.noiseSigma = 0;  // a task's noise is its mini-batches
      app.playing = false;
      changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(task->description).c_str());
  }
  return changed;
}

void leaveTask(AppState& app) {
  if (!app.scenario.task) return;
  app.scenario.task.reset();
  app.scenario.steps = std::min(app.scenario.steps, 1000L);
  app.scenario.settings.threshold = 1e-6;
  app.playing = false;
}

bool taskSettings(AppState& app) {
  TaskSetup& setup = *app.scenario.task;
  const TaskDef* task = findTask(setup.name);
  if (!task) return false;
  textWrappedAtSpaces(std::string(task->description));
  bool changed = false;
  int samples = task->data.samples;
  auto batchProblem = [samples](double v) -> std::optional<std::string> {
    if (v >= 0 && v <= samples && v == std::floor(v)) return std::nullopt;
    return "the batch size must be a whole number from 1 to " + std::to_string(samples) +
           ", or 0 for the whole data set (typed " + shortNumber(v) + ")";
  };
  if (auto v = valueWidget(app, "Batch size", setup.batchSize, {0, double(samples), false, true},
                           batchProblem)) {
    setup.batchSize = static_cast<int>(*v);
    changed = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "samples per step; 0: the whole data set (the seed's full-batch training). Smaller "
        "batches take ⌈m/B⌉ steps an epoch over a fresh shuffle: SGD's noise from the data");
  if (setup.batchSize > 0 && setup.batchSize < samples) {
    ImU64 seed = setup.seed;
    if (ImGui::InputScalar("Shuffle seed", ImGuiDataType_U64, &seed)) {
      setup.seed = seed;
      changed = true;
    }
  }
  RaceSettings& s = app.scenario.settings;
  auto positive = [](double v) -> std::optional<std::string> {
    if (v > 0) return std::nullopt;
    return "the loss threshold must be > 0 (typed " + shortNumber(v) + ")";
  };
  if (auto v = valueWidget(app, "Threshold", s.threshold, {1e-8, 1.0, true}, positive)) {
    s.threshold = *v;
    changed = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("a racer has trained once its loss falls below this (the seed: 0.01)");
  auto wholeEpochs = [](double v) -> std::optional<std::string> {
    if (v >= 1 && v <= double(kMaxWindowEpochs) && v == std::floor(v)) return std::nullopt;
    return "the window trains 1 to " + std::to_string(kMaxWindowEpochs) + " epochs (typed " +
           shortNumber(v) + "); `optirace train` takes any number";
  };
  if (auto v = valueWidget(app, "Epochs", double(app.scenario.steps),
                           {1.0, double(kMaxWindowEpochs), true, true}, wholeEpochs)) {
    app.scenario.steps = static_cast<long>(std::llround(*v));
    changed = true;
  }
  return changed;
}

}  // namespace optirace
