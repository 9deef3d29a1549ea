// `optirace list`: every surface and optimizer with its parameters and defaults.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace optirace::cli {

CLI::App* addListCommand(CLI::App& app, std::function<int()>& action);

}  // namespace optirace::cli
