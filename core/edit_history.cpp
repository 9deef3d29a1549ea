#include "edit_history.h"

namespace optirace {

bool EditHistory::record(const Scenario& now) {
  std::string text = scenarioToJson(now);
  if (text == current_) return false;
  if (!current_.empty()) {
    undo_.push_back(std::move(current_));
    if (undo_.size() > kMaxSteps) undo_.erase(undo_.begin());
    redo_.clear();
  }
  current_ = std::move(text);
  return true;
}

std::optional<Scenario> EditHistory::undo() {
  if (undo_.empty()) return std::nullopt;
  redo_.push_back(std::move(current_));
  current_ = std::move(undo_.back());
  undo_.pop_back();
  return scenarioFromJson(current_);
}

std::optional<Scenario> EditHistory::redo() {
  if (redo_.empty()) return std::nullopt;
  undo_.push_back(std::move(current_));
  current_ = std::move(redo_.back());
  redo_.pop_back();
  return scenarioFromJson(current_);
}

}  // namespace optirace
