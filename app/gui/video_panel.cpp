#include "video_panel.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "fit_text.h"
#include "video_timeline.h"

namespace optirace {

namespace {

// A typed value outside what a video can have: the previous value is kept, and the status bar
// says what is valid.
void keepIfInvalid(AppState& app, const char* what, double typed, double lo, double hi,
                   auto& value) {
  if (std::isfinite(typed) && typed >= lo && typed <= hi) {
    value = static_cast<std::remove_reference_t<decltype(value)>>(typed);
    return;
  }
  char message[160];
  std::snprintf(message, sizeof message, "%s %g is outside %g … %g; kept %g", what, typed, lo, hi,
                static_cast<double>(value));
  app.report(message, true);
}

}  // namespace

void drawVideoPopup(AppState& app) {
  if (!ImGui::BeginPopup("Video")) return;
  VideoSettings& v = app.settings.video;
  ImGui::TextUnformatted("The race from its start to its last step, then a 1 s hold");
  int format = v.gif ? 1 : 0;
  ImGui::RadioButton("MP4 (H.264)", &format, 0);
  ImGui::SameLine();
  ImGui::RadioButton("GIF (looping)", &format, 1);
  v.gif = format == 1;
  pushWidthBesideLabels({"Frames a second", "Seconds", "Size"});
  if (ImGui::BeginCombo("Size", kVideoSizes[v.size].label)) {
    for (int i = 0; i < static_cast<int>(std::size(kVideoSizes)); ++i)
      if (ImGui::Selectable(kVideoSizes[i].label, i == v.size)) v.size = i;
    ImGui::EndCombo();
  }
  int fps = v.fps;
  if (ImGui::InputInt("Frames a second", &fps, 5, 10, ImGuiInputTextFlags_EnterReturnsTrue))
    keepIfInvalid(app, "frame rate", fps, 1, kMaxVideoFps, v.fps);
  double seconds = v.seconds;
  if (ImGui::InputDouble("Seconds", &seconds, 1, 5, "%.1f", ImGuiInputTextFlags_EnterReturnsTrue))
    keepIfInvalid(app, "duration", seconds, 0.1, kMaxVideoSeconds, v.seconds);
  ImGui::PopItemWidth();
  ImGui::Checkbox("With the loss plot", &app.settings.exportWithPlot);
  VideoTimeline t = timelineForDuration(app.scenario.steps, v.fps, v.seconds);
  ImGui::TextDisabled("%ld frames, %.1f s in all; saved in the export folder", t.frames(),
                      t.seconds());
  ImGui::BeginDisabled(app.video.running);
  if (ImGui::Button("Make the video")) {
    app.videoRequested = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void drawVideoProgress(AppState& app) {
  if (!app.video.running) return;
  const auto& v = app.video;
  char label[96];
  std::snprintf(label, sizeof label, "video: frame %ld of %ld", v.encoded, v.frames);
  float cancel = buttonWidth("Cancel") + ImGui::GetStyle().ItemSpacing.x;
  float fraction = v.frames > 0 ? static_cast<float>(v.encoded) / static_cast<float>(v.frames) : 0;
  ImGui::ProgressBar(fraction, ImVec2(ImGui::GetContentRegionAvail().x - cancel, 0), label);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", v.path.c_str());
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) app.videoCancelRequested = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("stop; nothing is written");
}

}  // namespace optirace
