// --layout-test: the real window at the sizes of lecture-hall screens and UI scales, checked
// as a lecturer would look at it: every panel inside the window and none over another, a
// canvas large enough to teach with, and no text cut at the edge of its panel, field or cell.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "figure_export.h"
#include "gl_target.h"
#include "gui_benchmarks.h"
// GLFW after epoxy (pulled in by gl_objects.h), so it does not include the system GL header.
#include <GLFW/glfw3.h>

namespace optirace {

namespace {

struct Checker {
  int checks = 0, failures = 0;
  void operator()(bool ok, const std::string& what) {
    ++checks;
    if (!ok) {
      ++failures;
      std::printf("FAIL %s\n", what.c_str());
    }
  }
};

// Text drawn across the left or right edge of its clip rectangle: a glyph's triangle (texture
// coordinates off the atlas's white pixel) that lies within the clip rectangle's rows but
// reaches past its sides. Returns the windows where that happens, with a count.
// Text clipped on the CPU (text fields, sliders' values) keeps within its rectangle but loses
// part of a glyph's texture: its texture coordinates no longer start or end where a glyph's do.
std::string cutText(const ImDrawData* data) {
  ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  std::set<float> glyphU0, glyphU1;
  for (const ImFontGlyph& g : ImGui::GetFont()->Glyphs) glyphU0.insert(g.U0), glyphU1.insert(g.U1);
  std::string found;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    int cut = 0;
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      // Text only: pictures (the task views' textures) are quads of another texture.
      if (cmd.UserCallback || cmd.TextureId != ImGui::GetIO().Fonts->TexID) continue;
      const ImVec4& clip = cmd.ClipRect;
      for (unsigned i = cmd.IdxOffset; i + 2 < cmd.IdxOffset + cmd.ElemCount; i += 3) {
        const ImDrawVert* v[3];
        bool glyph = true;
        ImVec2 lo(1e9f, 1e9f), hi(-1e9f, -1e9f);
        for (int k = 0; k < 3; ++k) {
          v[k] = &list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[i + k]];
          glyph = glyph && (v[k]->uv.x != white.x || v[k]->uv.y != white.y);
          lo = ImVec2(std::min(lo.x, v[k]->pos.x), std::min(lo.y, v[k]->pos.y));
          hi = ImVec2(std::max(hi.x, v[k]->pos.x), std::max(hi.y, v[k]->pos.y));
        }
        if (!glyph || hi.y <= clip.y || lo.y >= clip.w) continue;
        if (hi.x <= clip.x || lo.x >= clip.z) continue;  // not drawn at all
        float u0 = std::min({v[0]->uv.x, v[1]->uv.x, v[2]->uv.x});
        float u1 = std::max({v[0]->uv.x, v[1]->uv.x, v[2]->uv.x});
        if (lo.x < clip.x - 0.5f || hi.x > clip.z + 0.5f || !glyphU0.count(u0) ||
            !glyphU1.count(u1))
          ++cut;
      }
    }
    if (cut > 0)
      found += std::string(found.empty() ? "" : ", ") +
               (list->_OwnerName ? list->_OwnerName : "?") + " (" + std::to_string(cut / 2) +
               " glyphs)";
  }
  return found;
}

// Panels whose content reaches past their right edge with no scroll bar to reach it.
std::string hiddenContent() {
  std::string found;
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (!w->WasActive || w->Hidden || w->ScrollbarX || (w->Flags & ImGuiWindowFlags_Tooltip))
      continue;
    float visible = w->WorkRect.GetWidth();
    if (w->ContentSize.x > visible + 1.0f)
      found += std::string(found.empty() ? "" : ", ") + w->Name + " (" +
               std::to_string(static_cast<int>(w->ContentSize.x - visible)) + " px)";
  }
  return found;
}

// WCAG 2's contrast ratio of two opaque colours: (L1 + 0.05) / (L2 + 0.05) of their relative
// luminances, from linearised sRGB.
double contrastRatio(const ImVec4& a, const ImVec4& b) {
  auto luminance = [](const ImVec4& c) {
    auto linear = [](double v) {
      return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z);
  };
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool overlaps(const ImRect& a, const ImRect& b) {
  return a.Min.x < b.Max.x - 0.5f && b.Min.x < a.Max.x - 0.5f && a.Min.y < b.Max.y - 0.5f &&
         b.Min.y < a.Max.y - 0.5f;
}

// Every panel shown lies inside the window and overlaps no other (nor the menu and status
// bars), and the canvas keeps a usable size.
void checkPlacement(Checker& check, const std::string& where, const AppState& app, int fw, int fh) {
  ImRect screen(0, 0, static_cast<float>(fw), static_cast<float>(fh));
  std::vector<ImGuiWindow*> tiles;
  for (int p = 0; p < kPanelCount; ++p) {
    if (!app.layout.visible(static_cast<Panel>(p))) continue;
    ImGuiWindow* w = ImGui::FindWindowByName(panelName(static_cast<Panel>(p)));
    check(w && w->WasActive, where + ": " + panelName(static_cast<Panel>(p)) + " is shown");
    if (w) tiles.push_back(w);
  }
  for (const char* bar : {"##MainMenuBar", "##status"})
    if (ImGuiWindow* w = ImGui::FindWindowByName(bar); w && w->WasActive) tiles.push_back(w);
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    ImRect r = tiles[i]->Rect();
    check(screen.Contains(r),
          where + ": " + tiles[i]->Name + " lies inside the window (it spans " +
              std::to_string(int(r.Min.x)) + "," + std::to_string(int(r.Min.y)) + " to " +
              std::to_string(int(r.Max.x)) + "," + std::to_string(int(r.Max.y)) + ")");
    for (std::size_t j = i + 1; j < tiles.size(); ++j)
      check(!overlaps(tiles[i]->Rect(), tiles[j]->Rect()),
            where + ": " + tiles[i]->Name + " does not overlap " + tiles[j]->Name);
  }
  // Usable: at least 300 × 180 px, 40 % of the window's width and 30 % of its height.
  const RectPx& c = app.canvasRect;
  check(c.w >= 300 && c.h >= 180 && c.w >= 0.4f * fw && c.h >= 0.3f * fh,
        where + ": the canvas is usable (" + std::to_string(int(c.w)) + " x " +
            std::to_string(int(c.h)) + " px)");
}

}  // namespace

int layoutTest(GLFWwindow* window, AppState& app, GuiResources& gui,
               const std::vector<Preset>& presets) {
  Checker check;
  const char* shots = std::getenv("OPTIRACE_LAYOUT_SHOTS");
  struct Size {
    int w, h;
  };
  const Size sizes[] = {{1024, 600}, {1280, 720}, {1920, 1080}, {3840, 2160}};
  const float scales[] = {1.0f, 1.5f, 2.0f};
  // Surfaces: preset 6 (three racers, noise, the longest labels) played to its end (the longest
  // words: "budget reached", "converged at"); then a task: Shift+6 (four Adam racers with
  // warmups, the longest task labels) halfway through its epochs.
  const Preset* task = presetForKey(presets, '6', true);
  for (const Scenario* scenario : {&presets[5].scenario, task ? &task->scenario : nullptr}) {
    if (!scenario) continue;
    app.setScenario(*scenario);
    app.stepOn(scenario->task ? scenario->steps / 2 : scenario->steps);
    for (Size size : sizes) {
      glfwSetWindowSize(window, size.w, size.h);
      for (int i = 0; i < 50; ++i) {  // the X server answers the resize in its own time
        glfwPollEvents();
        int w = 0, h = 0;
        glfwGetFramebufferSize(window, &w, &h);
        if (w == size.w && h == size.h) break;
        glfwWaitEventsTimeout(0.02);
      }
      for (float scale : scales) {
        for (bool presenting : {false, true}) {
          if (presenting && scale != 1.0f) continue;  // presentation mode scales itself
          app.settings.uiScale = scale;
          app.presenting = presenting;
          char where[96];
          std::snprintf(where, sizeof where, "%s%dx%d at %d %%%s", app.taskRace ? "task, " : "",
                        size.w, size.h, static_cast<int>(scale * 100),
                        presenting ? ", presenting" : "");
          for (int i = 0; i < 4; ++i) {
            runFrame(window, app, gui, presets);
            unsigned error = nextGlError();
            check(error == 0,
                  std::string(where) + ": no GL error (got " + std::to_string(error) + ")");
          }
          check(!app.statusIsError, std::string(where) + ": nothing went wrong: " + app.statusLine);
          int fw = 0, fh = 0;
          glfwGetFramebufferSize(window, &fw, &fh);
          check(fw == size.w && fh == size.h, std::string(where) + ": the window took its size");
          checkPlacement(check, where, app, fw, fh);
          // Text whole wherever the screen has room for it: at 100 %, in presentation mode, and
          // from 1280 × 720 at 150 % and 1920 × 1080 at 200 % up. (A 1024 × 600 screen at 150 %
          // is 683 × 400 of 100 % pixels: there the panels scroll and abbreviate.)
          float logicalW = size.w / scale, logicalH = size.h / scale;
          if (scale == 1.0f || presenting || (logicalW >= 853 && logicalH >= 480)) {
            std::string cut = cutText(ImGui::GetDrawData());
            check(cut.empty(), std::string(where) + ": no text cut at a clip edge; cut in " + cut);
            std::string hidden = hiddenContent();
            check(hidden.empty(),
                  std::string(where) + ": no content past a panel's edge; past it in " + hidden);
          }
          if (shots) {
            Image image;
            gui.capture = &image;
            runFrame(window, app, gui, presets);
            gui.capture = nullptr;
            char name[96];
            std::snprintf(name, sizeof name, "%s%dx%d_%03d%s.png", app.taskRace ? "task_" : "",
                          size.w, size.h, static_cast<int>(scale * 100),
                          presenting ? "_present" : "");
            writePng(image, (std::filesystem::path(shots) / name).string());
          }
        }
      }
    }
  }
  app.presenting = false;
  app.setScenario(presets[5].scenario);

  // Dragging the canvas's bottom edge up by 50 px moves the split line: the Loss and
  // Leaderboard panels follow, and the layout is the user's from then on.
  glfwSetWindowSize(window, 1600, 1000);
  for (int i = 0; i < 50; ++i) {
    glfwPollEvents();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    if (w == 1600 && h == 1000) break;
    glfwWaitEventsTimeout(0.02);
  }
  app.settings.uiScale = 1.0f;
  app.layout.reset();
  for (int i = 0; i < 4; ++i) runFrame(window, app, gui, presets);
  ImRect before = ImGui::FindWindowByName("Race")->Rect();
  gui.mouse = GuiResources::ScriptedMouse{ImVec2(before.GetCenter().x, before.Max.y - 1), false};
  runFrame(window, app, gui, presets);
  gui.mouse->down = true;
  for (int i = 0; i < 12; ++i) {
    runFrame(window, app, gui, presets);
    gui.mouse->pos.y -= 5;
  }
  gui.mouse->down = false;
  for (int i = 0; i < 3; ++i) runFrame(window, app, gui, presets);
  gui.mouse.reset();
  ImRect after = ImGui::FindWindowByName("Race")->Rect();
  ImRect loss = ImGui::FindWindowByName("Loss")->Rect();
  ImRect board = ImGui::FindWindowByName("Leaderboard")->Rect();
  check(before.Max.y - after.Max.y > 40 && before.Max.y - after.Max.y < 70,
        "dragging the canvas's bottom edge up 55 px moves it by " +
            std::to_string(before.Max.y - after.Max.y) + " px");
  check(std::abs(loss.Min.y - after.Max.y) <= 1 && std::abs(board.Min.y - after.Max.y) <= 1,
        "the Loss and Leaderboard panels follow the dragged edge");
  check(app.layout.customized(), "a dragged layout is the user's (saved, not recomputed)");
  checkPlacement(check, "after the drag", app, 1600, 1000);

  // A saved layout that does not fit (splits crossing each other, panels squeezed to nothing)
  // is adapted on restore, never drawn broken.
  app.layout.restore({0.95f, 0.01f, 0.99f, 0.3f, 0.2f});
  for (int i = 0; i < 3; ++i) runFrame(window, app, gui, presets);
  checkPlacement(check, "a saved layout that did not fit", app, 1600, 1000);

  // The light theme on a projector: every control's outline at least 3 : 1 against the panel.
  app.settings.lightTheme = true;
  runFrame(window, app, gui, presets);
  const ImGuiStyle& style = ImGui::GetStyle();
  double outline = contrastRatio(style.Colors[ImGuiCol_Border], style.Colors[ImGuiCol_WindowBg]);
  check(style.FrameBorderSize >= 1.0f && outline >= 3.0,
        "light theme: controls outlined at " + std::to_string(outline) + " : 1 (at least 3 : 1)");
  double check_ = contrastRatio(style.Colors[ImGuiCol_CheckMark], style.Colors[ImGuiCol_FrameBg]);
  check(check_ >= 3.0, "light theme: tick marks at " + std::to_string(check_) + " : 1 on fields");
  app.settings.lightTheme = false;
  std::printf("%d passed, %d failed\n", check.checks - check.failures, check.failures);
  return check.failures == 0 ? 0 : 1;
}

}  // namespace optirace
