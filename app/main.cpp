// optirace: with a subcommand (run, list, render, sweep) it is a command-line tool; without,
// it opens the race window.
#include "cli/commands.h"
#include "gui_entry.h"

int main(int argc, char** argv) {
  if (optirace::cli::isCommandLineInvocation(argc, argv))
    return optirace::cli::runCommandLine(argc, argv);
  return optirace::runGui(argc, argv);
}
