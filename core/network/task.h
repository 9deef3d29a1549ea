// Tasks: a network, a data set and a shared initialisation to train, next to the 2-D surfaces.
// The two of seed 003 §27.5 (XOR and the circle) with the 2-8-1 sigmoid network and the seed's
// initial weights, read from the embedded assets/tasks/seed003.json (scripts/make-task-data made
// it with NumPy's generators, exactly as the seed does).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../vec2.h"
#include "dense_network.h"

namespace optirace {

struct TaskDef {
  std::string_view name;         // CLI/JSON name: "xor", "circle"
  std::string_view title;        // "XOR", "Circle"
  std::string_view description;  // one line for the window and `list`
  NetworkShape shape;
  Dataset data;
  std::vector<double> initialParams;  // shape.parameterCount() values, get_params() order
  ViewBox inputView;                  // the input plane the decision boundary is drawn over
};

const std::vector<const TaskDef*>& allTasks();
const TaskDef* findTask(std::string_view name);
std::string taskNameList();  // "xor, circle"

}  // namespace optirace
