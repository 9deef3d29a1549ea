// --stress-test: the window under abuse, as a long lecture or a careless click might give it:
// a 1 × 1 and a 7680 × 4320 window, the smallest and largest UI scale, 64 racers, a 10⁷-step
// race, every racer diverged, saving where nothing can be written, closing during a sweep. Each
// must leave the app running with finite numbers on screen and no GL error.
#include <imgui.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "export_actions.h"
#include "gl_target.h"
#include "gui_benchmarks.h"
#include "settings_store.h"
// GLFW after epoxy (pulled in by gl_objects.h), so it does not include the system GL header.
#include <GLFW/glfw3.h>

namespace optirace {

namespace {
void resizeTo(GLFWwindow* window, int w, int h) {
  glfwSetWindowSize(window, w, h);
  for (int i = 0; i < 50; ++i) {  // the X server answers the resize in its own time
    glfwPollEvents();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(window, &fw, &fh);
    if (fw == w && fh == h) break;
    glfwWaitEventsTimeout(0.02);
  }
}

// Every kept point of every enabled racer finite, or the racer flagged diverged.
bool nothingNaNShown(const Race& race) {
  for (const Racer& r : race.racers()) {
    if (!r.spec().enabled) continue;
    for (const TrajectoryPoint& p : r.trajectory().points())
      if (!isFinite(p.w) && r.status() != RacerStatus::Diverged) return false;
  }
  return true;
}
}  // namespace

int stressTest(GLFWwindow* window, AppState& app, GuiResources& gui,
               const std::vector<Preset>& presets) {
  int checks = 0, failures = 0;
  auto check = [&](bool ok, const std::string& what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
    failures += !ok;
    ++checks;
  };
  auto frames = [&](int n) {
    int errors = 0;
    for (int i = 0; i < n; ++i) {
      runFrame(window, app, gui, presets);
      errors += nextGlError() != 0;
    }
    return errors == 0;
  };
  app.setScenario(presets[5].scenario);
  app.playing = true;
  // The step inspector open throughout, its arrows and the gradient field on the canvas.
  app.showInspector = true;
  app.arrows.field = true;

  // Window sizes: 1 × 1 (minimized by hand) and 7680 × 4320 (8K), the map and the 3-D view.
  for (bool threeD : {false, true}) {
    app.view3d.enabled = threeD;
    for (auto [w, h] : {std::pair{1, 1}, std::pair{7680, 4320}, std::pair{1600, 1000}}) {
      resizeTo(window, w, h);
      bool clean = frames(3);
      char what[96];
      std::snprintf(what, sizeof what, "a %d x %d window draws %s without a GL error", w, h,
                    threeD ? "in 3-D" : "the map");
      check(clean && !app.statusIsError, what);
    }
  }
  app.view3d.enabled = false;
  // The smallest and largest UI scale the window offers.
  for (float scale : {kMinUiScale, kMaxUiScale}) {
    app.settings.uiScale = scale;
    check(frames(3), "UI scale " + std::to_string(static_cast<int>(scale * 100)) + " % draws");
  }
  app.settings.uiScale = 1.0f;

  // 64 racers, playing.
  Scenario many = presets[5].scenario;
  while (many.racers.size() < 64) {
    RacerSpec r = many.racers[many.racers.size() % 3];
    r.colorRgb = paletteColor(many.racers.size());
    r.hyper.lr *= 1.0 + 0.01 * static_cast<double>(many.racers.size());
    many.racers.push_back(r);
  }
  app.setScenario(many);
  app.playing = true;
  app.stepsPerFrame = 50;
  check(frames(20) && app.race->racers().size() == 64 && nothingNaNShown(*app.race),
        "64 racers race and draw");

  // A 10⁷-step race: every step taken, drawn from the kept (thinned) trajectories.
  Scenario longRace = presets[5].scenario;
  longRace.racers.resize(2);
  longRace.steps = 10'000'000;
  app.setScenario(longRace);
  app.race->advance(longRace.steps);
  check(frames(3) && app.race->finished() && nothingNaNShown(*app.race),
        "a 10^7-step race finishes and draws");

  // Every racer diverged: SGD far above its stability limit on Rosenbrock.
  Scenario wild = presets[5].scenario;
  for (RacerSpec& r : wild.racers) {
    r.optimizer = "sgd";
    r.hyper = findOptimizer("sgd")->defaults;
    r.hyper.lr = 5.0;
  }
  app.setScenario(wild);
  app.race->advance(200);
  bool allDiverged = true;
  for (const Racer& r : app.race->racers()) allDiverged &= r.status() == RacerStatus::Diverged;
  check(allDiverged && frames(3) && nothingNaNShown(*app.race),
        "every racer diverged: drawn with their marks, no NaN");
  app.view3d.enabled = true;
  check(frames(3) && !app.statusIsError, "every racer diverged, in 3-D");
  app.view3d.enabled = false;

  // Saving where nothing can be written: an error shown, nothing written, the race kept.
  namespace fs = std::filesystem;
  fs::path missing = fs::temp_directory_path() / ("optirace-no-such-" + std::to_string(::getpid()));
  std::string title = app.scenario.title;
  check(!saveScenario(app, (missing / "race.json").string()) && app.statusIsError &&
            !fs::exists(missing) && app.scenario.title == title,
        "saving into a missing folder says so and writes nothing");
  app.settings.exportFolder = (missing / "shots").string();
  app.screenshotRequested = true;
  frames(2);
  check(app.statusIsError && !fs::exists(missing), "a screenshot into a missing folder says so");
  check(!loadScenario(app, (missing / "none.json").string()) && app.scenario.title == title,
        "loading a missing file keeps the race");
  // A malformed file and a 100 MB one (sparse: no disk used): refused, the race kept.
  fs::path bad = fs::temp_directory_path() / ("optirace-bad-" + std::to_string(::getpid()));
  { std::ofstream(bad) << R"({"version": 1, "surface": {"name": "rosen)"; }
  bool refused = !loadScenario(app, bad.string()) && app.statusIsError;
  check(refused && app.scenario.title == title,
        "loading a malformed file says so and keeps the race (" + app.statusLine + ")");
  fs::resize_file(bad, 100L << 20);
  refused = !loadScenario(app, bad.string()) && app.statusIsError;
  check(refused && app.scenario.title == title &&
            app.statusLine.find("100.0 MB") != std::string::npos,
        "loading a 100 MB file is refused by its size, the race kept (" + app.statusLine + ")");
  // Saving where no folder can be: under a regular file.
  check(!saveScenario(app, (bad / "race.json").string()) && app.statusIsError &&
            fs::file_size(bad) == (100u << 20),
        "saving under a file that is no folder says so and writes nothing");
  fs::remove(bad);

  // A vector figure into a missing folder, and of the 3-D view (which has none): said.
  app.vectorFigureRequested = ".pdf";
  frames(2);
  check(app.statusIsError && !fs::exists(missing),
        "a PDF into a missing folder says so (" + app.statusLine + ")");
  app.settings.exportFolder = fs::temp_directory_path().string();
  app.view3d.enabled = true;
  app.vectorFigureRequested = ".svg";
  frames(2);
  check(app.statusIsError && app.statusLine.find("3-D") != std::string::npos,
        "an SVG of the 3-D view says it has no vector form (" + app.statusLine + ")");
  app.view3d.enabled = false;
  app.settings.exportFolder = (missing / "shots").string();
  // Videos: into a missing folder (said, nothing made); cancelled (nothing left); and one
  // still being made when the window closes: tests/gl_tests.cmake checks afterwards that its
  // folder is empty (the partial file removed on the way out).
  app.videoRequested = true;
  frames(2);
  check(app.statusIsError && !app.video.running && !fs::exists(missing),
        "a video into a missing folder says so (" + app.statusLine + ")");
  fs::path videos = fs::path(configDirectory()) / "videos";
  fs::remove_all(videos);
  fs::create_directories(videos);
  app.settings.exportFolder = videos.string();
  app.settings.video = {.gif = false, .size = 0, .fps = 30, .seconds = kMaxVideoSeconds};
  app.videoRequested = true;
  frames(5);
  bool partial = fs::exists(videos / "optirace-0001.mp4.partial");
  check(app.video.running && partial, "a video is being made (" + app.statusLine + ")");
  app.videoCancelRequested = true;
  frames(1);
  check(!app.video.running && fs::is_empty(videos), "a cancelled video leaves nothing behind");
  app.videoRequested = true;
  frames(3);

  // Closing the window while a sweep runs: the workers are cancelled and joined on the way out
  // (the process must end promptly, with nothing leaked: the sanitizer build checks that).
  Scenario slow = presets[5].scenario;  // a noisy race: thousands of cells, none diverging
  slow.steps = 1'000'000;               // minutes of sweeping, were it not cancelled
  app.setScenario(slow);
  app.showSensitivity = true;
  gui.sensitivity.run(app, 1);
  frames(2);
  check(gui.sensitivity.running() && app.video.running,
        "a sweep and a video are running when the window closes (" + app.statusLine + ")");
  std::printf("%d passed, %d failed\n", checks - failures, failures);
  return failures == 0 ? 0 : 1;
}

}  // namespace optirace
