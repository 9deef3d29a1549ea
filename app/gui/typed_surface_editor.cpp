#include "typed_surface_editor.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "app_state.h"
#include "expression/typed_surface.h"
#include "fit_text.h"
#include "value_widget.h"

namespace optirace {

namespace {

ImVec4 errorColour(const AppState& app) {
  return app.settings.lightTheme ? ImVec4(0.7f, 0.05f, 0.0f, 1) : ImVec4(1.0f, 0.45f, 0.4f, 1);
}

// The byte where character `column` (1-based, UTF-8 sequences as one) starts.
std::size_t byteOfColumn(const std::string& text, int column) {
  int seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++seen == column) return i;
  return text.size();
}

// The text around the error on one line, the character at the column on a red mark.
void markedExcerpt(const AppState& app, const std::string& text, int column) {
  std::size_t at = byteOfColumn(text, column);
  std::size_t from = at > 24 ? at - 24 : 0, to = std::min(text.size(), at + 24);
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  std::size_t end = at;
  if (end < text.size()) ++end;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  to = std::max(to, end);
  auto oneLine = [](std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
  };
  std::string before = (from > 0 ? "…" : "") + oneLine(text.substr(from, at - from));
  std::string mark = at < text.size() ? oneLine(text.substr(at, end - at)) : " ";
  std::string after = oneLine(text.substr(end, to - end)) + (to < text.size() ? "…" : "");
  ImGui::TextUnformatted(before.c_str());
  ImGui::SameLine(0, 0);
  ImVec2 p = ImGui::GetCursorScreenPos(), size = ImGui::CalcTextSize(mark.c_str());
  ImGui::GetWindowDrawList()->AddRectFilled(
      p, ImVec2(p.x + std::max(size.x, ImGui::GetFontSize() * 0.4f), p.y + size.y),
      ImGui::GetColorU32(errorColour(app)));
  ImGui::TextUnformatted(mark.c_str());
  ImGui::SameLine(0, 0);
  ImGui::TextUnformatted(after.c_str());
}

// The scenario with `surface`, its view the surface's search box.
void useSurface(AppState& app, Surface surface) {
  app.scenario.surface = std::move(surface);
  const ViewBox& view = app.scenario.surface.typed()->view;
  if (!(app.scenario.settings.view == view)) {
    app.scenario.settings.view = view;
    app.camera = view;
  }
}

// The seconds typing must pause before a valid text becomes the surface.
constexpr double kApplyAfterPause = 0.4;

bool textBox(AppState& app, TypedEditorState& editor) {
  const TypedDefinition& typed = *app.scenario.surface.typed();
  if (editor.error.empty() && !editor.pending) editor.text = typed.text;  // follows undo, loads
  // As many lines as the text has, from 2 to 8 (then it scrolls).
  float lines = static_cast<float>(
      std::clamp<long>(std::count(editor.text.begin(), editor.text.end(), '\n') + 1, 2, 8));
  lines += 0.3f;
  ImGui::TextDisabled("f(x, y) =");
  if (ImGui::InputTextMultiline(
          "##expression", &editor.text,
          ImVec2(-1, ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2))) {
    editor.editedAt = ImGui::GetTime();
    try {  // checked at once (fast), so an error shows while typing
      compileExpression(editor.text);
      editor.error.clear();
      editor.pending = editor.text != typed.text;
    } catch (const ExpressionError& e) {  // the previous surface stays on screen
      editor.error = e.what();
      editor.errorColumn = e.column();
      editor.pending = false;
    }
  }
  bool paused = ImGui::GetTime() - editor.editedAt >= kApplyAfterPause;
  if (!editor.pending || !(paused || ImGui::IsItemDeactivated())) return false;
  editor.pending = false;
  try {
    useSurface(app, retypedSurface(app.scenario.surface, editor.text));
    return true;
  } catch (const ExpressionError& e) {
    editor.error = e.what();
    editor.errorColumn = e.column();
    return false;
  }
}

void errorBeside(AppState& app, const TypedEditorState& editor) {
  if (editor.error.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, errorColour(app));
  textWrappedAtSpaces(editor.error);
  ImGui::PopStyleColor();
  if (editor.errorColumn > 0) markedExcerpt(app, editor.text, editor.errorColumn);
  ImGui::TextDisabled("(the surface shown is the last valid one)");
}

// A parameter's slider range: editable, by default a span around its value.
std::pair<double, double>& rangeOf(TypedEditorState& editor, const std::string& name,
                                   double value) {
  auto it = editor.ranges.find(name);
  if (it != editor.ranges.end()) return it->second;
  double span = std::max(10.0, 2.0 * std::abs(value));
  return editor.ranges[name] = {std::min(-span, value), std::max(span, value)};
}

bool parameterSliders(AppState& app, TypedEditorState& editor) {
  bool changed = false;
  const SurfaceDef& def = app.scenario.surface.def();
  for (std::size_t i = 0; i < def.params.size(); ++i) {
    std::string name(def.params[i].name);
    double value = app.scenario.surface.params()[i];
    auto& [lo, hi] = rangeOf(editor, name, value);
    auto finite = [name](double v) -> std::optional<std::string> {
      if (std::isfinite(v)) return std::nullopt;
      return name + " must be a finite number";
    };
    ImGui::PushID(static_cast<int>(i));
    if (auto v = valueWidget(app, name.c_str(), value, {lo, hi, false}, finite)) {
      app.scenario.surface.setParam(name, *v);
      changed = true;
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "a parameter of f; drag within %g … %g (Ctrl+click to type any value, "
          "right-click to change the slider's range)",
          lo, hi);
    if (ImGui::BeginPopupContextItem("range")) {
      double r[2] = {lo, hi};
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
      if (ImGui::InputScalarN("slider range", ImGuiDataType_Double, r, 2) && std::isfinite(r[0]) &&
          std::isfinite(r[1]) && r[0] < r[1])
        lo = r[0], hi = r[1];
      ImGui::EndPopup();
    }
    ImGui::PopID();
  }
  return changed;
}

// The view box where f* and the minimizers are searched (and the race's view).
bool viewBox(AppState& app) {
  const TypedDefinition& typed = *app.scenario.surface.typed();
  ViewBox v = typed.view;
  double xs[2] = {v.xMin, v.xMax}, ys[2] = {v.yMin, v.yMax};
  bool edited = ImGui::InputScalarN("x range", ImGuiDataType_Double, xs, 2, nullptr, nullptr,
                                    "%.4g", ImGuiInputTextFlags_EnterReturnsTrue);
  edited |= ImGui::InputScalarN("y range", ImGuiDataType_Double, ys, 2, nullptr, nullptr, "%.4g",
                                ImGuiInputTextFlags_EnterReturnsTrue);
  ViewBox next{xs[0], xs[1], ys[0], ys[1]};
  if (ImGui::Button("Fit to minimizers")) {
    std::vector<Vec2> m = app.scenario.surface.minimizers();
    if (!m.empty()) {
      double x0 = m[0].x, x1 = m[0].x, y0 = m[0].y, y1 = m[0].y;
      for (Vec2 p : m)
        x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y),
        y1 = std::max(y1, p.y);
      double padX = std::max(0.6 * (x1 - x0), 0.25 * v.width());
      double padY = std::max(0.6 * (y1 - y0), 0.25 * v.height());
      next = {x0 - padX, x1 + padX, y0 - padY, y1 + padY};
      edited = true;
    }
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("a view around the minimizers found");
  bool valid = std::isfinite(next.xMin) && std::isfinite(next.xMax) && next.xMin < next.xMax &&
               std::isfinite(next.yMin) && std::isfinite(next.yMax) && next.yMin < next.yMax;
  if (!edited || !valid || next == v) return false;
  TypedSurfaceSpec spec = specOf(app.scenario.surface);
  spec.view = next;
  useSurface(app, makeTypedSurface(spec));
  return true;
}

}  // namespace

void switchToTypedSurface(AppState& app) {
  if (app.scenario.surface.typed()) return;
  TypedSurfaceSpec spec = expressionOf(app.scenario.surface);
  spec.fMin.reset();  // found by the search, and searched again as the text changes
  spec.view = app.scenario.settings.view;
  useSurface(app, makeTypedSurface(spec));
}

bool typedSurfaceEditor(AppState& app) {
  TypedEditorState& editor = app.typedEditor;
  bool changed = textBox(app, editor);
  errorBeside(app, editor);
  changed |= parameterSliders(app, editor);
  changed |= viewBox(app);
  if (!app.scenario.surface.hasMinimum())
    textWrappedAtSpaces(
        "No minimum found in the view (f decreases out of it): the gap shown is "
        "f itself.");
  return changed;
}

}  // namespace optirace
