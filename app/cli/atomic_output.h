// Output that appears whole or not at all: a file is written beside its target and renamed
// over it on commit(), so a failed run never leaves a half-written CSV. An empty path means
// standard output.
#pragma once

#include <fstream>
#include <ostream>
#include <string>

namespace optirace::cli {

class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path);  // throws InputError when the file cannot be created
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  std::ostream& stream();
  void commit();  // throws InputError when the data could not be written

 private:
  std::string path_;
  std::string tempPath_;
  std::ofstream file_;
  bool committed_ = false;
};

}  // namespace optirace::cli
