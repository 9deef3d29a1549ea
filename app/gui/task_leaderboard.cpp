// The leaderboard while a task trains: every racer's loss and accuracy at the epoch shown and
// the first epoch its loss fell below the threshold (the seed's "epochs to loss < 0.01"),
// best first.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "fit_text.h"
#include "panels.h"
#include "race_words.h"

namespace optirace {

namespace {
// The first epoch ≤ upTo whose loss is below the threshold, or −1.
long epochBelow(const TaskRacer& r, double threshold, long upTo) {
  long found = firstEpochBelow(r.rows, threshold);
  return found >= 0 && found <= upTo ? found : -1;
}
}  // namespace

void drawTaskLeaderboard(AppState& app) {
  const TaskRace& race = *app.taskRace;
  const double threshold = app.scenario.settings.threshold;
  const long shown = race.shown();
  std::vector<int> order;
  for (int i = 0; i < static_cast<int>(race.racers().size()); ++i) order.push_back(i);
  auto rank = [&](int i) {
    const TaskRacer& r = race.racers()[i];
    if (r.divergedAt >= 0 && shown >= r.divergedAt) return std::pair{2, 0.0};
    if (long e = epochBelow(r, threshold, shown); e >= 0) return std::pair{0, double(e)};
    return std::pair{1, race.rowAt(i, shown).loss};
  };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rank(a) < rank(b); });
  textWrappedAtSpaces("epoch " + std::to_string(shown) + " of " + std::to_string(race.budget()) +
                      (race.finished() ? " (all trained)" : ""));
  // A narrow panel: each racer on two lines, its label, then its numbers indented.
  if (ImGui::GetContentRegionAvail().x <
      ImGui::CalcTextSize("9.999e-99").x * 2.5f + ImGui::GetFontSize() * 8) {
    for (int i : order) {
      const TaskRacer& r = race.racers()[i];
      ImGui::PushID(i);
      racerSwatch(r.spec.colorRgb);
      textWrappedAtSpaces(r.spec.label);
      ImGui::Indent();
      long e = epochBelow(r, threshold, shown);
      textWrappedAtSpaces(
          taskRowWords(race, i) +
          (e >= 0 ? ", < " + shortNumber(threshold) + " at " + std::to_string(e) : std::string()));
      ImGui::Unindent();
      ImGui::PopID();
    }
    return;
  }
  char below[48];
  std::snprintf(below, sizeof below, "< %g at", threshold);
  float number = ImGui::CalcTextSize("9.999e-99").x;
  if (!ImGui::BeginTable("taskboard", 4,
                         ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                             ImGuiTableFlags_SizingStretchProp))
    return;
  ImGui::TableSetupColumn("Racer", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Loss", ImGuiTableColumnFlags_WidthFixed, number);
  ImGui::TableSetupColumn("Right", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("100 %").x);
  ImGui::TableSetupColumn(below, ImGuiTableColumnFlags_WidthFixed,
                          std::max(ImGui::CalcTextSize(below).x, ImGui::CalcTextSize("> 20000").x));
  ImGui::TableHeadersRow();
  for (int i : order) {
    const TaskRacer& r = race.racers()[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(i);
    racerSwatch(r.spec.colorRgb);
    ImGui::PopID();
    textWrappedAtSpaces(r.spec.label);
    ImGui::TableNextColumn();
    bool diverged = r.divergedAt >= 0 && shown >= r.divergedAt;
    if (diverged)
      ImGui::TextUnformatted("diverged");
    else
      ImGui::Text("%.3e", race.rowAt(i, shown).loss);
    ImGui::TableNextColumn();
    if (!diverged) ImGui::Text("%.0f %%", 100 * race.rowAt(i, shown).accuracy);
    ImGui::TableNextColumn();
    long e = epochBelow(r, threshold, shown);
    if (e >= 0)
      ImGui::Text("%ld", e);
    else if (race.finished() || diverged)  // never within the budget: the seed's ">3000"
      ImGui::Text("> %ld", race.budget());
    else
      ImGui::TextUnformatted("—");
  }
  ImGui::EndTable();
}

}  // namespace optirace
