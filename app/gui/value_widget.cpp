#include "value_widget.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "number_format.h"

namespace optirace {

namespace {
constexpr double kDecadesPerPixel = 0.004;    // ×1.0093 a pixel
constexpr double kRangePerPixel = 1.0 / 400;  // a linear range crossed in 400 px

// Ctrl+click: a field for an exact value, applied with Enter.
std::optional<double> typedValue(AppState& app, const char* label, double value,
                                 const ValueProblem& problem) {
  ImGuiIO& io = ImGui::GetIO();
  bool hovered = ImGui::IsItemHovered();
  if (hovered && io.KeyCtrl && ImGui::IsMouseClicked(0)) ImGui::OpenPopup("type");
  std::optional<double> result;
  if (ImGui::BeginPopup("type")) {
    static char buf[64];
    if (ImGui::IsWindowAppearing()) {
      std::snprintf(buf, sizeof buf, "%.17g", value);
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::Text("%s =", label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::InputText("##value", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue)) {
      std::optional<double> typed = parseFiniteDouble(buf);
      std::optional<std::string> why =
          typed ? problem(*typed) : std::string(label) + ": '" + buf + "' is not a number";
      if (why)
        app.report(*why + "; the value stays " + formatNumber(value), true);
      else
        result = typed;
      ImGui::CloseCurrentPopup();
    }
    ImGui::TextDisabled("Enter to apply, Esc to cancel");
    ImGui::EndPopup();
  }
  return result;
}
}  // namespace

std::optional<double> valueWidget(AppState& app, const char* label, double value,
                                  const ValueScale& scale, const ValueProblem& problem) {
  char shown[32];
  // No '%' in it: ImGui shows the text as it is.
  std::snprintf(shown, sizeof shown, scale.wholeNumbers ? "%.0f" : "%.4g", value);
  ImGuiSliderFlags flags = ImGuiSliderFlags_NoInput | ImGuiSliderFlags_AlwaysClamp;
  std::optional<double> result;
  ImGui::PushID(label);
  if (scale.logarithmic) {
    double t = std::log10(value), lo = std::log10(scale.lo), hi = std::log10(scale.hi);
    if (ImGui::DragScalar(label, ImGuiDataType_Double, &t, kDecadesPerPixel, &lo, &hi, shown,
                          flags))
      result = std::pow(10.0, t);
  } else {
    double speed = (scale.hi - scale.lo) * kRangePerPixel;
    if (ImGui::DragScalar(label, ImGuiDataType_Double, &value, speed, &scale.lo, &scale.hi, shown,
                          flags))
      result = value;
  }
  if (result && scale.wholeNumbers) result = std::round(*result);
  if (result && problem(*result)) result.reset();  // dragged onto an excluded end
  if (std::optional<double> typed = typedValue(app, label, value, problem)) result = typed;
  ImGui::PopID();
  return result;
}

}  // namespace optirace
