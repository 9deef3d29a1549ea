#include "task_views.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "fit_text.h"
#include "panels.h"
#include "task_view_painter.h"
#include "view_window.h"

namespace optirace {

namespace {
constexpr int kBoundaryCells = 96;  // the decision boundary's picture, per side
constexpr int kSliceCells = 128;    // the slice's losses, per side
}  // namespace

void TaskViews::refresh(const AppState& app) {
  const TaskRace& race = *app.taskRace;
  if (networkTask_ != &race.task()) {
    network_ = std::make_unique<DenseNetwork>(race.task().shape, race.task().data);
    networkTask_ = &race.task();
  }
  const bool dragging = ImGui::IsAnyItemActive();
  // While a slider is dragged the race changes every frame: the paths follow on the plane and
  // landscape last computed, which are computed again (~0.1 s) once the slider is let go.
  if (sliceVersion_ != app.taskRaceVersion && dragging && sliceVersion_ >= 0 &&
      sliceChoice_ == choice_ && slice_.plane.origin == race.task().initialParams) {
    slice_.paths = projectedPaths(race, slice_.plane);
    sliceVersion_ = app.taskRaceVersion;
    slicePending_ = true;
  }
  if (sliceVersion_ != app.taskRaceVersion || !(sliceChoice_ == choice_) ||
      (slicePending_ && !dragging)) {
    slicePending_ = false;
    slice_ = computeSliceView(race, choice_, kSliceCells);
    TaskPicture picture = slicePicture(slice_.losses, slice_.columns, slice_.rows, slice_.levels);
    uploadPicture(sliceTexture_, picture.width, picture.height, picture.rgba.data());
    useLinearSampling(sliceTexture_.id());
    sliceVersion_ = app.taskRaceVersion;
    sliceChoice_ = choice_;
  }
  if (colourBarTexture_.id() == 0) {
    uploadPicture(colourBarTexture_, 1, kColourBarBands, colourBarColumn().data());
    useLinearSampling(colourBarTexture_.id());
  }
  if (boundaryVersion_ != app.taskRaceVersion || boundaryEpoch_ != race.shown()) {
    boundaries_.resize(race.racers().size());
    for (std::size_t i = 0; i < boundaries_.size(); ++i) {
      TaskPicture p = decisionPicture(*network_, race.weightsAt(static_cast<int>(i), race.shown()),
                                      race.task().inputView, kBoundaryCells, kBoundaryCells);
      uploadPicture(boundaries_[i], p.width, p.height, p.rgba.data());
      useLinearSampling(boundaries_[i].id());
    }
    boundaryVersion_ = app.taskRaceVersion;
    boundaryEpoch_ = race.shown();
  }
}

void TaskViews::toolbar(AppState& app) {
  auto tip = [](const char* text) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
  };
  playbackButtons(app);
  speedSlider(app);
  sameLineIfFits(buttonWidth("Sweep η…"));
  if (ImGui::Button("Sweep η…")) app.showSensitivity = true;
  tip("Exercise 27.4: each racer's final loss against η (F2)");
  static const char* kinds[] = {"Principal components", "Random (filter-normalised)",
                                "Two weights"};
  float sliceWidth = ImGui::GetFontSize() * 11;
  sameLineIfFits(sliceWidth + ImGui::CalcTextSize("Slice").x);
  ImGui::SetNextItemWidth(sliceWidth);
  int kind = static_cast<int>(choice_.kind);
  if (ImGui::Combo("Slice", &kind, kinds, 3)) choice_.kind = static_cast<SliceKind>(kind);
  tip("the plane through the shared initialisation the landscape is drawn on: the first two "
      "principal components of the racers' weight trajectories (the usual choice), two random "
      "filter-normalised directions, or two of the network's weights");
  if (choice_.kind == SliceKind::RandomFilterNormalised) {
    sameLineIfFits(buttonWidth("New directions"));
    if (ImGui::Button("New directions")) ++choice_.randomSeed;
    tip("draw two other random directions");
  }
  if (choice_.kind == SliceKind::NamedWeights && app.taskRace) {
    const NetworkShape& shape = app.taskRace->task().shape;
    int count = shape.parameterCount();
    float comboWidth = ImGui::GetFontSize() * 5.5f;
    for (int* index : {&choice_.firstWeight, &choice_.secondWeight}) {
      *index = std::clamp(*index, 0, count - 1);
      sameLineIfFits(comboWidth);
      ImGui::SetNextItemWidth(comboWidth);
      ImGui::PushID(index);
      if (ImGui::BeginCombo("##weight", parameterName(shape, *index).c_str())) {
        for (int i = 0; i < count; ++i) {
          int other = index == &choice_.firstWeight ? choice_.secondWeight : choice_.firstWeight;
          if (i == other) continue;  // two different weights span a plane
          if (ImGui::Selectable(parameterName(shape, i).c_str(), i == *index)) *index = i;
        }
        ImGui::EndCombo();
      }
      ImGui::PopID();
      tip(index == &choice_.firstWeight ? "the slice's horizontal axis: this weight"
                                        : "the slice's vertical axis: this weight");
    }
  }
}

void TaskViews::drawCanvas(AppState& app, FontCache& fonts) {
  app.canvasVisible = false;
  if (!beginViewWindow(app, Panel::Race)) return;
  app.canvasVisible = !ImGui::IsWindowCollapsed();
  if (!app.presenting) toolbar(app);
  float timelineRoom = ImGui::GetFrameHeightWithSpacing();
  float keep = std::max(180.0f, 0.3f * ImGui::GetIO().DisplaySize.y) + 1.5f * ImGui::GetFontSize();
  bool showTimeline = !app.presenting && ImGui::GetContentRegionAvail().y - timelineRoom >= keep;
  app.canvasRect = claimViewArea("canvas", showTimeline ? timelineRoom : 0.0f);
  if (app.taskRace && app.canvasVisible) {
    refresh(app);
    drawViews(app, fonts, app.canvasRect);
  }
  if (showTimeline) drawTimeline(app);
  ImGui::End();
}

}  // namespace optirace
