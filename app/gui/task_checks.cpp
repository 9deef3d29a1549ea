#include "task_checks.h"

#include <backends/imgui_impl_glfw.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "export_actions.h"
#include "network/task_pictures.h"
#include "network/task_sweep.h"
#include "network/training_csv.h"
#include "video_timeline.h"
// GLFW after epoxy (pulled in by gl_objects.h), so it does not include the system GL header.
#include <GLFW/glfw3.h>

namespace optirace {

namespace {
// Whether the window's pixel at `at` shows the picture there: each channel within the range of
// the picture's cells around that point (the picture is scaled up with linear filtering, so a
// pixel blends its neighbouring cells), give or take 2 levels.
bool showsPicture(const Image& window, PointF at, const RectPx& drawn, const TaskPicture& p) {
  int px = static_cast<int>(at.x), py = static_cast<int>(at.y);
  const std::uint8_t* shown = window.row(py) + std::size_t(px) * 4;
  int column = static_cast<int>((at.x - drawn.x) / drawn.w * p.width);
  int row = static_cast<int>((at.y - drawn.y) / drawn.h * p.height);
  for (int channel = 0; channel < 3; ++channel) {
    int lo = 255, hi = 0;
    for (int dr = -1; dr <= 1; ++dr)
      for (int dc = -1; dc <= 1; ++dc) {
        int r = std::clamp(row + dr, 0, p.height - 1), c = std::clamp(column + dc, 0, p.width - 1);
        int v = p.rgba[(std::size_t(r) * p.width + c) * 4 + channel];
        lo = std::min(lo, v), hi = std::max(hi, v);
      }
    if (shown[channel] < lo - 2 || shown[channel] > hi + 2) return false;
  }
  return true;
}

// A point of each racer's decision picture away from the data (XOR's four corners, the
// circle's scattered points): the picture's centre column, a quarter from the top, for XOR;
// for the circle the centre of the largest gap is not known, so several rows are tried.
bool boundariesShowTheNetworks(const Image& window, const AppState& app, const TaskViews& views) {
  const TaskRace& race = *app.taskRace;
  DenseNetwork network(race.task().shape, race.task().data);
  if (views.boundaryRects().size() != race.racers().size()) return false;
  for (std::size_t i = 0; i < race.racers().size(); ++i) {
    const RectPx& r = views.boundaryRects()[i];
    TaskPicture p = decisionPicture(network, race.weightsAt(int(i), race.shown()),
                                    race.task().inputView, 96, 96);
    int matches = 0;
    for (float f : {0.21f, 0.37f, 0.5f, 0.63f, 0.79f})
      matches += showsPicture(window, {r.x + r.w * 0.5f, r.y + r.h * f}, r, p);
    if (matches < 3) return false;  // a data point may cover one or two of them
  }
  return true;
}

bool sliceShowsTheLosses(const Image& window, const TaskViews& views) {
  const SliceView* s = views.slice();
  if (!s) return false;
  TaskPicture p = slicePicture(s->losses, s->columns, s->rows, s->levels);
  const RectPx& r = views.sliceRect();
  int matches = 0;
  for (float fx : {0.3f, 0.7f})
    for (float fy : {0.3f, 0.7f})
      matches += showsPicture(window, {r.x + r.w * fx, r.y + r.h * fy}, r, p);
  return matches >= 3;  // a path may cross one of them
}

std::string fileText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}
}  // namespace

void checkTaskMode(GLFWwindow* window, AppState& app, GuiResources& gui,
                   const std::vector<Preset>& presets, const CheckFn& check,
                   const std::filesystem::path& folder) {
  namespace fs = std::filesystem;
  auto frames = [&](int n) {
    for (int i = 0; i < n; ++i) runFrame(window, app, gui, presets);
  };
  auto capture = [&] {
    Image picture;
    gui.capture = &picture;
    frames(1);
    gui.capture = nullptr;
    return picture;
  };
  glfwSetCursorPos(window, 1, 1);  // no tooltip over the views
  gui.mouse.reset();
  ImGui_ImplGlfw_KeyCallback(window, GLFW_KEY_3, 0, GLFW_PRESS, GLFW_MOD_SHIFT);
  frames(1);
  ImGui_ImplGlfw_KeyCallback(window, GLFW_KEY_3, 0, GLFW_RELEASE, GLFW_MOD_SHIFT);
  frames(2);
  check(app.taskRace && !app.race && app.taskRace->racers().size() == 4 && app.scenario.task &&
            app.scenario.task->name == "xor",
        "Shift+3 opens the seed's XOR comparison: four racers training the network");
  if (!app.taskRace) return;
  check(boundariesShowTheNetworks(capture(), app, gui.taskViews),
        "the decision boundaries on the canvas are the networks' at epoch 0");
  check(sliceShowsTheLosses(capture(), gui.taskViews), "the slice on the canvas is core's losses");
  app.playing = true;
  frames(10);
  long played = app.taskRace->shown();
  check(played > 0 && played <= 10 * app.stepsPerFrame, "play trains on, epoch by epoch");
  app.playing = false;
  app.seekStep(2999);
  frames(2);
  check(app.taskRace->shown() == 2999 && boundariesShowTheNetworks(capture(), app, gui.taskViews),
        "seeking to epoch 2999 shows the networks trained that far");
  // The seed's table at row N − 1 (§27.5): the leaderboard's numbers are these rows.
  const double table[] = {0.124916, 0.002645, 0.000000, 0.000036};
  bool seedsTable = true;
  for (int i = 0; i < 4; ++i)
    seedsTable &= std::abs(app.taskRace->rowAt(i, 2999).loss - table[i]) < 5e-7;
  check(seedsTable, "at epoch 2999 the racers' losses are the seed's table");
  // A slider's change retrains every racer and keeps the epoch shown.
  const double seedLr = app.scenario.racers[3].hyper.lr;
  app.scenario.racers[3].hyper.lr = 0.02;
  app.edited();
  frames(2);
  check(app.taskRace->shown() == 2999 && app.taskRace->racers()[3].spec.hyper.lr == 0.02 &&
            boundariesShowTheNetworks(capture(), app, gui.taskViews),
        "a change of η retrains the racer and shows it at the same epoch");
  app.scenario.racers[3].hyper.lr = seedLr;
  app.edited();
  ImGui_ImplGlfw_KeyCallback(window, GLFW_KEY_R, 0, GLFW_PRESS, 0);
  frames(1);
  ImGui_ImplGlfw_KeyCallback(window, GLFW_KEY_R, 0, GLFW_RELEASE, 0);
  frames(1);
  check(app.taskRace->shown() == 0, "R returns to the shared initialisation");

  gui.taskViews.setSliceChoice(
      {.kind = SliceKind::NamedWeights, .firstWeight = 3, .secondWeight = 20});
  frames(2);
  const NetworkShape& shape = app.taskRace->task().shape;
  check(gui.taskViews.slice() &&
            gui.taskViews.slice()->plane.firstLabel == parameterName(shape, 3) &&
            sliceShowsTheLosses(capture(), gui.taskViews),
        "the slice along two named weights is drawn");
  gui.taskViews.setSliceChoice({.kind = SliceKind::RandomFilterNormalised});
  frames(2);
  check(gui.taskViews.slice() &&
            gui.taskViews.slice()->plane.kind == SliceKind::RandomFilterNormalised,
        "the slice along random filter-normalised directions is drawn");
  gui.taskViews.setSliceChoice({});
  frames(2);

  // F2: Exercise 27.4, the final loss against η for every racer, in the background.
  app.showSensitivity = true;
  gui.taskSweep.run(app);
  for (int i = 0; i < 3000 && gui.taskSweep.running(); ++i) frames(1);
  frames(2);
  const auto& sweep = gui.taskSweep.result();
  bool complete = sweep && sweep->finalLoss.size() == 4 && sweep->lrs.size() == 5;
  if (complete)  // Adam at η = 0.01 is the seed's row
    complete = std::abs(sweep->finalLoss[3][2] - table[3]) < 5e-7;
  check(complete, "the η sweep finishes in the background with the seed's Adam at η = 0.01");
  gui.taskSweep.setCsvPath((folder / "lr-sweep.csv").string());
  gui.taskSweep.save(app);
  frames(2);
  std::string sweepCsv = fileText(folder / "lr-sweep.csv");
  check(!app.statusIsError && fs::exists(folder / "lr-sweep.png") &&
            fs::file_size(folder / "lr-sweep.png") > 1000 &&
            sweepCsv.rfind("racer,lr,final_loss\n", 0) == 0 &&
            std::count(sweepCsv.begin(), sweepCsv.end(), '\n') == 1 + 4 * 5,
        ("Save writes the sweep's CSV (20 rows) and its plot as PNG (" + app.statusLine + ")")
            .c_str());
  app.showSensitivity = false;

  // Exports: the figure as PNG at the export size, the rows as CSV equal to `run --scenario`'s,
  // the figure as SVG.
  app.seekStep(500);
  app.screenshotRequested = true;
  frames(2);
  fs::path png;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".png" && !app.statusIsError &&
        app.statusLine.find(entry.path().filename().string()) != std::string::npos)
      png = entry.path();
  // The PNG's own size (its IHDR: width and height, big-endian, at bytes 16 and 20) is the one
  // the status line reports.
  std::string pngText = png.empty() ? std::string() : fileText(png);
  auto bigEndian = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t i = at; i < at + 4 && i < pngText.size(); ++i)
      v = v << 8 | static_cast<unsigned char>(pngText[i]);
    return v;
  };
  std::string size = pngText.size() > 24
                         ? std::to_string(bigEndian(16)) + "x" + std::to_string(bigEndian(20)) + ","
                         : "?";
  check(
      pngText.rfind("\x89PNG", 0) == 0 && app.statusLine.find(size) != std::string::npos,
      ("S saves the task's figure as PNG of the size it reports (" + app.statusLine + ")").c_str());
  fs::path csv = folder / "task.csv";
  saveTrajectoriesCsv(app, csv.string());
  std::ostringstream expected;
  writeTaskRaceCsv(app.scenario, 500, expected);
  check(fileText(csv) == expected.str() &&
            expected.str().rfind("epoch,loss,accuracy,racer\n", 0) == 0,
        "Save CSV writes every racer's rows to the epoch shown, as `run --scenario`");
  app.vectorFigureRequested = ".svg";
  frames(2);
  fs::path svg;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".svg") svg = entry.path();
  std::string svgText = svg.empty() ? std::string() : fileText(svg);
  check(!app.statusIsError && svgText.find("<svg") != std::string::npos &&
            svgText.find("<image") != std::string::npos,
        ("the task's figure as SVG, its two pictures embedded (" + app.statusLine + ")").c_str());

  // A video of the epochs, made between the window's frames: 1 s at 10 fps, then the hold.
  const VideoSettings video = app.settings.video;
  app.settings.video = {.gif = false, .size = 0, .fps = 10, .seconds = 1};
  app.videoRequested = true;
  frames(1);
  for (int frame = 0; frame < 400 && gui.video.running(); ++frame) frames(1);
  const long expectedFrames = timelineForDuration(app.scenario.steps, 10, 1).frames();
  check(!app.statusIsError &&
            app.statusLine.find(".mp4 (1280x720, " + std::to_string(expectedFrames) + " frames") !=
                std::string::npos,
        ("Video… makes the task's figure into an MP4 of its epochs (" + app.statusLine + ")")
            .c_str());
  app.settings.video = video;

  // Back to a surface: key 1.
  ImGui_ImplGlfw_KeyCallback(window, GLFW_KEY_1, 0, GLFW_PRESS, 0);
  frames(1);
  ImGui_ImplGlfw_KeyCallback(window, GLFW_KEY_1, 0, GLFW_RELEASE, 0);
  frames(2);
  check(app.race && !app.taskRace, "key 1 returns to a race on a surface");
}

}  // namespace optirace
