// Helpers that keep text whole in narrow panels: rows of buttons that wrap instead of running
// past the edge, sliders that leave room for their labels, and text wrapped only at spaces (so
// "0.99" is never split into "0." and "99").
#pragma once

#include <imgui.h>

#include <initializer_list>
#include <string>

namespace optirace {

// The width of a button with this label.
float buttonWidth(const char* label);
// Call between items of a row: the next item (nextWidth px) goes on the same line when it fits
// there, otherwise on a new line.
void sameLineIfFits(float nextWidth);
// Pushes an item width that leaves room for the widest of these labels beside the widget
// (pop it with ImGui::PopItemWidth).
void pushWidthBesideLabels(std::initializer_list<const char*> labels);
void pushWidthBesideLabel(float labelWidth);
// Text wrapped to the available width at spaces only; a word wider than the width stands on a
// line of its own, shortened with "…".
void textWrappedAtSpaces(const std::string& text);
// The text, shortened at a whole character with "…" when it is wider than `width` px.
std::string fitWithEllipsis(const std::string& text, float width);

}  // namespace optirace
