// Files and commands for the tests that check what `optirace render` writes with Debian's own
// tools (ffprobe, pdftotext): read a file whole, run a command and read its output.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "scratch_folder.h"

namespace optirace {

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Whether `command` is on the PATH.
inline bool have(const char* command) {
  return std::system((std::string("command -v ") + command + " > /dev/null 2>&1").c_str()) == 0;
}

// What the command printed (stdout and stderr), or "(failed)" when it failed.
inline std::string commandOutput(const std::string& command) {
  std::filesystem::path out = scratchPath("command_output");
  if (std::system((command + " > " + out.string() + " 2>&1").c_str()) != 0) return "(failed)";
  return slurp(out);
}

// Whether Python's XML parser reads the file (true where there is no /usr/bin/python3).
inline bool wellFormedXml(const std::filesystem::path& path) {
  if (!have("/usr/bin/python3")) return true;
  return std::system(("/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; "
                      "E.parse(sys.argv[1])' " +
                      path.string())
                         .c_str()) == 0;
}

}  // namespace optirace
