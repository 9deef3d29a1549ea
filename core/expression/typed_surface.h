// A surface typed as an expression: its text, compiled tape and catalogue row, shared by every
// copy of the Surface made from it. The Surface holds the parameter values and the minimum
// search's result for them (core/surface.h).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../surface.h"
#include "expression_tape.h"

namespace optirace {

inline constexpr ViewBox kTypedDefaultView{-2.0, 2.0, -2.0, 2.0};
inline constexpr std::string_view kTypedSurfaceName = "expr";

struct TypedDefinition {
  std::string text;
  ExprTape tape;
  ViewBox view;                // where f* and the minimizers are searched
  std::optional<double> fMin;  // f* given by the user, instead of the search's
  SurfaceDef def;              // name "expr", formula the text, params the tape's
};

// What a typed surface is made from: the CLI's `expr:TEXT;a=1,b=2`, a scenario's surface object.
struct TypedSurfaceSpec {
  std::string text;
  std::vector<std::pair<std::string, double>> params;  // values given, by name
  std::optional<ViewBox> view;                         // default kTypedDefaultView
  std::optional<double> fMin;
};

// Compiles the text and sets the parameters. Throws ExpressionError: for a malformed text (its
// column), a parameter without a value (the column of its first use), a value for a name the
// text does not use (column 0).
Surface makeTypedSurface(const TypedSurfaceSpec& spec);

// The same surface made again from `text` with the values of `previous`'s parameters of the same
// names (new ones 1) and its view (f_min too when the text is the same: a given f* belongs to
// its text): what the window does when the text is edited.
Surface retypedSurface(const Surface& previous, const std::string& text);

// A built-in surface's definition as the text of an expression with its parameters as named
// parameters: "edit as expression", and the tests that hold the two equal.
TypedSurfaceSpec expressionOf(const Surface& builtIn);

// The spec a typed surface was made from, with its current parameter values.
TypedSurfaceSpec specOf(const Surface& typed);

}  // namespace optirace
