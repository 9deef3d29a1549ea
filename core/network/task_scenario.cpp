#include "task_scenario.h"

namespace optirace {

TaskSetup readTaskSetup(const Node& node) {
  node.expectObject({"name", "batch_size", "seed"});
  TaskSetup task;
  task.name = node.required("name").string();
  const TaskDef* def = findTask(task.name);
  if (!def)
    node.child("name").fail("unknown task '" + task.name + "' (valid: " + taskNameList() + ")");
  if (node.has("batch_size"))
    task.batchSize = static_cast<int>(node.child("batch_size").integer(1, def->data.samples));
  if (node.has("seed")) {
    if (!node.has("batch_size"))
      node.child("seed").fail("shuffles the mini-batches; give \"batch_size\" too");
    Node seed = node.child("seed");
    if (!seed.value().is_number_unsigned() &&
        !(seed.value().is_number_integer() && seed.value().get<long>() >= 0))
      seed.fail("must be a whole number >= 0");
    task.seed = seed.value().get<std::uint64_t>();
  }
  return task;
}

nlohmann::json taskSetupJson(const TaskSetup& task) {
  nlohmann::json out = {{"name", task.name}};
  if (task.batchSize > 0) out["batch_size"] = task.batchSize, out["seed"] = task.seed;
  return out;
}

TrainingSettings trainingSettingsOf(const TaskSetup& task) {
  return {.batchSize = task.batchSize, .seed = task.seed};
}

}  // namespace optirace
