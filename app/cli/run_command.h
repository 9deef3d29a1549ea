// `optirace run`: one optimizer from one start, or a whole scenario, written as CSV.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace optirace::cli {

// Registers the subcommand; `action` is set to what runs it once parsing succeeded.
CLI::App* addRunCommand(CLI::App& app, std::function<int()>& action);

}  // namespace optirace::cli
