#include "view_window.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "panel_backdrop.h"

namespace optirace {

bool beginPanel(AppState& app, Panel panel, ImGuiWindowFlags flags) {
  if (!app.layout.visible(panel)) return false;
  flags |= app.layout.place(panel);
  beginWindow(panelName(panel), nullptr, flags, true);
  app.layout.record(panel);
  return true;
}

bool beginViewWindow(AppState& app, Panel panel) {
  // On the shared backdrop like the docked panels: its title bar and toolbar are kept.
  // No title bar: the pictures carry their own titles, and a projector needs every row.
  return beginPanel(app, panel,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                        ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoBringToFrontOnFocus |
                        ImGuiWindowFlags_NoTitleBar);
}

RectPx claimViewArea(const char* id, float reserveBelow) {
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.y -= reserveBelow;
  // The view stays clear of the window's resize grip, a triangle in the bottom-right corner
  // reaching `grip` px along both edges (ImGui 1.86's size): PanelCache copies the window's
  // own drawing only around the view, so none of it may fall inside.
  const ImGuiStyle& style = ImGui::GetStyle();
  float font = ImGui::GetFontSize();
  float grip = std::floor(std::max(font * 1.35f, style.WindowRounding + 1.0f + font * 0.2f));
  float intrusion = std::ceil(grip + 1.0f - style.WindowPadding.x - style.WindowPadding.y);
  size.y -= std::max(0.0f, intrusion);
  float w = std::max(64.0f, std::floor(size.x)), h = std::max(64.0f, std::floor(size.y));
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, ImVec2(w, h));
  RectPx area{std::floor(origin.x), std::floor(origin.y), w, h};
  setPictureHole({area.x, area.y}, {area.x + area.w, area.y + area.h});
  return area;
}

}  // namespace optirace
