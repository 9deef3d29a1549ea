// A scenario file's "task" (instead of "surface"): {"name", "batch_size", "seed"}, read with
// the JSON path of every problem, written back, and turned into training settings.
#pragma once

#include <nlohmann/json.hpp>

#include "../json_node.h"
#include "../scenario.h"
#include "training_run.h"

namespace optirace {

TaskSetup readTaskSetup(const Node& node);  // throws InputError naming the path
nlohmann::json taskSetupJson(const TaskSetup& task);
TrainingSettings trainingSettingsOf(const TaskSetup& task);

}  // namespace optirace
