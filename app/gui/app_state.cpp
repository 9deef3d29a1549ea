#include "app_state.h"

#include <algorithm>
#include <stdexcept>

#include "race_words.h"

namespace optirace {

void AppState::restartRace() {
  try {
    if (scenario.task) {
      taskRace = std::make_unique<TaskRace>(scenario);
      ++taskRaceVersion;
      race.reset();
    } else {
      race = std::make_unique<Race>(scenario);
      taskRace.reset();
    }
  } catch (const std::invalid_argument& e) {
    report(std::string("cannot start the race: ") + e.what(), true);
  } catch (const InputError& e) {
    report(std::string("cannot start the training: ") + e.what(), true);
  }
}

void AppState::seekStep(long k) {
  k = std::clamp(k, 0L, scenario.steps);
  if (taskRace) return taskRace->seek(k);  // every epoch is kept: no rerun
  if (!race) return;
  if (k < race->stepsTaken()) restartRace();
  if (race) race->advance(k - race->stepsTaken());
}

long AppState::stepShown() const {
  return taskRace ? taskRace->shown() : race ? race->stepsTaken() : 0;
}

void AppState::stepOn(long n) {
  if (taskRace) taskRace->advance(n);
  if (race) race->advance(n);
}

void AppState::backToStart() {
  playing = false;
  taskRace ? seekStep(0) : restartRace();
}

bool AppState::raceFinished() const {
  return taskRace ? taskRace->finished() : race ? race->finished() : true;
}

void AppState::edited() {
  for (RacerSpec& r : scenario.racers)
    if (r.labelIsGenerated) r.label = generatedLabel(r);
  if (!titleTypedByUser) {
    scenario.titleIsGenerated = true;
    scenario.title = generatedTitle(scenario);
  }
  clearError();  // the user moved on: a problem reported before no longer stands
  // A task's race is trained whole at once: its views stay at the epoch shown, so that a drag
  // of η shows the new boundaries and paths at the same point of training.
  long epoch = taskRace ? taskRace->shown() : 0;
  restartRace();
  if (taskRace) taskRace->seek(epoch);
}

void AppState::setScenario(Scenario s) {
  scenario = std::move(s);
  camera = scenario.settings.view;
  selectedRacer = 0;
  playing = false;
  titleTypedByUser = false;
  clearError();
  restartRace();
}

namespace {
void replaceKeepingCamera(AppState& app, Scenario s) {
  bool sameView = s.settings.view == app.scenario.settings.view;
  ViewBox camera = app.camera;
  int selected = app.selectedRacer;
  app.setScenario(std::move(s));
  if (sameView) app.camera = camera;
  app.selectedRacer = std::min<int>(selected, static_cast<int>(app.scenario.racers.size()) - 1);
  app.titleTypedByUser = !app.scenario.titleIsGenerated;
}
}  // namespace

void AppState::undo() {
  if (auto s = history.undo()) replaceKeepingCamera(*this, std::move(*s));
}

void AppState::redo() {
  if (auto s = history.redo()) replaceKeepingCamera(*this, std::move(*s));
}

void AppState::report(std::string message, bool error) {
  statusLine = std::move(message);
  statusIsError = error;
  errorDismissed = false;
}

float AppState::effectiveScale() const {
  return presenting ? std::min(3.0f, settings.uiScale * 1.5f) : settings.uiScale;
}

void AppState::clearError() {
  if (!statusIsError) return;
  statusLine.clear();
  statusIsError = false;
}

CanvasStyle AppState::canvasStyle() const {
  CanvasStyle style = settings.canvas;
  style.lightTheme = settings.lightTheme;
  style.arrows = arrows;
  style.arrows.shown = showInspector && arrows.shown;
  style.arrows.field = showInspector && arrows.field;
  style.arrows.racer = selectedRacer;
  style.view3d = view3d;
  return style;
}

}  // namespace optirace
