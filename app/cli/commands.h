// The command line: `optirace run|list|render|sweep`. Each returns the process exit status:
// 0 on success, 2 on bad input (after one line on stderr naming what is wrong).
#pragma once

namespace optirace::cli {

inline constexpr int kExitBadInput = 2;

// Whether argv names a subcommand (otherwise main starts the GUI).
bool isCommandLineInvocation(int argc, char** argv);
int runCommandLine(int argc, char** argv);

}  // namespace optirace::cli
