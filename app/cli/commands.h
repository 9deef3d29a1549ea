// The command line: `optirace run|list|render|sweep`. Each returns the process exit status:
// 0 on success, 2 on bad input (after one line on stderr naming what is wrong).
#pragma once

namespace optirace::cli {

inline constexpr int kExitBadInput = 2;

// Whether argv names a subcommand (otherwise main starts the GUI).
bool isCommandLineInvocation(int argc, char** argv);
int runCommandLine(int argc, char** argv);

// The same parsing and validation, every file named read, but nothing run and nothing written:
// the argv fuzz target (fuzz/argv_fuzzer.cpp). Each command checks onlyChecking() once its
// input is validated, before it computes or writes anything.
int checkCommandLine(int argc, char** argv);
bool onlyChecking();

}  // namespace optirace::cli
