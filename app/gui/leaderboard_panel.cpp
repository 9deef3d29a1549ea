// The leaderboard: who is closest to f*, who crossed the threshold first, who diverged.
#include <imgui.h>

#include <algorithm>

#include "panel_backdrop.h"
#include "panels.h"

namespace optirace {

void drawLeaderboard(AppState& app) {
  placeFirstTime(0.6375f, 0.6359f, 0.3625f, 0.1744f);
  beginWindow("Leaderboard", nullptr, 0, true);
  if (!app.race) {
    ImGui::End();
    return;
  }
  // Order: converged first by step, then running by gap, then diverged.
  std::vector<const Racer*> order;
  for (const Racer& r : app.race->racers())
    if (r.spec().enabled) order.push_back(&r);
  auto rank = [](const Racer* r) {
    if (r->status() == RacerStatus::Diverged)
      return std::pair{2, static_cast<double>(-r->divergedAtStep())};
    if (r->convergedAtStep() >= 0) return std::pair{0, static_cast<double>(r->convergedAtStep())};
    return std::pair{1, r->current().gap};
  };
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return rank(a) < rank(b); });
  ImGui::Text("step %ld of %ld", app.race->stepsTaken(), app.scenario.steps);
  if (ImGui::BeginTable("board", 4,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Racer");
    ImGui::TableSetupColumn("f − f*");
    ImGui::TableSetupColumn("Steps to thr.");
    ImGui::TableSetupColumn("Status");
    ImGui::TableHeadersRow();
    for (const Racer* r : order) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      std::uint32_t rgb = r->spec().colorRgb;
      ImGui::ColorButton(
          "##c",
          ImVec4(((rgb >> 16) & 255) / 255.f, ((rgb >> 8) & 255) / 255.f, (rgb & 255) / 255.f, 1),
          ImGuiColorEditFlags_NoTooltip,
          ImVec2(ImGui::GetTextLineHeight(), ImGui::GetTextLineHeight()));
      ImGui::SameLine();
      ImGui::TextUnformatted(r->spec().label.c_str());
      ImGui::TableNextColumn();
      if (r->status() == RacerStatus::Diverged)
        ImGui::TextUnformatted("—");
      else
        ImGui::Text("%.3e", r->current().gap);
      ImGui::TableNextColumn();
      if (r->convergedAtStep() >= 0)
        ImGui::Text("%ld", r->convergedAtStep());
      else
        ImGui::TextDisabled("none yet");
      ImGui::TableNextColumn();
      if (r->status() == RacerStatus::Diverged)
        ImGui::TextColored(
            app.settings.lightTheme ? ImVec4(0.7f, 0.05f, 0.0f, 1) : ImVec4(0.95f, 0.35f, 0.3f, 1),
            "diverged at %ld", r->divergedAtStep());
      else if (r->status() == RacerStatus::Converged)
        ImGui::TextColored(
            app.settings.lightTheme ? ImVec4(0.0f, 0.45f, 0.15f, 1) : ImVec4(0.3f, 0.8f, 0.45f, 1),
            "converged at %ld", r->convergedAtStep());
      else
        ImGui::TextUnformatted("running");
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace optirace
