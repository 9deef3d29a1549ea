// libFuzzer target: the command line. The input is an argv vector, one argument per line, after
// "optirace"; `run`, `sweep` and `list` parse and validate it in full (every file it names read)
// and stop before computing or writing anything (cli::checkCommandLine). Any vector must end in
// status 0 (valid, or --help) or 2 (refused, with one message); anything else (another status,
// an exception escaping, a crash, a hang, a sanitizer report) is a finding. `render` is the
// window's command (GL) and is not built here.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/subcommand_registry.h"
#include "sweep_kernel.h"

namespace optirace {
// Link-time stand-ins for what a checked command never reaches: the sweep kernel (GCC-only
// variants, not built by clang here), the shaders CMake embeds (the sweep picture's colour map)
// and the window's commands. Reaching one is a finding.
void runSweepCellsFast(const SweepSpec&, int, int, SweepCell*, SweepIsa) {
  std::abort();
}
const char* embeddedShader(const char*) {
  std::abort();
}
SweepIsa bestSweepIsa() {
  std::abort();
}
const char* sweepIsaName(SweepIsa) {
  std::abort();
}
namespace cli {
void addOptionalCommands(CLI::App&, std::function<int()>&) {}
}  // namespace cli
}  // namespace optirace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args{"optirace"};
  std::string text(reinterpret_cast<const char*>(data), size), arg;
  for (char c : text) {
    if (c != '\n') {
      arg += c;
      continue;
    }
    args.push_back(arg);
    arg.clear();
    if (args.size() > 40) return 0;  // a command line of 40 arguments is plenty
  }
  if (!arg.empty()) args.push_back(arg);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int status = optirace::cli::checkCommandLine(static_cast<int>(args.size()), argv.data());
  if (status != 0 && status != optirace::cli::kExitBadInput) std::abort();
  return 0;
}
