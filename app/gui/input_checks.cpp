// The smoke test's checks driven by input as a user gives it: keys through the GLFW backend's
// key callback (which chains to the shortcuts), the mouse as the backend reports it each frame.
#include "input_checks.h"

#include <backends/imgui_impl_glfw.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "ui_probe.h"
// GLFW after epoxy (pulled in by gl_objects.h), so it does not include the system GL header.
#include <GLFW/glfw3.h>

namespace optirace {

void checkInput(GLFWwindow* window, AppState& app, GuiResources& gui,
                const std::vector<Preset>& presets, const CheckFn& check) {
  auto frames = [&](int n) {
    for (int i = 0; i < n; ++i) runFrame(window, app, gui, presets);
  };
  auto key = [&](int k, int mods = 0) {
    ImGui_ImplGlfw_KeyCallback(window, k, 0, GLFW_PRESS, mods);
    frames(1);
    ImGui_ImplGlfw_KeyCallback(window, k, 0, GLFW_RELEASE, mods);
    frames(1);
  };
  auto click = [&](ImVec2 at) {
    gui.mouse = GuiResources::ScriptedMouse{at, false};
    frames(1);
    gui.mouse->down = true;
    frames(1);
    gui.mouse->down = false;
    frames(2);
  };
  auto popupOpen = [] { return !ImGui::GetCurrentContext()->OpenPopupStack.empty(); };

  app.setScenario(presets[5].scenario);  // key 6
  frames(3);
  std::string before = app.scenario.title;

  // A key typed while the Optimizer combo is open belongs to the combo, not to the shortcuts.
  std::optional<ImVec2> combo = probedCentre("optimizer combo");
  check(combo.has_value(), "the Optimizer combo is drawn");
  if (combo) click(*combo);
  check(popupOpen(), "clicking the Optimizer combo opens it");
  key(GLFW_KEY_7);
  check(app.scenario.title == before, "7 pressed in an open combo loads no preset");
  const ImGuiViewport* v = ImGui::GetMainViewport();
  click(ImVec2(v->Pos.x + v->Size.x * 0.5f, v->Pos.y + v->Size.y - 3));  // on the status bar
  check(!popupOpen(), "a click outside closes the combo");
  key(GLFW_KEY_7);
  check(app.scenario.title == presets[6].scenario.title, "7 with nothing open loads preset 7");
  key(GLFW_KEY_Z, GLFW_MOD_CONTROL);
  check(app.scenario.title == before, "Ctrl+Z brings back the race that preset 7 replaced");
  key(GLFW_KEY_Z, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT);
  check(app.scenario.title == presets[6].scenario.title, "Ctrl+Shift+Z loads it again");
  key(GLFW_KEY_Z, GLFW_MOD_CONTROL);

  // Dragging η 75 px to the right raises it by about ×1.0093 a pixel (×2 over 75 px), and the
  // whole drag is one undo step.
  std::optional<ImVec2> eta = probedCentre("slider lr");
  check(eta.has_value(), "the η slider is drawn");
  double lr = app.scenario.racers[app.selectedRacer].hyper.lr;
  if (eta) {
    gui.mouse = GuiResources::ScriptedMouse{*eta, false};
    frames(1);
    gui.mouse->down = true;
    frames(1);
    for (int dx = 5; dx <= 75; dx += 5) {
      gui.mouse->pos = ImVec2(eta->x + dx, eta->y);
      frames(1);
    }
    gui.mouse->down = false;
    frames(2);
  }
  double dragged = app.scenario.racers[app.selectedRacer].hyper.lr;
  double ratio = dragged / lr, expected = std::pow(10.0, 0.004 * 75);
  check(ratio > expected * 0.97 && ratio < expected * 1.03,
        ("a 75 px drag multiplies η by " + std::to_string(ratio) + " (expected " +
         std::to_string(expected) + ")")
            .c_str());
  check(app.race->racers()[app.selectedRacer].spec().hyper.lr == dragged,
        "the race restarted with the dragged η");
  key(GLFW_KEY_Z, GLFW_MOD_CONTROL);
  check(app.scenario.racers[app.selectedRacer].hyper.lr == lr, "one Ctrl+Z undoes the whole drag");

  // A typed value that is not valid is refused with a message, and the value stays.
  if (eta) {  // Ctrl+click opens the field
    ImGui_ImplGlfw_KeyCallback(window, GLFW_KEY_LEFT_CONTROL, 0, GLFW_PRESS, GLFW_MOD_CONTROL);
    click(*eta);
    ImGui_ImplGlfw_KeyCallback(window, GLFW_KEY_LEFT_CONTROL, 0, GLFW_RELEASE, 0);
    frames(1);
  }
  check(popupOpen(), "Ctrl+click on η opens a field to type in");
  auto type = [&](const char* text) {
    for (const char* c = text; *c; ++c) ImGui_ImplGlfw_CharCallback(window, *c);
    frames(1);
  };
  ImGui_ImplGlfw_KeyCallback(window, GLFW_KEY_A, 0, GLFW_PRESS, GLFW_MOD_CONTROL);  // select all
  frames(1);
  ImGui_ImplGlfw_KeyCallback(window, GLFW_KEY_A, 0, GLFW_RELEASE, GLFW_MOD_CONTROL);
  type("-0.5");
  key(GLFW_KEY_ENTER);
  check(app.scenario.racers[app.selectedRacer].hyper.lr == lr && app.statusIsError &&
            app.statusLine.find("lr must satisfy") != std::string::npos &&
            app.statusLine.find("-0.5") != std::string::npos,
        ("η typed as -0.5 is refused, saying why: " + app.statusLine).c_str());
  frames(2);
  ImGuiWindow* problem = ImGui::FindWindowByName("Problem");
  check(problem && problem->WasActive, "the problem is shown in full above the status bar");
  key(GLFW_KEY_4);
  check(!app.statusIsError && !(problem && problem->WasActive),
        "the problem goes once the next load succeeds");
  key(GLFW_KEY_Z, GLFW_MOD_CONTROL);

  // The file picker: opened at a saved scenario, its Load button loads it.
  namespace fs = std::filesystem;
  fs::path saved =
      fs::temp_directory_path() / ("optirace-picker-" + std::to_string(::getpid()) + ".json");
  saveScenarioFile(presets[2].scenario, saved.string());
  app.files.open(FileBrowser::Purpose::LoadScenario, saved.string());
  frames(3);
  std::optional<ImVec2> ok = probedCentre("file picker ok");
  check(popupOpen() && ok.has_value(), "the file picker opens");
  if (ok) click(*ok);
  check(!popupOpen() && app.scenario.title == presets[2].scenario.title,
        "its Load button loads the chosen file");
  fs::remove(saved);
  key(GLFW_KEY_Z, GLFW_MOD_CONTROL);

  // → steps on; ← steps back, running the race again to there: the very positions of before.
  app.playing = false;
  app.restartRace();
  for (int i = 0; i < 4; ++i) key(GLFW_KEY_RIGHT);
  std::vector<Vec2> atFour;
  for (const Racer& r : app.race->racers()) atFour.push_back(r.current().w);
  key(GLFW_KEY_RIGHT);
  check(app.race->stepsTaken() == 5, "→ takes one step");
  key(GLFW_KEY_LEFT);
  bool same = app.race->stepsTaken() == 4;
  for (std::size_t i = 0; i < atFour.size(); ++i)
    same = same && app.race->racers()[i].current().w == atFour[i];
  check(same, "← goes back one step, to the same positions bit for bit");

  // I opens the step inspector, whose arrows toggle with a click on their checkbox.
  key(GLFW_KEY_I);
  check(app.showInspector, "I opens the step inspector");
  std::optional<ImVec2> arrows = probedCentre("inspector arrows");
  check(arrows.has_value(), "the inspector's arrows checkbox is drawn");
  if (arrows) {
    click(*arrows);
    check(!app.arrows.shown, "a click on the checkbox hides the arrows");
    click(*arrows);
    check(app.arrows.shown, "a second click shows them again");
  }
  key(GLFW_KEY_I);
  check(!app.showInspector, "I again closes it");

  // V shows the canvas in 3-D; a drag across it turns the camera by 360° a canvas width.
  key(GLFW_KEY_V);
  check(app.view3d.enabled, "V turns the canvas to 3-D");
  double azimuth = app.view3d.azimuthDeg;
  ImVec2 centre(app.canvasRect.x + 0.5f * app.canvasRect.w,
                app.canvasRect.y + 0.5f * app.canvasRect.h);
  gui.mouse = GuiResources::ScriptedMouse{centre, false};
  frames(1);
  gui.mouse->down = true;
  frames(1);
  float quarter = 0.25f * app.canvasRect.w;
  for (int i = 1; i <= 10; ++i) {
    gui.mouse->pos = ImVec2(centre.x - quarter * i / 10, centre.y);
    frames(1);
  }
  gui.mouse->down = false;
  frames(2);
  double turned = std::fmod(app.view3d.azimuthDeg - azimuth + 720.0, 360.0);
  check(std::abs(turned - 90.0) < 3.0, "dragging a quarter of the canvas turns the 3-D view 90°");
  key(GLFW_KEY_V);
  check(!app.view3d.enabled, "V again brings the map back");

  // Clicking a cell of the Sensitivity grid (η × β₁) gives the selected racer that cell's η and
  // β₁: the centre of the grid, cell (count/2, count/2) or a neighbour.
  app.showSensitivity = true;
  gui.sensitivity.run(app, 1);
  for (int i = 0; i < 3000 && gui.sensitivity.running(); ++i) frames(1);
  frames(3);
  std::optional<ImVec2> grid = probedCentre("sweep grid");
  const SweepSpec* swept = gui.sensitivity.lastSpec();
  check(grid.has_value() && swept && swept->y, "the Sensitivity grid is drawn");
  if (grid && swept && swept->y) {
    click(*grid);
    const RacerSpec& r = app.scenario.racers[app.selectedRacer];
    auto near = [](const SweepAxis& a, double v) {
      for (int i = a.count / 2 - 1; i <= a.count / 2; ++i)
        if (v == a.valueAt(i)) return true;
      return false;
    };
    check(near(swept->x, r.hyper.get(swept->x.hyper)) &&
              near(*swept->y, r.hyper.get(swept->y->hyper)),
          "clicking the grid's centre gives the racer that cell's settings");
    key(GLFW_KEY_Z, GLFW_MOD_CONTROL);
  }
  app.showSensitivity = false;
  frames(1);

  // Presentation mode: P and F11 toggle it, Esc leaves it; the side panels go away meanwhile.
  key(GLFW_KEY_P);
  check(app.presenting && !app.layout.visible(Panel::Racers), "P enters presentation mode");
  key(GLFW_KEY_SPACE);
  check(app.playing, "Space plays in presentation mode");
  key(GLFW_KEY_SPACE);
  key(GLFW_KEY_ESCAPE);
  check(!app.presenting && app.layout.visible(Panel::Racers), "Esc leaves presentation mode");
  key(GLFW_KEY_F11);
  check(app.presenting, "F11 enters presentation mode");
  key(GLFW_KEY_F11);
  gui.mouse.reset();
  frames(1);
}

}  // namespace optirace
