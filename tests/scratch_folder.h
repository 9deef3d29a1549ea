// A folder of the test process's own for files a test writes (ctest -j runs test processes in
// parallel, so fixed /tmp names would collide), removed when the process ends.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace optirace {

inline std::filesystem::path scratchPath(const std::string& name) {
  namespace fs = std::filesystem;
  static struct Folder {
    fs::path path = fs::temp_directory_path() / ("optirace-test-" + std::to_string(::getpid()));
    Folder() { fs::create_directories(path); }
    ~Folder() {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
  } folder;
  return folder.path / name;
}

}  // namespace optirace
