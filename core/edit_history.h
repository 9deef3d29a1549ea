// Undo and redo of scenario edits (presets, sliders, racers, surface). A scenario that differs
// from the last recorded one becomes one undo step; the window records once a frame while no
// widget is held, so a whole slider drag is one step. Scenarios are kept as their JSON text,
// which reads back exactly (scenario files' contract).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scenario.h"

namespace optirace {

class EditHistory {
 public:
  // Returns true when `now` differs from the last recorded scenario (a new undo step).
  bool record(const Scenario& now);
  // The scenario before the last step (or after, for redo); nothing when there is none.
  std::optional<Scenario> undo();
  std::optional<Scenario> redo();
  bool canUndo() const { return !undo_.empty(); }
  bool canRedo() const { return !redo_.empty(); }

 private:
  static constexpr std::size_t kMaxSteps = 200;
  std::vector<std::string> undo_, redo_;
  std::string current_;  // the last recorded scenario; empty before the first
};

}  // namespace optirace
