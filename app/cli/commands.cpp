#include "commands.h"

#include <CLI/CLI.hpp>
#include <cstring>
#include <functional>
#include <iostream>
#include <stdexcept>

#include "list_command.h"
#include "run_command.h"
#include "scenario.h"
#include "subcommand_registry.h"
#include "sweep_command.h"
#include "train_command.h"

namespace optirace::cli {

bool isCommandLineInvocation(int argc, char** argv) {
  if (argc < 2) return false;
  for (const char* name : {"run", "train", "list", "render", "sweep", "--help", "-h"})
    if (std::strcmp(argv[1], name) == 0) return true;
  return false;
}

namespace {
bool checking = false;
}  // namespace

bool onlyChecking() {
  return checking;
}

int checkCommandLine(int argc, char** argv) {
  checking = true;
  int status = runCommandLine(argc, argv);
  checking = false;
  return status;
}

int runCommandLine(int argc, char** argv) {
  CLI::App app{"optirace: gradient-descent optimizers racing across 2-D loss surfaces"};
  app.require_subcommand(1);
  std::function<int()> action;
  addRunCommand(app, action);
  addTrainCommand(app, action);
  addListCommand(app, action);
  addSweepCommand(app, action);
  addOptionalCommands(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    std::cerr << "optirace: " << what << (what.empty() || what.back() != '\n' ? "\n" : "");
    return kExitBadInput;
  }
  try {
    return action ? action() : kExitBadInput;
  } catch (const InputError& e) {
    std::cerr << "optirace: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::invalid_argument& e) {
    std::cerr << "optirace: " << e.what() << "\n";
    return kExitBadInput;
  }
}

}  // namespace optirace::cli
