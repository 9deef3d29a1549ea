// A file picker for Load and Save: a modal window listing a folder (folders first, then the
// files with the wanted extension), a name field that still takes a typed path, OK and Cancel.
// Unreadable folders are said so in the window; nothing is created or deleted here.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace optirace {

class FileBrowser {
 public:
  enum class Purpose { LoadScenario, SaveScenario, SaveTrajectories };

  // Opens the picker at `path`'s folder with its file name filled in.
  void open(Purpose purpose, const std::string& path);
  bool isOpen() const { return open_; }
  // Draws the picker while it is open; returns the chosen path on the frame OK is pressed.
  std::optional<std::string> draw();
  Purpose purpose() const { return purpose_; }

 private:
  void list();
  bool saving() const { return purpose_ != Purpose::LoadScenario; }
  const char* extension() const { return purpose_ == Purpose::SaveTrajectories ? ".csv" : ".json"; }

  struct Entry {
    std::string name;
    bool folder;
  };
  bool open_ = false, justOpened_ = false;
  Purpose purpose_ = Purpose::LoadScenario;
  std::filesystem::path folder_;
  std::string name_;
  std::vector<Entry> entries_;
  std::string problem_;  // why the folder cannot be listed
};

}  // namespace optirace
