// Scenario files: versioned JSON, validated field by field. Every problem is reported with the
// JSON path of the offending value, and nothing is filled in silently except the documented
// optional fields (see README: "Scenario files").
#include <cmath>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <sstream>

#include "expression/typed_surface.h"
#include "json_node.h"
#include "network/task_scenario.h"
#include "number_format.h"
#include "race_words.h"
#include "scenario.h"

namespace optirace {

using nlohmann::json;

namespace {

std::optional<std::uint32_t> parseColor(const std::string& s) {
  if (s.size() != 7 || s[0] != '#') return std::nullopt;
  std::uint32_t rgb = 0;
  for (std::size_t i = 1; i < 7; ++i) {
    char c = s[i];
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
    if (digit < 0) return std::nullopt;
    rgb = rgb * 16 + static_cast<std::uint32_t>(digit);
  }
  return rgb;
}

std::string usedHyperList(const OptimizerDef& def) {
  std::string list;
  for (HyperId id : def.uses) list += (list.empty() ? "" : ", ") + std::string(hyperInfo(id).name);
  return list;
}

ViewBox readView(const Node& node) {
  node.expectObject({"x", "y"});
  Vec2 x = node.required("x").point(), y = node.required("y").point();
  if (!(x.x < x.y)) node.child("x").fail("must be [min, max] with min < max");
  if (!(y.x < y.y)) node.child("y").fail("must be [min, max] with min < max");
  return {x.x, x.y, y.x, y.y};
}

// A surface typed as an expression: {"expr", "params", "view", "f_min"} (ENGINE.md).
Surface readTypedSurface(const Node& node) {
  node.expectObject({"expr", "params", "view", "f_min"});
  TypedSurfaceSpec spec;
  spec.text = node.required("expr").string();
  node.forEachMember("params", [&](const std::string& key, const Node& p) {
    spec.params.push_back({key, p.number()});
  });
  if (node.has("view")) spec.view = readView(node.child("view"));
  if (node.has("f_min")) spec.fMin = node.child("f_min").number();
  try {
    return makeTypedSurface(spec);
  } catch (const ExpressionError& e) {  // column 0: a parameter's value, not the text
    (e.column() == 0 && node.has("params") ? node.child("params") : node.child("expr"))
        .fail(e.what());
  }
}

Surface readSurface(const Node& node) {
  if (node.has("expr")) return readTypedSurface(node);
  node.expectObject({"name", "params"});
  std::string name = node.required("name").string();
  const SurfaceDef* def = findSurface(name);
  if (!def)
    node.child("name").fail("unknown surface '" + name + "' (valid: " + surfaceNameList() +
                            ", or an object with \"expr\")");
  Surface surface(*def);
  node.forEachMember("params", [&](const std::string& key, const Node& p) {
    if (auto error = surface.setParam(key, p.number())) p.fail(*error);
  });
  return surface;
}

Schedule readSchedule(const Node& node) {
  node.expectObject({"name", "params"});
  std::string name = node.required("name").string();
  const ScheduleInfo* info = findSchedule(name);
  if (!info)
    node.child("name").fail("unknown schedule '" + name + "' (valid: " + scheduleNameList() + ")");
  Schedule schedule;
  schedule.kind = info->kind;
  node.forEachMember("params", [&](const std::string& key, const Node& p) {
    auto param = scheduleParamByName(key);
    if (!param || !schedule.takes(*param))
      p.fail(name + " takes no such parameter (it takes " + scheduleParamList(*info) + ")");
    double v = p.number();
    if (!scheduleValueValid(*param, v))
      p.fail("must satisfy " + std::string(scheduleParamInfo(*param).range) + " (got " +
             formatNumber(v) + ")");
    schedule.set(*param, v);
  });
  if (auto problem = validateSchedule(schedule)) node.fail(*problem);
  return schedule;
}

// A task's racers have no start: they all begin at the task's shared initial weights.
RacerSpec readRacer(const Node& node, std::size_t index, bool forTask) {
  node.expectObject({"label", "optimizer", "hyper", "schedule", "start", "color", "enabled"});
  RacerSpec spec;
  spec.optimizer = node.required("optimizer").string();
  const OptimizerDef* def = findOptimizer(spec.optimizer);
  if (!def)
    node.child("optimizer")
        .fail("unknown optimizer '" + spec.optimizer + "' (valid: " + optimizerNameList() + ")");
  spec.hyper = def->defaults;
  node.forEachMember("hyper", [&](const std::string& key, const Node& h) {
    auto id = hyperIdByName(key);
    if (!id) h.fail("unknown hyperparameter (valid: " + usedHyperList(*def) + ")");
    if (!def->usesHyper(*id))
      h.fail(spec.optimizer + " does not use " + key + " (it uses " + usedHyperList(*def) + ")");
    double v = hyperInfo(*id).isFlag ? (h.boolean() ? 1.0 : 0.0) : h.number();
    if (!hyperValueValid(*id, v))
      h.fail(std::string("must satisfy ") + std::string(hyperInfo(*id).range) + " (got " +
             formatNumber(v) + ")");
    spec.hyper.set(*id, v);
  });
  if (node.has("schedule")) spec.schedule = readSchedule(node.child("schedule"));
  if (forTask && node.has("start"))
    node.child("start").fail("a task's racers all start from its shared initial weights");
  if (!forTask) spec.start = node.required("start").point();
  spec.labelIsGenerated = !node.has("label");
  spec.label = spec.labelIsGenerated ? generatedLabel(spec) : node.child("label").string();
  spec.colorRgb = paletteColor(index);
  if (node.has("color")) {
    std::string text = node.child("color").string();
    auto rgb = parseColor(text);
    if (!rgb) node.child("color").fail("must be a colour \"#rrggbb\" (got \"" + text + "\")");
    spec.colorRgb = *rgb;
  }
  if (node.has("enabled")) spec.enabled = node.child("enabled").boolean();
  return spec;
}

}  // namespace

std::uint32_t paletteColor(std::size_t index) {
  // Okabe & Ito's colour-blind-safe set, most distinct first (yellow last: weak on light themes).
  static constexpr std::uint32_t kPalette[] = {0xD55E00, 0x0072B2, 0x009E73, 0xCC79A7,
                                               0xE69F00, 0x56B4E9, 0xF0E442, 0x000000};
  return kPalette[index % std::size(kPalette)];
}

std::string formatColor(std::uint32_t rgb) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(rgb & 0xFFFFFF));
  return buf;
}

Scenario scenarioFromJson(const std::string& text) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {  // a syntax error, or a number beyond double's range
    throw InputError(std::string("$: not valid JSON: ") + e.what());
  }
  Node root(doc, "$");
  root.expectObject({"format", "version", "title", "surface", "task", "noise", "view", "threshold",
                     "steps", "racers"});
  if (root.has("format") && root.child("format").string() != "optirace-scenario")
    root.child("format").fail("must be \"optirace-scenario\"");
  long version = root.required("version").integer(0, 1'000'000);
  if (version != kScenarioVersion)
    root.child("version").fail("unsupported version " + std::to_string(version) +
                               " (this optirace reads version " + std::to_string(kScenarioVersion) +
                               ")");

  Scenario s;
  if (root.has("title")) s.title = root.child("title").string();
  if (root.has("task")) {
    if (root.has("surface")) root.fail("give \"surface\" or \"task\", not both");
    for (const char* key : {"noise", "view"})
      if (root.has(key))
        root.child(key).fail("a task's scenario has none (its data and mini-batches set it)");
    s.task = readTaskSetup(root.child("task"));
  } else {
    s.surface = readSurface(root.required("surface"));
    s.settings.view = s.surface.def().defaultView;
  }
  if (root.has("noise")) {
    Node noise = root.child("noise");
    noise.expectObject({"sigma", "seed"});
    if (noise.has("sigma")) {
      s.settings.noiseSigma = noise.child("sigma").number();
      if (s.settings.noiseSigma < 0.0) noise.child("sigma").fail("must be >= 0");
    }
    if (noise.has("seed")) {
      Node seed = noise.child("seed");
      if (!seed.value().is_number_unsigned() &&
          !(seed.value().is_number_integer() && seed.value().get<long>() >= 0))
        seed.fail("must be a whole number >= 0");
      s.settings.seed = seed.value().get<std::uint64_t>();
    }
  }
  if (root.has("view")) s.settings.view = readView(root.child("view"));
  if (root.has("threshold")) {
    s.settings.threshold = root.child("threshold").number();
    if (!(s.settings.threshold > 0.0)) root.child("threshold").fail("must be > 0");
  }
  s.steps = root.required("steps").integer(0, kMaxSteps);
  Node racers = root.required("racers");
  if (!racers.value().is_array() || racers.value().empty())
    racers.fail("must be a non-empty array");
  for (std::size_t i = 0; i < racers.value().size(); ++i)
    s.racers.push_back(readRacer(racers.element(i), i, s.task.has_value()));
  s.titleIsGenerated = !root.has("title");
  if (s.titleIsGenerated) s.title = generatedTitle(s);
  return s;
}

namespace {
json surfaceJson(const Surface& surface) {
  const SurfaceDef& def = surface.def();
  json params = json::object();
  for (std::size_t i = 0; i < def.params.size(); ++i)
    params[std::string(def.params[i].name)] = surface.params()[i];
  const TypedDefinition* typed = surface.typed();
  if (!typed) return {{"name", std::string(def.name)}, {"params", params}};
  const ViewBox& v = typed->view;
  json out = {{"expr", typed->text},
              {"params", params},
              {"view", {{"x", {v.xMin, v.xMax}}, {"y", {v.yMin, v.yMax}}}}};
  if (typed->fMin) out["f_min"] = *typed->fMin;
  return out;
}
}  // namespace

std::string scenarioToJson(const Scenario& s) {
  json racers = json::array();
  for (const RacerSpec& r : s.racers) {
    json hyper = json::object();
    if (const OptimizerDef* opt = findOptimizer(r.optimizer))
      for (HyperId id : opt->uses) {
        if (hyperInfo(id).isFlag)
          hyper[std::string(hyperInfo(id).name)] = r.hyper.get(id) != 0.0;
        else
          hyper[std::string(hyperInfo(id).name)] = r.hyper.get(id);
      }
    if (r.hyper.clips()) hyper["clip_norm"] = r.hyper.clipNorm;
    json racer = {{"optimizer", r.optimizer},
                  {"hyper", hyper},
                  {"color", formatColor(r.colorRgb)},
                  {"enabled", r.enabled}};
    if (!s.task) racer["start"] = {r.start.x, r.start.y};
    if (!r.labelIsGenerated) racer["label"] = r.label;  // absent: generated again on reading
    if (!r.schedule.isConstant()) {
      json params = json::object();
      for (const ScheduleParamUse& use : scheduleInfo(r.schedule.kind).params)
        params[std::string(scheduleParamInfo(use.param).name)] = r.schedule.value(use.param);
      racer["schedule"] = {{"name", std::string(scheduleInfo(r.schedule.kind).name)},
                           {"params", params}};
    }
    racers.push_back(racer);
  }
  const ViewBox& v = s.settings.view;
  json doc = {{"format", "optirace-scenario"},
              {"version", kScenarioVersion},
              {"surface", surfaceJson(s.surface)},
              {"noise", {{"sigma", s.settings.noiseSigma}, {"seed", s.settings.seed}}},
              {"view", {{"x", {v.xMin, v.xMax}}, {"y", {v.yMin, v.yMax}}}},
              {"threshold", s.settings.threshold},
              {"steps", s.steps},
              {"racers", racers}};
  if (s.task) {  // no surface, noise or view
    for (const char* key : {"surface", "noise", "view"}) doc.erase(key);
    doc["task"] = taskSetupJson(*s.task);
  }
  if (!s.titleIsGenerated) doc["title"] = s.title;  // absent: generated again on reading
  return doc.dump(2) + "\n";
}

Scenario loadScenarioFile(const std::string& path) {
  constexpr long kMaxScenarioBytes = 16L << 20;
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw InputError(path + ": cannot open the scenario file");
  auto tooLarge = [&](const std::string& size) {
    return InputError(path + ": a scenario file is at most " +
                      std::to_string(kMaxScenarioBytes >> 20) + " MB (this one is " + size + ")");
  };
  long bytes = static_cast<long>(in.tellg());
  if (bytes > kMaxScenarioBytes) {
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MB", bytes / 1048576.0);
    throw tooLarge(size);
  }
  // Read up to one byte past the limit: a device or a pipe (/dev/zero) reports no size.
  in.clear();
  in.seekg(0);
  std::string text;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<size_t>(in.gcount()));
    if (static_cast<long>(text.size()) > kMaxScenarioBytes) throw tooLarge("larger");
  }
  try {
    return scenarioFromJson(text);
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
}

void saveScenarioFile(const Scenario& scenario, const std::string& path) {
  std::string text = scenarioToJson(scenario);
  std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out || !(out << text) || !out.flush()) {
      std::remove(temp.c_str());
      throw InputError(path + ": cannot write the scenario file");
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    throw InputError(path + ": cannot write the scenario file");
  }
}

Scenario defaultScenario(const SurfaceDef& surface, const std::vector<std::string>& optimizers) {
  Scenario s;
  s.surface = Surface(surface);
  s.settings.view = surface.defaultView;
  for (std::size_t i = 0; i < optimizers.size(); ++i) {
    const OptimizerDef* def = findOptimizer(optimizers[i]);
    if (!def) continue;
    RacerSpec r{std::string(def->title),
                std::string(def->name),
                def->defaults,
                surface.defaultStart,
                paletteColor(i),
                true,
                true};
    r.label = generatedLabel(r);
    s.racers.push_back(r);
  }
  return s;
}

}  // namespace optirace
