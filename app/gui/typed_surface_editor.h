// The Scenario panel's editor of a surface typed as an expression: the formula in a text box
// (errors beside it with the column marked; the previous surface stays until the text is
// valid), its parameters' slider ranges, the view box where f* is searched, "fit to
// minimizers", and "edit as expression" for the built-in surfaces.
#pragma once

#include <map>
#include <string>
#include <utility>

namespace optirace {

struct AppState;

struct TypedEditorState {
  std::string text;     // what the box shows: the surface's text, or the user's unfinished one
  std::string error;    // why `text` is not the surface (empty: it is)
  int errorColumn = 0;  // 1-based, 0: not a position in the text
  // A valid text not yet made the surface: applied once typing pauses (each new surface is a
  // minimum search and a shader compile, which llvmpipe takes 0.15–2 s for), or on leaving the box.
  bool pending = false;
  double editedAt = 0.0;                                    // ImGui::GetTime() of the last edit
  std::map<std::string, std::pair<double, double>> ranges;  // each parameter's slider range
};

// Switches the scenario to its surface typed as an expression (a built-in's own, or text).
void switchToTypedSurface(AppState& app);

// The editor, for a typed surface; returns whether the scenario changed.
bool typedSurfaceEditor(AppState& app);

}  // namespace optirace
