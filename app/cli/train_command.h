// `optirace train`: one optimizer training a task's network (core/network/), written as CSV.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace optirace::cli {

CLI::App* addTrainCommand(CLI::App& app, std::function<int()>& action);

}  // namespace optirace::cli
