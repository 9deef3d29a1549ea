// Runs the optirace binary as a script would and reads what it wrote: the CLI tests' helpers.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace optirace {

namespace fs = std::filesystem;

struct Result {
  int status;
  std::string out, err;
};

inline std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline fs::path tempDir() {
  fs::path dir = fs::temp_directory_path() / ("optirace_cli_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

inline Result runCli(const std::string& args) {
  fs::path dir = tempDir();
  std::string cmd = std::string(OPTIRACE_BINARY) + " " + args + " > " + (dir / "out").string() +
                    " 2> " + (dir / "err").string() + " < /dev/null";
  int raw = std::system(cmd.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, readAll(dir / "out"), readAll(dir / "err")};
}

inline std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::stringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> cells;
    std::stringstream cs(line);
    for (std::string cell; std::getline(cs, cell, ',');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace optirace
