// Runs the optirace binary with arguments, its output discarded; returns its exit status.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <string>

namespace optirace {

inline int runCliQuietly(const std::string& args) {
  int raw = std::system((std::string(OPTIRACE_BINARY) + " " + args + " > /dev/null 2>&1").c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

}  // namespace optirace
