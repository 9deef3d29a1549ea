#include "atomic_output.h"

#include <cstdio>
#include <iostream>

#include "scenario.h"

namespace optirace::cli {

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  if (path_.empty()) return;
  tempPath_ = path_ + ".partial";
  file_.open(tempPath_, std::ios::binary | std::ios::trunc);
  if (!file_) throw InputError(path_ + ": cannot create the file");
}

AtomicOutput::~AtomicOutput() {
  if (!path_.empty() && !committed_) {
    file_.close();
    std::remove(tempPath_.c_str());
  }
}

std::ostream& AtomicOutput::stream() {
  return path_.empty() ? std::cout : file_;
}

void AtomicOutput::commit() {
  if (path_.empty()) {
    std::cout.flush();
    committed_ = true;
    return;
  }
  file_.flush();
  bool ok = static_cast<bool>(file_);
  file_.close();
  if (!ok || std::rename(tempPath_.c_str(), path_.c_str()) != 0)
    throw InputError(path_ + ": cannot write the file");
  committed_ = true;
}

}  // namespace optirace::cli
