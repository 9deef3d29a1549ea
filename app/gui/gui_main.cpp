// `optirace` without a subcommand: the race window. Flags: --scale S, --light, --scenario FILE,
// --size WxH, --bench-frames N (frame-time statistics), --smoke-test (scripted UI check),
// --layout-test (the layout at several window sizes and UI scales).
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "autosave.h"
#include "frame_loop.h"
#include "gui_benchmarks.h"
#include "gui_entry.h"
#include "number_format.h"
#include "panels.h"
#include "settings_store.h"
#include "window/gl_window.h"

namespace optirace {

namespace {

// Ctrl-C in the terminal or a polite kill closes the window as its close button does: the
// settings are saved, a video being made is cancelled and its partial file removed (the work
// itself is autosaved on every change).
std::atomic<bool> quitRequested{false};
extern "C" void onQuitSignal(int) {
  quitRequested = true;
}

struct GuiOptions {
  float scale = 0.0f;  // 0: the saved setting
  bool light = false;
  std::string scenario;
  int width = 0, height = 0;  // 0: the monitor's work area
  int benchFrames = 0;
  bool smokeTest = false;
  bool layoutTest = false;
  bool stressTest = false;
};

// Parses the window's flags; throws InputError naming a bad one.
GuiOptions parseGuiOptions(int argc, char** argv) {
  GuiOptions o;
  auto value = [&](int& i, const char* flag) -> std::string {
    if (i + 1 >= argc) throw InputError(std::string(flag) + ": needs a value");
    return argv[++i];
  };
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--scale") {
      auto v = parseFiniteDouble(value(i, "--scale"));
      if (!v || *v < kMinUiScale || *v > kMaxUiScale)
        throw InputError("--scale: must be a number in [0.5, 3]");
      o.scale = static_cast<float>(*v);
    } else if (a == "--light") {
      o.light = true;
    } else if (a == "--scenario") {
      o.scenario = value(i, "--scenario");
    } else if (a == "--size") {
      std::string v = value(i, "--size");
      auto x = v.find('x');
      auto w = parseInteger(v.substr(0, x)),
           h = x == std::string::npos ? std::nullopt : parseInteger(v.substr(x + 1));
      if (!w || !h || *w < 320 || *h < 240 || *w > 7680 || *h > 4320)
        throw InputError("--size: must be WxH between 320x240 and 7680x4320 (got '" + v + "')");
      o.width = static_cast<int>(*w), o.height = static_cast<int>(*h);
    } else if (a == "--bench-frames") {
      auto n = parseInteger(value(i, "--bench-frames"));
      if (!n || *n < 1 || *n > 100000)
        throw InputError("--bench-frames: must be a whole number in [1, 100000]");
      o.benchFrames = static_cast<int>(*n);
    } else if (a == "--smoke-test") {
      o.smokeTest = true;
    } else if (a == "--layout-test") {
      o.layoutTest = true;
    } else if (a == "--stress-test") {
      o.stressTest = true;
    } else {
      throw InputError(
          "unknown option '" + a +
          "' (window options: --scale S, --light, --scenario FILE, --size WxH, --bench-frames N, "
          "--smoke-test, --layout-test, --stress-test; commands: run, train, list, render, sweep)");
    }
  }
  return o;
}

// The first window fills the primary monitor's work area (a projector's 1280 × 720 as well as
// a 4K screen), and is maximized where a window manager does that.
// Returns the UI scale that suits the screen on a first start: 100 % up to a 1080-line screen,
// then in proportion (a 4K screen: 200 %), in quarter steps.
float fitToWorkArea(GLFWwindow* window) {
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  if (!monitor) return 1.0f;
  int x = 0, y = 0, w = 0, h = 0;
  glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
  if (w < 320 || h < 240) return 1.0f;
  glfwSetWindowPos(window, x, y);
  glfwSetWindowSize(window, w, h);
  glfwMaximizeWindow(window);
  return std::clamp(std::floor(h / 1080.0f * 4.0f) / 4.0f, 1.0f, 3.0f);
}

int runWindow(const GuiOptions& options) {
  bool measuring =
      options.benchFrames > 0 || options.smokeTest || options.layoutTest || options.stressTest;
  int width = options.width > 0 ? options.width : 1600;
  int height = options.height > 0 ? options.height : 1000;
  if (options.benchFrames > 0) width = 1280, height = 800;
  GlWindow window(width, height, "optirace", true, measuring);
  float screenScale = 1.0f;
  if (options.width == 0 && !measuring) screenScale = fitToWorkArea(window.handle());
  glfwSwapInterval(measuring ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  // The panels' places are ours (PanelLayout, kept in settings.json as fractions); imgui.ini
  // would restore pixel positions that need not fit the next window.
  ImGui::GetIO().IniFilename = nullptr;
  // Ours first: ImGui's backend chains to the callback installed before it.
  glfwSetKeyCallback(window.handle(), [](GLFWwindow*, int key, int, int action, int mods) {
    recordKeyPress(key, action, mods);
  });
  ImGui_ImplGlfw_InitForOpenGL(window.handle(), true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  int status = 0;
  {
    FontCache fonts(OPTIRACE_FONT_PATH);
    GuiResources gui(fonts);
    std::vector<Preset> presets = loadPresets();
    AppState app;
    std::string problem;
    if (!measuring) loadUiSettings(app.settings, problem);
    if (!app.settings.uiScaleSaved) app.settings.uiScale = screenScale;
    if (options.scale > 0) app.settings.uiScale = options.scale;
    if (app.settings.layout) app.layout.restore(*app.settings.layout);
    if (options.light) app.settings.lightTheme = true;
    app.setScenario(presets.size() > 1 ? presets[1].scenario : presets.front().scenario);
    app.autosaving = !measuring;
    if (app.autosaving && options.scenario.empty()) restoreAutosave(app);
    if (!options.scenario.empty()) {
      Scenario loaded = loadScenarioFile(options.scenario);  // bad file: exit 2 before the loop
      requireWindowScenario(loaded, options.scenario);
      app.setScenario(std::move(loaded));
      app.scenarioPath = options.scenario;
    }
    if (!problem.empty()) app.report(problem, true);

    if (options.benchFrames > 0) {
      status = benchmarkFrames(window.handle(), app, gui, presets, options.benchFrames);
    } else if (options.smokeTest) {
      status = smokeTest(window.handle(), app, gui, presets);
    } else if (options.layoutTest) {
      status = layoutTest(window.handle(), app, gui, presets);
    } else if (options.stressTest) {
      status = stressTest(window.handle(), app, gui, presets);
    } else {
      std::signal(SIGINT, onQuitSignal);
      std::signal(SIGTERM, onQuitSignal);
      while (!glfwWindowShouldClose(window.handle()) && !quitRequested)
        runFrame(window.handle(), app, gui, presets);
      app.settings.layout.reset();
      if (app.layout.customized()) app.settings.layout = app.layout.splits();
      saveUiSettings(app.settings);
    }
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  return status;
}

}  // namespace

int runGui(int argc, char** argv) {
  try {
    return runWindow(parseGuiOptions(argc, argv));
  } catch (const InputError& e) {
    std::cerr << "optirace: " << e.what() << "\n";
    return 2;
  } catch (const NoDisplayError& e) {
    std::cerr << "optirace: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "optirace: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace optirace
