#include "gui_benchmarks.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "export_actions.h"
#include "expression/typed_surface.h"
#include "figure_export.h"
#include "gl_target.h"
#include "heatmap_renderer.h"
#include "input_checks.h"
#include "task_checks.h"
#include "loss_range.h"
#include "window/gl_window.h"
// GLFW after epoxy (pulled in by gl_objects.h), so it does not include the system GL header.
#include <GLFW/glfw3.h>

namespace optirace {

namespace {
using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

Scenario eightRacers() {
  Scenario s = defaultScenario(
      *findSurface("rosenbrock"),
      {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "lion"});
  for (RacerSpec& r : s.racers) r.hyper.lr = r.optimizer == "adagrad" ? 0.05 : 1e-3;
  s.settings.noiseSigma = 0.3;
  s.steps = 1'000'000;
  return s;
}
// The largest difference of one channel between two pictures; 255 when their sizes differ.
int maxChannelDifference(const Image& a, const Image& b) {
  if (a.width != b.width || a.height != b.height || a.rgba.empty()) return 255;
  int most = 0;
  for (std::size_t i = 0; i < a.rgba.size(); ++i)
    most = std::max(most, std::abs(int(a.rgba[i]) - int(b.rgba[i])));
  return most;
}

// Why the kept layers are Framebuffer::Format::WindowLayer: the same window-sized copy into
// the window from such a layer and from an ordinary one, median of 30.
// A typed surface's heatmap shader: the first draw compiles the program written from its tape,
// the second only draws; their difference is the compile time a text edit costs.
void benchmarkTypedShader(const std::string& what, const Surface& surface) {
  HeatmapRenderer renderer;
  Framebuffer target(256, 256);
  target.bind();
  LossRange range = lossRangeOver(surface, kTypedDefaultView, 16);
  auto drawMs = [&] {
    auto start = Clock::now();
    renderer.draw(surface, kTypedDefaultView, range, HeatmapStyle{}, 0, 0, 256, 256);
    finishDrawing();
    return millisecondsSince(start);
  };
  double first = drawMs(), second = drawMs();
  bindWindowTarget(256, 256);
  std::printf("typed surface shader, %s: %.0f ms to compile (first draw %.0f ms, then %.1f ms)\n",
              what.c_str(), first - second, first, second);
}

void benchmarkTypedShaders() {
  benchmarkTypedShader(
      "Rosenbrock as an expression",
      makeTypedSurface(
          {"(a - x)^2 + b*(y - x^2)^2", {{"a", 1}, {"b", 100}}, std::nullopt, std::nullopt}));
  std::string text = "(";
  for (int i = 0; text.size() < 10000; ++i)  // as bench/expression_bench.cpp's
    text += (i ? " + " : "") + std::string("log(1 + exp(-(") +
            std::to_string(0.01 * (i % 97) - 0.5) + "*x + " +
            std::to_string(0.013 * (i % 89) - 0.6) + "*y)))";
  text += ")/100 + lambda*(x^2 + y^2)/2";
  benchmarkTypedShader("a 10 kB expression",
                       makeTypedSurface({text, {{"lambda", 0.01}}, std::nullopt, std::nullopt}));
}

void benchmarkWindowCopies(GLFWwindow* window) {
  int width = 0, height = 0;
  glfwGetFramebufferSize(window, &width, &height);
  auto median = [&](const Framebuffer& layer) {
    std::vector<double> ms;
    for (int i = 0; i < 30; ++i) {
      finishDrawing();
      auto start = Clock::now();
      copyPicture(layer, {0, 0, width, height}, 0, height, RowOrder::BottomUp, 0, 0);
      finishDrawing();
      ms.push_back(millisecondsSince(start));
    }
    std::nth_element(ms.begin(), ms.begin() + ms.size() / 2, ms.end());
    return ms[ms.size() / 2];
  };
  double kept = median(Framebuffer(width, height, Framebuffer::Format::WindowLayer));
  double plain = median(Framebuffer(width, height));
  std::printf(
      "%dx%d layer copied into the window: %.2f ms kept top row first in BGRA, %.2f ms "
      "from an RGBA8 texture\n",
      width, height, kept, plain);
}
}  // namespace

// The window's frames while Export → Video… makes a 1920 × 1080 MP4 of 4 s with the loss plot
// in the background: how responsive the window stays (each frame also draws one video frame
// or more, and the encoder's thread shares the two cores).
void benchmarkFramesDuringVideo(GLFWwindow* window, AppState& app, GuiResources& gui,
                                const std::vector<Preset>& presets) {
  std::string folder = app.settings.exportFolder;
  app.settings.exportFolder = std::filesystem::temp_directory_path().string();
  app.settings.video = {.gif = false, .size = 1, .fps = 30, .seconds = 4};
  app.settings.exportWithPlot = true;
  app.videoRequested = true;
  runFrame(window, app, gui, presets);
  std::string made = app.video.path;
  std::vector<double> ms;
  auto started = Clock::now();
  while (app.video.running && ms.size() < 100000) {
    auto start = Clock::now();
    runFrame(window, app, gui, presets);
    finishDrawing();
    ms.push_back(millisecondsSince(start));
  }
  double total = millisecondsSince(started);
  std::sort(ms.begin(), ms.end());
  if (!ms.empty())
    std::printf(
        "window frames while a 1920x1080 MP4 (4 s + hold) is made: %zu frames in %.1f s, "
        "ms: median %.1f  p90 %.1f  max %.1f\n",
        ms.size(), total / 1000, ms[ms.size() / 2], ms[ms.size() * 9 / 10], ms.back());
  std::printf("status: %s\n", app.statusLine.c_str());
  if (!made.empty()) std::filesystem::remove(made);
  app.settings.exportFolder = folder;
}

int benchmarkFrames(GLFWwindow* window, AppState& app, GuiResources& gui,
                    const std::vector<Preset>& presets, int frames) {
  app.setScenario(eightRacers());
  app.race->advance(10'000);
  app.playing = true;
  app.stepsPerFrame = 1;
  // `frames` frames after a warm-up (textures, fonts), timed to the finished picture.
  int panelRedrawsBefore = 0;
  auto timeFrames = [&](const char* what) {
    for (int i = 0; i < 20; ++i) runFrame(window, app, gui, presets);
    panelRedrawsBefore = gui.panels.panelRedraws();
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) {
      auto start = Clock::now();
      runFrame(window, app, gui, presets);
      finishDrawing();
      ms.push_back(millisecondsSince(start));
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    double mean = 0;
    for (double v : ms) mean += v / ms.size();
    std::printf("%s frames: %d at 1280x800, 8 racers x %ld steps, race running (1 step/frame)\n",
                what, frames, app.race->stepsTaken());
    std::printf("%s frame time ms: median %.2f  p90 %.2f  max %.2f  mean %.2f\n", what,
                sorted[sorted.size() / 2], sorted[sorted.size() * 9 / 10], sorted.back(), mean);
  };
  timeFrames("2-D");
  std::printf("heatmap renders: %d, trajectory layer redraws: %d (both cached between frames)\n",
              gui.canvas.heatmapRenderCount(), gui.canvas.trajectoryRedraws());
  std::printf("panels redrawn into their kept layer: %d in %d frames (the rest copied)\n",
              gui.panels.panelRedraws() - panelRedrawsBefore, frames);
  // The 3-D view (V): the kept mesh picture copied, the paths projected and drawn each frame.
  app.view3d.enabled = true;
  int meshRendersBefore = gui.canvas.meshRenderCount();
  timeFrames("3-D");
  std::printf("3-D mesh pictures drawn: %d (kept while the camera stays)\n",
              gui.canvas.meshRenderCount() - meshRendersBefore);
  app.view3d.enabled = false;
  benchmarkWindowCopies(window);
  benchmarkTypedShaders();

  FigureRequest request;
  request.widthPx = 3840;
  request.heightPx = 2160;
  request.scale = 2.0f;
  request.withLossPlot = true;
  request.camera = app.camera;
  auto start = Clock::now();
  Image image = renderFigure(gui.canvas, gui.plot, *app.race, request);
  double renderMs = millisecondsSince(start);
  std::string path =
      (std::filesystem::temp_directory_path() / "optirace-bench-export.png").string();
  writePng(image, path);
  std::printf("3840x2160 export: %.0f ms render + read-back, %.0f ms total with PNG\n", renderMs,
              millisecondsSince(start));
  std::filesystem::remove(path);
  benchmarkFramesDuringVideo(window, app, gui, presets);
  return 0;
}

int smokeTest(GLFWwindow* window, AppState& app, GuiResources& gui,
              const std::vector<Preset>& presets) {
  namespace fs = std::filesystem;
  fs::path folder = fs::temp_directory_path() / ("optirace-smoke-" + std::to_string(::getpid()));
  fs::create_directories(folder);
  app.settings.exportFolder = folder.string();
  app.settings.exportSize = ExportSize::Window;
  int failures = 0, checks = 0;
  auto check = [&](bool ok, const char* what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    failures += !ok;
    ++checks;
  };
  auto frames = [&](int n) {
    for (int i = 0; i < n; ++i) {
      runFrame(window, app, gui, presets);
      if (unsigned e = nextGlError(); e != 0) {
        std::printf("FAIL glGetError 0x%x\n", e);
        ++failures;
        ++checks;
      }
    }
  };
  frames(10);
  app.playing = true;  // what Space does
  frames(50);
  long played = app.race->stepsTaken();
  check(played > 0 && played <= 50 * app.stepsPerFrame, "play advances the race");
  app.playing = false;
  frames(5);
  app.race->advance(1);  // what → does
  frames(2);
  check(app.race->stepsTaken() == std::min(played + 1, app.scenario.steps), "step advances by one");
  double lr = app.scenario.racers[0].hyper.lr;
  app.scenario.racers[0].hyper.lr = lr * 0.5;  // a slider change
  app.restartRace();
  frames(5);
  check(app.race->stepsTaken() == 0 && app.race->racers()[0].spec().hyper.lr == lr * 0.5,
        "a slider change restarts the race with the new value");
  app.setScenario(presets[5].scenario);  // key 6
  app.playing = true;
  frames(100);
  app.restartRace();  // R
  check(app.race->stepsTaken() == 0, "reset returns to step 0");
  // Kept panels against ImGui drawing everything: the same pixels, before and after a panel
  // changes (a racer's label). Blending into the layer's RGBA8 rounds a few edge pixels of the
  // resize grips one level differently than into the window's format, hence "within 1/255";
  // a stale panel differs by whole glyphs.
  app.playing = false;
  frames(3);
  for (int round = 0; round < 2; ++round) {
    frames(2);  // the kept pictures up to date
    if (round == 1) app.scenario.racers[0].label += " (renamed)";
    Image kept, direct;
    gui.capture = &kept;
    frames(1);
    gui.panels.setEnabled(false);
    gui.capture = &direct;
    frames(1);
    gui.panels.setEnabled(true);
    gui.capture = nullptr;
    check(maxChannelDifference(kept, direct) <= 1,
          round == 0 ? "kept panels look exactly as ImGui draws them"
                     : "a changed panel is redrawn in its kept picture");
  }
  checkInput(window, app, gui, presets, check);
  app.showSensitivity = true;  // F2, then "Run sweep" in each mode, drawn while they stream in
  for (int mode = 0; mode < 3; ++mode) {
    gui.sensitivity.run(app, mode);
    for (int i = 0; i < 2000 && gui.sensitivity.running(); ++i) frames(1);
    frames(2);
    check(gui.sensitivity.cellsTotal() > 0 &&
              gui.sensitivity.cellsDone() == gui.sensitivity.cellsTotal(),
          mode == 0   ? "sensitivity curves complete"
          : mode == 1 ? "sensitivity grid complete"
                      : "basin map complete");
    if (mode == 0)
      check(app.statusLine.rfind("sweep finished", 0) == 0,
            "the status bar says the sweep finished");
    std::string base = (folder / ("sweep-" + std::to_string(mode))).string();
    check(gui.sensitivity.save(app, base) && fs::exists(base + ".png"),
          "sweep figure and CSV saved");
    if (const char* keep = std::getenv("OPTIRACE_SMOKE_KEEP")) {  // to look at them
      std::string name = std::string(keep) + "/sweep-" + std::to_string(mode);
      fs::copy_file(base + ".png", name + ".png", fs::copy_options::overwrite_existing);
      Image picture;                   // the window with the panel showing the finished sweep
      glfwSetCursorPos(window, 1, 1);  // no tooltip in the picture
      frames(2);
      gui.capture = &picture;
      frames(1);
      gui.capture = nullptr;
      writePng(picture, name + "-window.png");
    }
  }
  check(!gui.sensitivity.stale(app), "the basin map belongs to the surface shown");
  app.scenario.surface = Surface(*findSurface("himmelblau"));  // another surface
  app.edited();
  frames(2);
  check(gui.sensitivity.stale(app), "after a change of surface its results are marked stale");
  app.showSensitivity = false;
  std::string first = nextFreeBase((folder / "sweep").string(), {".png", ".csv"});
  std::ofstream((first + ".png").c_str()) << "taken";
  std::string second = nextFreeBase((folder / "sweep").string(), {".png", ".csv"});
  check(first != second && second.size() == first.size(),
        "saved sweeps are numbered: a second save does not overwrite the first");
  app.screenshotRequested = true;  // S
  frames(3);
  bool saved = fs::exists(folder / "optirace-0001.png");
  check(saved && !app.statusIsError, "S saves optirace-0001.png");
  // Export → As vectors: PDF and SVG of the same figure.
  for (const char* extension : {".pdf", ".svg"}) {
    app.vectorFigureRequested = extension;
    frames(2);
    std::ifstream figure(folder / (std::string("optirace-0001") + extension), std::ios::binary);
    char head[5] = {};
    figure.read(head, 4);
    std::string want = std::string(extension) == ".pdf" ? "%PDF" : "<?xm";
    check(std::string(head) == want && !app.statusIsError,
          (std::string("As vectors saves optirace-0001") + extension).c_str());
  }
  // Export → Video…: a short GIF made in the background while the window keeps drawing.
  app.settings.video = {.gif = true, .size = 3, .fps = 5, .seconds = 1};
  app.videoRequested = true;
  frames(1);
  bool started = app.video.running;
  int waited = 0;
  for (; waited < 1000 && app.video.running; ++waited) frames(1);
  std::ifstream gif(folder / "optirace-0001.gif", std::ios::binary);
  char magic[7] = {};
  gif.read(magic, 6);
  check(started && waited > 1 && std::string(magic) == "GIF89a" && !app.statusIsError &&
            !fs::exists(folder / "optirace-0001.gif.partial"),
        ("Video… makes optirace-0001.gif over " + std::to_string(waited) + " frames (" +
         app.statusLine + ")")
            .c_str());
  checkTaskMode(window, app, gui, presets, check, folder);
  check(GlWindow::glErrorCount() == 0, "no GL debug-output errors");
  if (GlWindow::glErrorCount() > 0)
    std::printf("     first: %s\n", GlWindow::firstGlError().c_str());
  std::printf("status line: %s\n", app.statusLine.c_str());
  fs::remove_all(folder);
  std::printf("%d passed, %d failed\n", checks - failures, failures);
  return failures == 0 ? 0 : 1;
}

}  // namespace optirace
