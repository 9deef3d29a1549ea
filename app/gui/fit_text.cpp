#include "fit_text.h"

#include <algorithm>

#include "ellipsis.h"

namespace optirace {

float buttonWidth(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void sameLineIfFits(float nextWidth) {
  float spacing = ImGui::GetStyle().ItemSpacing.x;
  float lineEnd = ImGui::GetItemRectMax().x + spacing + nextWidth;
  float edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (lineEnd <= edge) ImGui::SameLine();
}

void pushWidthBesideLabel(float labelWidth) {
  float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
  float avail = ImGui::GetContentRegionAvail().x;
  // At least six characters' room for the value inside the widget.
  float width = std::max(avail - labelWidth - spacing, ImGui::GetFontSize() * 4);
  ImGui::PushItemWidth(width);
}

void pushWidthBesideLabels(std::initializer_list<const char*> labels) {
  float widest = 0;
  for (const char* l : labels) widest = std::max(widest, ImGui::CalcTextSize(l, nullptr, true).x);
  pushWidthBesideLabel(widest);
}

std::string fitWithEllipsis(const std::string& text, float width) {
  return withEllipsis(text, width,
                      [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; });
}

void textWrappedAtSpaces(const std::string& text) {
  float width = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize());
  std::size_t lineStart = 0;
  while (lineStart < text.size()) {
    std::size_t newline = text.find('\n', lineStart);
    std::size_t paragraphEnd = newline == std::string::npos ? text.size() : newline;
    std::size_t end = lineStart;  // the line is text[lineStart, end)
    while (end < paragraphEnd) {
      std::size_t nextSpace = text.find(' ', end + 1);
      std::size_t candidate =
          std::min(nextSpace == std::string::npos ? paragraphEnd : nextSpace, paragraphEnd);
      float w = ImGui::CalcTextSize(text.data() + lineStart, text.data() + candidate).x;
      if (w > width && end > lineStart) break;
      end = candidate;
    }
    std::string line(text.data() + lineStart, text.data() + end);
    // A single word wider than the space: abbreviated on purpose, never cut by the edge.
    ImGui::TextUnformatted(fitWithEllipsis(line, width).c_str());
    lineStart = end;
    while (lineStart < text.size() && text[lineStart] == ' ') ++lineStart;
    if (lineStart == paragraphEnd && newline != std::string::npos) ++lineStart;
  }
}

}  // namespace optirace
