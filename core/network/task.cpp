#include "task.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "embedded_file.h"

namespace optirace {
namespace {

using nlohmann::json;

const json& seedData() {
  static const json data = [] {
    for (const EmbeddedFile& f : embeddedTaskFiles())
      if (std::string_view(f.name) == "seed003.json") return json::parse(f.text);
    throw std::logic_error("assets/tasks/seed003.json was not embedded");
  }();
  return data;
}

Dataset datasetOf(const json& task) {
  const json& inputs = task.at("inputs");
  Dataset d;
  d.features = static_cast<int>(inputs.size());
  d.samples = static_cast<int>(inputs.at(0).size());
  d.outputs = 1;
  for (const json& row : inputs)
    for (const json& x : row) d.inputs.push_back(x.get<double>());
  for (const json& y : task.at("targets")) d.targets.push_back(y.get<double>());
  return d;
}

// W₀, b₀, W₁, b₁, … as the seed's get_params() lists them.
std::vector<double> initialParamsOf(const json& initial) {
  std::vector<double> params;
  const json& weights = initial.at("weights");
  const json& biases = initial.at("biases");
  for (std::size_t l = 0; l < weights.size(); ++l) {
    for (const json& row : weights[l])
      for (const json& w : row) params.push_back(w.get<double>());
    for (const json& b : biases[l]) params.push_back(b.get<double>());
  }
  return params;
}

TaskDef makeTask(std::string_view name, std::string_view title, std::string_view description,
                 ViewBox view) {
  const json& data = seedData();
  return TaskDef{
      .name = name,
      .title = title,
      .description = description,
      .shape = {data.at("layers").get<std::vector<int>>(), Activation::Sigmoid},
      .data = datasetOf(data.at("tasks").at(std::string(name))),
      .initialParams = initialParamsOf(data.at("initial")),
      .inputView = view,
  };
}

}  // namespace

const std::vector<const TaskDef*>& allTasks() {
  static const TaskDef xorTask =
      makeTask("xor", "XOR", "2-8-1 sigmoid network on XOR's four points (seed 003 §27.5)",
               {-0.5, 1.5, -0.5, 1.5});
  static const TaskDef circleTask =
      makeTask("circle", "Circle",
               "2-8-1 sigmoid network on 300 points labelled inside r = 0.5 (seed 003 §27.5)",
               {-1.0, 1.0, -1.0, 1.0});
  static const std::vector<const TaskDef*> tasks{&xorTask, &circleTask};
  return tasks;
}

const TaskDef* findTask(std::string_view name) {
  for (const TaskDef* t : allTasks())
    if (t->name == name) return t;
  return nullptr;
}

std::string taskNameList() {
  std::string list;
  for (const TaskDef* t : allTasks()) list += (list.empty() ? "" : ", ") + std::string(t->name);
  return list;
}

}  // namespace optirace
