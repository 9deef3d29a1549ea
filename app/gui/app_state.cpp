#include "app_state.h"

#include <stdexcept>

namespace optirace {

void AppState::restartRace() {
  try {
    race = std::make_unique<Race>(scenario);
  } catch (const std::invalid_argument& e) {
    report(std::string("cannot start the race: ") + e.what(), true);
  }
}

void AppState::setScenario(Scenario s) {
  scenario = std::move(s);
  camera = scenario.settings.view;
  selectedRacer = 0;
  playing = false;
  restartRace();
}

void AppState::report(std::string message, bool error) {
  statusLine = std::move(message);
  statusIsError = error;
}

}  // namespace optirace
