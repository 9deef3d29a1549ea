#include "list_command.h"

#include <algorithm>
#include <cmath>
#include <iostream>

#include "commands.h"
#include "expression/expression_tape.h"
#include "network/task.h"
#include "number_format.h"
#include "optimizer.h"
#include "race_words.h"
#include "surface.h"

namespace optirace::cli {

namespace {

std::string point(Vec2 p) {
  return "(" + shortNumber(p.x) + ", " + shortNumber(p.y) + ")";
}

void listSurfaces(std::ostream& out) {
  out << "surfaces:\n";
  for (const SurfaceDef* def : allSurfaces()) {
    Surface s(*def);
    out << "  " << def->name << "  f(x, y) = " << def->formula << "\n";
    for (const SurfaceParamDef& p : def->params)
      out << "      param " << p.name << " = " << shortNumber(p.defaultValue) << "  in ["
          << shortNumber(p.minValue) << ", " << shortNumber(p.maxValue) << "]  " << p.meaning
          << "\n";
    out << "      minimizers:";
    for (Vec2 m : s.minimizers()) out << " " << point(m);
    const ViewBox& v = def->defaultView;
    out << "\n      f* = " << shortNumber(s.minimumValue()) << "   view x in ["
        << shortNumber(v.xMin) << ", " << shortNumber(v.xMax) << "], y in [" << shortNumber(v.yMin)
        << ", " << shortNumber(v.yMax) << "]   start " << point(def->defaultStart) << "\n";
    out << "      as an expression: " << def->expression << "\n";
  }
  // Indented to sit under the surfaces they extend.
  out << "  expr:EXPRESSION[;name=value,...]  a surface typed as an expression in x and y:\n";
  std::string grammar = expressionGrammarText();
  for (std::size_t at = 0; at < grammar.size();) {
    std::size_t end = grammar.find('\n', at);
    if (end == std::string::npos) end = grammar.size();
    out << "      " << grammar.substr(at, end - at) << "\n";
    at = end + 1;
  }
  out << "      f* and the minimizers are searched in the view (x, y in [-2, 2] on the command\n"
         "      line; a scenario's surface may give \"view\" and \"f_min\").\n";
}

void listOptimizers(std::ostream& out) {
  out << "optimizers:\n";
  for (const OptimizerDef* def : allOptimizers()) {
    out << "  " << def->name << "  (" << def->title << ", weight decay "
        << (def->decay == DecayKind::Coupled ? "coupled L2" : "decoupled") << ")\n      defaults:";
    for (HyperId id : def->uses) {
      const HyperInfo& info = hyperInfo(id);
      out << " " << info.name << "="
          << (info.isFlag ? (def->defaults.get(id) != 0.0 ? "true" : "false")
                          : shortNumber(def->defaults.get(id)));
    }
    out << " (clip_norm: none)\n";
  }
  out << "hyperparameters:\n";
  for (const HyperInfo& info : allHyperInfos()) {
    out << "  " << info.name << " (" << info.symbol << ")  valid: " << info.range << "  "
        << info.role << "\n";
    if (!info.isFlag)
      out << "      " << (info.logarithmic ? "log" : "linear") << " scale; dragged over ["
          << shortNumber(info.dragLo) << ", " << shortNumber(info.dragHi)
          << "], swept by default over [" << shortNumber(info.sweepLo) << ", "
          << shortNumber(info.sweepHi) << "]\n";
  }
}

void listSchedules(std::ostream& out) {
  out << "schedules (--schedule NAME[:key=value,...]; step t uses k = t - 1):\n";
  for (const ScheduleInfo& info : allSchedules()) {
    out << "  " << info.name << "  (" << info.title << ")";
    for (const ScheduleParamUse& use : info.params)
      out << " " << scheduleParamInfo(use.param).name << "="
          << (std::isnan(use.defaultValue) ? std::string("required")
                                           : shortNumber(use.defaultValue));
    std::string formula(info.formula);
    std::replace(formula.begin(), formula.end(), '\n', ' ');
    out << "\n      " << formula << "\n";
  }
  for (const ScheduleParamInfo& info : allScheduleParams())
    out << "  " << info.name << "  valid: " << info.range << "  " << info.role << "\n";
}

void listTasks(std::ostream& out) {
  out << "tasks (optirace train --task NAME):\n";
  for (const TaskDef* task : allTasks()) {
    out << "  " << task->name << "  " << task->description << "\n      network";
    for (std::size_t l = 0; l < task->shape.layers.size(); ++l)
      out << (l ? "-" : " ") << task->shape.layers[l];
    out << " " << activationName(task->shape.activation) << ", " << task->shape.parameterCount()
        << " parameters, " << task->data.samples << " samples, loss (1/2m)·Σ(ŷ − y)²\n";
  }
}

}  // namespace

CLI::App* addListCommand(CLI::App& app, std::function<int()>& action) {
  CLI::App* list = app.add_subcommand(
      "list", "List surfaces, optimizers, schedules and tasks with their defaults");
  list->callback([&action] {
    action = [] {
      if (onlyChecking()) return 0;
      listSurfaces(std::cout);
      listOptimizers(std::cout);
      listSchedules(std::cout);
      listTasks(std::cout);
      return 0;
    };
  });
  return list;
}

}  // namespace optirace::cli
