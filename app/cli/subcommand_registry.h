// Subcommands that exist only in some builds (`render` needs the renderer, `sweep` the sweep
// engine). Each build links exactly one definition of addOptionalCommands.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace optirace::cli {

void addOptionalCommands(CLI::App& app, std::function<int()>& action);

}  // namespace optirace::cli
