// libFuzzer target: the command line. The input is an argv vector, one argument per line, after
// "optirace"; `run`, `train`, `sweep`, `list` and `render` parse and validate it in full (every
// file it names read) and stop before computing, drawing or writing anything (cli::checkCommandLine;
// render's checks are GL-free, app/gui/render_options.cpp). Any vector must end in status 0
// (valid, or --help) or 2 (refused, with one message); anything else (another status, an
// exception escaping, a crash, a hang, a sanitizer report) is a finding.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/subcommand_registry.h"
#include "render_options.h"
#include "sweep_kernel.h"

namespace optirace {
// Link-time stand-ins for what a checked command never reaches: the sweep kernel (GCC-only
// variants, not built by clang here) and the shaders CMake embeds (the sweep picture's colour
// map). Reaching one is a finding.
void runSweepCellsFast(const SweepSpec&, int, int, SweepCell*, SweepIsa) {
  std::abort();
}
const char* embeddedShader(const char*) {
  std::abort();
}
namespace cli {
// `render` as the window's build registers it, its action only the checks (planRender).
void addOptionalCommands(CLI::App& app, std::function<int()>& action) {
  auto o = std::make_shared<RenderOptions>();
  addRenderCommand(app, *o)->callback([o, &action] {
    action = [o] {
      planRender(*o);
      return 0;
    };
  });
}
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
