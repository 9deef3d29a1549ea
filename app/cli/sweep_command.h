// `optirace sweep`: a hyperparameter (or start-point) grid to CSV and optionally PNG.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace optirace::cli {

CLI::App* addSweepCommand(CLI::App& app, std::function<int()>& action);

}  // namespace optirace::cli
