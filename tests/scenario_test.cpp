// Scenario files: save → load is exact; every malformed field is reported by its JSON path.
#include "scenario.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "edit_history.h"
#include "scratch_folder.h"

namespace optirace {
namespace {

const char* kValid = R"({
  "version": 1,
  "surface": {"name": "rosenbrock", "params": {"a": 1, "b": 100}},
  "noise": {"sigma": 0.3, "seed": 1},
  "view": {"x": [-1.5, 1.5], "y": [-0.5, 1.5]},
  "threshold": 1e-4,
  "steps": 2000,
  "racers": [
    {"label": "SGD+Momentum", "optimizer": "momentum", "hyper": {"lr": 0.001, "beta1": 0.9},
     "start": [-1, 0.5], "color": "#e74c3c"},
    {"optimizer": "rmsprop", "hyper": {"lr": 0.005, "beta2": 0.9}, "start": [-1, 0.5]},
    {"optimizer": "adam", "hyper": {"lr": 0.01, "amsgrad": true}, "start": [-1, 0.5], "enabled": false}
  ]
})";

TEST(Scenario, LoadsEveryField) {
  Scenario s = scenarioFromJson(kValid);
  EXPECT_EQ(s.surface.name(), "rosenbrock");
  EXPECT_EQ(s.settings.noiseSigma, 0.3);
  EXPECT_EQ(s.settings.seed, 1u);
  EXPECT_EQ(s.settings.threshold, 1e-4);
  EXPECT_EQ(s.steps, 2000);
  ASSERT_EQ(s.racers.size(), 3u);
  EXPECT_EQ(s.racers[0].label, "SGD+Momentum");
  EXPECT_EQ(s.racers[0].colorRgb, 0xe74c3cu);
  // optional label: generated from the optimizer and what differs from its defaults
  EXPECT_EQ(s.racers[1].label, "RMSProp η=0.005 β₂=0.9");
  EXPECT_EQ(s.racers[1].hyper.beta2, 0.9);
  EXPECT_EQ(s.racers[1].hyper.eps, 1e-8);  // optional hyperparameter: the optimizer's default
  EXPECT_TRUE(s.racers[2].hyper.amsgrad);
  EXPECT_FALSE(s.racers[2].enabled);
}

TEST(Scenario, EmptyRaceIsRefused) {
  try {
    scenarioFromJson(R"({"version": 1, "surface": {"name": "saddle"}, "steps": 5, "racers": []})");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "$.racers: must be a non-empty array");
  }
}

TEST(Scenario, AFileBeyondTheSizeLimitIsRefusedUnread) {
  // A sparse file of 100 MB (no disk used): refused by its size, with the limit named.
  std::filesystem::path path = scratchPath("huge.json");
  { std::ofstream(path) << "{"; }
  std::filesystem::resize_file(path, 100L << 20);
  try {
    loadScenarioFile(path.string());
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              path.string() + ": a scenario file is at most 16 MB (this one is 100.0 MB)");
  }
  try {  // a device reports no size: read up to the limit, then refused
    loadScenarioFile("/dev/zero");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "/dev/zero: a scenario file is at most 16 MB (this one is larger)");
  }
  std::filesystem::resize_file(path, 16L << 20);  // at the limit: read, then refused
  try {                                           // for what it holds
    loadScenarioFile(path.string());
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()).find("MB"), std::string::npos) << e.what();
  }
}

TEST(Scenario, SaveThenLoadIsExact) {
  Scenario s = scenarioFromJson(kValid);
  s.racers[0].hyper.lr = 0.1 + 0.2;  // not representable in short decimal
  s.racers[1].start = {-1.0 / 3.0, 2.0 / 7.0};
  s.settings.view.xMin = -std::acos(-1.0);
  s.settings.seed = 18446744073709551615ull;
  Scenario back = scenarioFromJson(scenarioToJson(s));
  EXPECT_EQ(scenarioToJson(back), scenarioToJson(s));
  EXPECT_EQ(back.racers[0].hyper.lr, 0.1 + 0.2);
  EXPECT_EQ(back.racers[1].start, (Vec2{-1.0 / 3.0, 2.0 / 7.0}));
  EXPECT_EQ(back.settings.view.xMin, -std::acos(-1.0));
  EXPECT_EQ(back.settings.seed, 18446744073709551615ull);
  for (std::size_t i = 0; i < s.racers.size(); ++i)
    for (const HyperInfo& info : allHyperInfos())
      EXPECT_EQ(back.racers[i].hyper.get(info.id), s.racers[i].hyper.get(info.id)) << info.name;
}

struct Malformed {
  const char* name;
  const char* find;     // text replaced in kValid
  const char* replace;  // with this
  const char* message;  // expected in the error
};

void PrintTo(const Malformed& m, std::ostream* os) {
  *os << m.name;
}

class MalformedScenario : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedScenario, ReportsFirstProblemWithJsonPath) {
  const Malformed& m = GetParam();
  std::string text = kValid;
  auto at = text.find(m.find);
  ASSERT_NE(at, std::string::npos) << m.find;
  text.replace(at, std::string(m.find).size(), m.replace);
  try {
    scenarioFromJson(text);
    FAIL() << "accepted: " << m.name;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(m.message), std::string::npos)
        << "got: " << e.what() << "\nwanted: " << m.message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, MalformedScenario,
    ::testing::Values(
        Malformed{"not_json", "\"version\": 1,", "\"version\": 1,,", "$: not valid JSON"},
        Malformed{"version", "\"version\": 1", "\"version\": 2",
                  "$.version: unsupported version 2"},
        Malformed{"no_version", "\"version\": 1,", "", "$: missing required key 'version'"},
        Malformed{"unknown_key", "\"steps\": 2000", "\"stepz\": 2000", "$.stepz: unknown key"},
        Malformed{"surface_name", "\"rosenbrock\"", "\"banana\"",
                  "$.surface.name: unknown surface 'banana'"},
        Malformed{"surface_param", "\"b\": 100", "\"c\": 100",
                  "$.surface.params.c: rosenbrock has no parameter 'c'"},
        Malformed{"surface_range", "\"b\": 100", "\"b\": -5",
                  "$.surface.params.b: rosenbrock parameter b must be in [0"},
        Malformed{"sigma", "\"sigma\": 0.3", "\"sigma\": -1", "$.noise.sigma: must be >= 0"},
        Malformed{"seed", "\"seed\": 1", "\"seed\": 1.5",
                  "$.noise.seed: must be a whole number >= 0"},
        Malformed{"view", "\"x\": [-1.5, 1.5]", "\"x\": [1.5, -1.5]",
                  "$.view.x: must be [min, max]"},
        Malformed{"threshold", "\"threshold\": 1e-4", "\"threshold\": 0",
                  "$.threshold: must be > 0"},
        Malformed{"steps_text", "\"steps\": 2000", "\"steps\": \"many\"",
                  "$.steps: must be a whole number"},
        Malformed{"steps_range", "\"steps\": 2000", "\"steps\": -3",
                  "$.steps: must be in [0, 1000000000]"},
        Malformed{"optimizer", "\"rmsprop\"", "\"rmsprob\"",
                  "$.racers[1].optimizer: unknown optimizer 'rmsprob'"},
        Malformed{"lr", "\"lr\": 0.005", "\"lr\": -0.005",
                  "$.racers[1].hyper.lr: must satisfy lr > 0"},
        Malformed{"beta", "\"beta1\": 0.9", "\"beta1\": 1.0",
                  "$.racers[0].hyper.beta1: must satisfy 0 <= beta1 < 1"},
        Malformed{"unused", "\"beta2\": 0.9", "\"beta1\": 0.9",
                  "$.racers[1].hyper.beta1: rmsprop does not use beta1"},
        Malformed{"amsgrad", "\"amsgrad\": true", "\"amsgrad\": 1",
                  "$.racers[2].hyper.amsgrad: must be true or false"},
        Malformed{"start", "\"start\": [-1, 0.5]}", "\"start\": [-1]}",
                  "$.racers[1].start: must be a pair [x, y]"},
        Malformed{"no_start", "\"start\": [-1, 0.5], \"color\"", "\"color\"",
                  "$.racers[0]: missing required key 'start'"},
        Malformed{"color", "\"#e74c3c\"", "\"red\"",
                  "$.racers[0].color: must be a colour \"#rrggbb\""},
        Malformed{"enabled", "\"enabled\": false", "\"enabled\": \"no\"",
                  "$.racers[2].enabled: must be true or false"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace optirace

namespace optirace {
namespace {

TEST(EditHistory, UndoAndRedoReturnEachRecordedScenarioExactly) {
  EditHistory history;
  Scenario a = scenarioFromJson(kValid);
  EXPECT_TRUE(history.record(a));
  EXPECT_FALSE(history.record(a));  // unchanged: no new step
  EXPECT_FALSE(history.canUndo());
  Scenario b = a;
  b.racers[0].hyper.lr = 0.002;  // a slider
  EXPECT_TRUE(history.record(b));
  Scenario c = b;
  c.surface = Surface(*findSurface("himmelblau"));  // another surface
  EXPECT_TRUE(history.record(c));

  auto back = history.undo();
  ASSERT_TRUE(back);
  EXPECT_EQ(scenarioToJson(*back), scenarioToJson(b));
  back = history.undo();
  ASSERT_TRUE(back);
  EXPECT_EQ(scenarioToJson(*back), scenarioToJson(a));
  EXPECT_FALSE(history.undo());  // nothing before the first
  auto forward = history.redo();
  ASSERT_TRUE(forward);
  EXPECT_EQ(forward->racers[0].hyper.lr, 0.002);
  // A new edit after an undo drops what could be redone.
  Scenario d = *forward;
  d.steps = 5;
  EXPECT_TRUE(history.record(d));
  EXPECT_FALSE(history.canRedo());
  EXPECT_EQ(history.undo()->steps, b.steps);
}

}  // namespace
}  // namespace optirace
