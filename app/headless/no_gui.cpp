// Built with -DOPTIRACE_BUILD_GUI=OFF: the command line only.
#include <iostream>

#include "cli/subcommand_registry.h"
#include "gui_entry.h"

namespace optirace {

int runGui(int, char**) {
  std::cerr << "optirace: this build has no window (configured with OPTIRACE_BUILD_GUI=OFF); "
               "use `optirace run` or `optirace list`\n";
  return 2;
}

}  // namespace optirace

namespace optirace::cli {
void addOptionalCommands(CLI::App&, std::function<int()>&) {}
}  // namespace optirace::cli
