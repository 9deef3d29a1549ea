#include "file_browser.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui_probe.h"

namespace optirace {

namespace fs = std::filesystem;

namespace {
constexpr const char* kPopup = "Choose a file";
}

void FileBrowser::open(Purpose purpose, const std::string& path) {
  purpose_ = purpose;
  std::error_code ec;
  fs::path p = fs::absolute(path.empty() ? fs::path(".") : fs::path(path), ec);
  if (fs::is_directory(p, ec)) {
    folder_ = p;
    name_.clear();
  } else {
    folder_ = p.parent_path();
    name_ = p.filename().string();
  }
  open_ = justOpened_ = true;
  list();
}

void FileBrowser::list() {
  entries_.clear();
  problem_.clear();
  std::error_code ec;
  fs::directory_iterator it(folder_, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    problem_ = "cannot list " + folder_.string() + ": " + ec.message();
    return;
  }
  for (const fs::directory_entry& e : it) {
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    bool folder = e.is_directory(ec);
    if (!folder && e.path().extension() != extension()) continue;
    entries_.push_back({name, folder});
  }
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.folder != b.folder ? a.folder : a.name < b.name;
  });
}

std::optional<std::string> FileBrowser::draw() {
  if (!open_) return std::nullopt;
  if (justOpened_) ImGui::OpenPopup(kPopup);
  justOpened_ = false;
  const ImGuiViewport* v = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(v->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(v->Size.x * 0.9f, ImGui::GetFontSize() * 36),
                                  std::min(v->Size.y * 0.8f, ImGui::GetFontSize() * 26)),
                           ImGuiCond_Appearing);
  std::optional<std::string> chosen;
  if (!ImGui::BeginPopupModal(kPopup, &open_)) return std::nullopt;
  const char* verb = purpose_ == Purpose::LoadScenario   ? "Load a scenario (.json)"
                     : purpose_ == Purpose::SaveScenario ? "Save the scenario as (.json)"
                                                         : "Save the trajectories as (.csv)";
  ImGui::TextUnformatted(verb);
  if (ImGui::Button("Up") && folder_.has_parent_path()) {
    folder_ = folder_.parent_path();
    list();
  }
  ImGui::SameLine();
  ImGui::TextWrapped("%s", folder_.string().c_str());
  float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("entries", ImVec2(0, -footer), true);
  if (!problem_.empty()) ImGui::TextWrapped("%s", problem_.c_str());
  for (const Entry& e : entries_) {
    std::string shown = e.folder ? e.name + "/" : e.name;
    if (ImGui::Selectable(shown.c_str(), !e.folder && e.name == name_,
                          ImGuiSelectableFlags_AllowDoubleClick)) {
      if (e.folder) {
        folder_ /= e.name;
        list();
        break;
      }
      name_ = e.name;
      if (ImGui::IsMouseDoubleClicked(0)) chosen = (folder_ / name_).string();
    }
  }
  ImGui::EndChild();
  char buf[512];
  std::snprintf(buf, sizeof buf, "%s", name_.c_str());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputTextWithHint("##name", "file name or path", buf, sizeof buf)) name_ = buf;
  ImGui::BeginDisabled(name_.empty());
  bool pressed = ImGui::Button(saving() ? "Save" : "Load");
  probeLastItem("file picker ok");
  if (pressed) {
    fs::path p(name_);
    chosen = (p.is_absolute() ? p : folder_ / p).string();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) open_ = false;
  if (chosen) open_ = false;
  if (!open_) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return chosen;
}

}  // namespace optirace
