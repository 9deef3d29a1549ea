// `optirace render --out race.mp4|race.gif` end to end: decoded back with Debian's ffmpeg and
// stb_image, the frames are the race (first and last equal to the PNG export at the same
// steps), the GIF loops, the same scenario gives the same file, bad input and Ctrl-C leave
// nothing behind.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "gl_test_context.h"
#include "picture_difference.h"
#include "run_cli.h"
#include "scratch_folder.h"
#include "shell_tools.h"

namespace optirace {
namespace {

namespace fs = std::filesystem;

const std::string kScenario =
    std::string(OPTIRACE_SOURCE_DIR) + "/assets/presets/6_noisy_rosenbrock_race.json";

bool haveFfmpeg() {
  return std::system("ffmpeg -version > /dev/null 2>&1") == 0;
}

// Every frame of a video as full-range RGB, converted as the stream is tagged (BT.709,
// limited range), with swscale's exact rounding and full chroma interpolation (its fast
// defaults alone shift colours by 1–2 levels).
std::vector<RgbPicture> decodeFrames(const fs::path& video, int w, int h) {
  fs::path raw = scratchPath("frames.rgb");
  std::string command = "ffmpeg -v error -y -i " + video.string() +
                        " -vf scale=in_color_matrix=bt709:in_range=tv:out_range=pc:"
                        "flags=bilinear+accurate_rnd+full_chroma_int,format=rgb24"
                        " -f rawvideo " +
                        raw.string();
  if (std::system(command.c_str()) != 0) return {};
  std::string bytes = slurp(raw);
  std::size_t size = static_cast<std::size_t>(w) * h * 3;
  std::vector<RgbPicture> frames;
  for (std::size_t at = 0; at + size <= bytes.size(); at += size)
    frames.push_back(
        {w, h, std::vector<std::uint8_t>(bytes.begin() + at, bytes.begin() + at + size)});
  return frames;
}

std::string render(const std::string& args) {
  return "render --scenario " + kScenario + " --plot " + args;
}

// What a frame of the video is allowed to differ from the PNG by. H.264 at CRF 20 and the
// halved chroma of yuv420p blur colour across thin lines and text (1-px edges are where nearly
// all the difference is), so: a mean under 3 levels of 255 (1 %), and under 1 % of pixels
// off by more than a quarter of the range. A frame of the wrong step fails both: the paths
// and markers of a different step move thousands of pixels (checked below).
constexpr double kMp4MeanLevels = 3.0, kMp4FarShare = 0.01;

TEST(VideoExport, Mp4IsH264WithTheRacesFramesFirstToLast) {
  REQUIRE_DISPLAY();
  if (!haveFfmpeg()) GTEST_SKIP() << "ffmpeg (Debian's ffmpeg package) is not installed";
  fs::path video = scratchPath("race.mp4"), first = scratchPath("first.png"),
           middle = scratchPath("middle.png"), last = scratchPath("last.png");
  ASSERT_EQ(runCliQuietly(
                render("--width 640 --height 400 --fps 10 --duration 2 --out " + video.string())),
            0);
  EXPECT_FALSE(fs::exists(video.string() + ".partial"));
  std::string streams = commandOutput(
      "ffprobe -v error -select_streams v:0 -show_entries "
      "stream=codec_name,pix_fmt,width,height,color_space -of default=nw=1 " +
      video.string());
  EXPECT_NE(streams.find("codec_name=h264"), std::string::npos) << streams;
  EXPECT_NE(streams.find("pix_fmt=yuv420p"), std::string::npos) << streams;
  EXPECT_NE(streams.find("width=640"), std::string::npos) << streams;
  EXPECT_NE(streams.find("height=400"), std::string::npos) << streams;
  EXPECT_NE(streams.find("color_space=bt709"), std::string::npos) << streams;

  std::vector<RgbPicture> frames = decodeFrames(video, 640, 400);
  ASSERT_EQ(frames.size(), 30u);  // 2 s of race at 10 fps, then the 1 s hold
  // 2000 steps over 20 frames: frame 0 is step 0, frame 10 step floor(2000 · 10/19), frame 19
  // and the hold the last step.
  ASSERT_EQ(runCliQuietly(render("--width 640 --height 400 --at-step 0 --out " + first.string())),
            0);
  ASSERT_EQ(
      runCliQuietly(render("--width 640 --height 400 --at-step 1052 --out " + middle.string())), 0);
  ASSERT_EQ(runCliQuietly(render("--width 640 --height 400 --out " + last.string())), 0);
  for (auto [frame, png] : {std::pair{0, first}, {10, middle}, {19, last}, {29, last}}) {
    PictureDifference d = pictureDifference(frames[frame], loadPngRgb(png.string()));
    EXPECT_LT(d.mean, kMp4MeanLevels) << "frame " << frame;
    EXPECT_LT(d.farShare, kMp4FarShare) << "frame " << frame;
  }
  // The comparison can tell steps apart: the first frame is far from the last PNG.
  PictureDifference wrong = pictureDifference(frames[0], loadPngRgb(last.string()));
  EXPECT_GT(wrong.farShare, 2 * kMp4FarShare);
}

// The GIF's frames through stb_image: count, size, and the NETSCAPE2.0 extension with loop
// count 0 (forever).
TEST(VideoExport, GifLoopsForeverWithEveryFrame) {
  REQUIRE_DISPLAY();
  fs::path gif = scratchPath("race.gif"), last = scratchPath("last_gif.png");
  ASSERT_EQ(runCliQuietly(
                render("--width 400 --height 250 --fps 10 --duration 1.5 --out " + gif.string())),
            0);
  std::string bytes = slurp(gif);
  auto loop = bytes.find("NETSCAPE2.0");
  ASSERT_NE(loop, std::string::npos);
  ASSERT_GE(bytes.size(), loop + 16);
  EXPECT_EQ(bytes[loop + 11], 3);  // sub-block size
  EXPECT_EQ(bytes[loop + 12], 1);  // loop sub-block
  EXPECT_EQ(bytes[loop + 13], 0);  // count, little-endian: 0 = forever
  EXPECT_EQ(bytes[loop + 14], 0);
  int* delays = nullptr;
  int w = 0, h = 0, frames = 0, channels = 0;
  stbi_uc* pixels = stbi_load_gif_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                              static_cast<int>(bytes.size()), &delays, &w, &h,
                                              &frames, &channels, 3);
  ASSERT_NE(pixels, nullptr);
  EXPECT_EQ(w, 400);
  EXPECT_EQ(h, 250);
  EXPECT_EQ(frames, 15 + 10);
  EXPECT_EQ(delays[0], 100);  // 10 fps: 1/10 s a frame, in milliseconds
  // The last frame is the PNG export through a 256-colour palette and an ordered dither of
  // ±6 levels: a mean within 6 levels.
  ASSERT_EQ(runCliQuietly(render("--width 400 --height 250 --out " + last.string())), 0);
  std::size_t size = static_cast<std::size_t>(w) * h * 3;
  RgbPicture lastFrame{
      w, h, std::vector<std::uint8_t>(pixels + (frames - 1) * size, pixels + frames * size)};
  PictureDifference d = pictureDifference(lastFrame, loadPngRgb(last.string()));
  EXPECT_LT(d.mean, 6.0);
  EXPECT_LT(d.farShare, 0.01);
  stbi_image_free(pixels);
  stbi_image_free(delays);
}

TEST(VideoExport, TheSameScenarioMakesTheSameFile) {
  REQUIRE_DISPLAY();
  for (const char* ext : {".gif", ".mp4"}) {
    fs::path a = scratchPath(std::string("same_a") + ext),
             b = scratchPath(std::string("same_b") + ext);
    std::string size = " --width 320 --height 200 --fps 5 --duration 1 --out ";
    ASSERT_EQ(runCliQuietly(render(size + a.string())), 0);
    ASSERT_EQ(runCliQuietly(render(size + b.string())), 0);
    EXPECT_EQ(slurp(a), slurp(b)) << ext;
  }
}

TEST(VideoExport, BadInputExitsTwoAndLeavesNothing) {
  fs::path out = scratchPath("bad.mp4");
  std::string o = " --out " + out.string();
  for (std::string args :
       {"--fps 0" + o, "--fps 121" + o, "--fps x" + o, "--duration 0" + o, "--duration 1e9" + o,
        "--duration nan" + o, "--steps-per-frame 0" + o, "--duration 2 --steps-per-frame 5" + o,
        "--width 641" + o, "--at-step 5" + o,
        std::string("--out ") + scratchPath("bad.avi").string(),
        std::string("--out ") + scratchPath("bad").string(),
        "--fps 10 --out " + scratchPath("bad.png").string(),
        std::string("--out /nonexistent-folder/race.mp4")}) {
    EXPECT_EQ(runCliQuietly(render(args)), 2) << args;
    EXPECT_FALSE(fs::exists(out)) << args;
    EXPECT_FALSE(fs::exists(out.string() + ".partial")) << args;
  }
  EXPECT_FALSE(fs::exists(scratchPath("bad.avi")));
  EXPECT_FALSE(fs::exists(scratchPath("bad.png")));
}

TEST(VideoExport, CtrlCStopsAndLeavesNothing) {
  REQUIRE_DISPLAY();
  fs::path out = scratchPath("interrupted.mp4");
  fs::path partial = out.string() + ".partial";
  std::string scenario = kScenario, target = out.string();
  // Long enough (600 s of video) that it is still running when interrupted.
  const char* argv[] = {OPTIRACE_BINARY, "render",       "--scenario", scenario.c_str(), "--width",
                        "320",           "--height",     "200",        "--duration",     "600",
                        "--out",         target.c_str(), nullptr};
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, OPTIRACE_BINARY, nullptr, nullptr, const_cast<char**>(argv), environ),
            0);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!fs::exists(partial) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_TRUE(fs::exists(partial)) << "the export never started";
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(partial));
}

}  // namespace
}  // namespace optirace
