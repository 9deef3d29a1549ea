// Text shortened to a width with "…", a whole UTF-8 character at a time, for whatever measures
// its width (the app's ImGui font, the figures' font atlas): one definition for both.
#pragma once

#include <string>

namespace optirace {

// `text` when measure(text) <= widthPx; otherwise its longest prefix that fits with "…" after.
template <class Measure>
std::string withEllipsis(const std::string& text, float widthPx, const Measure& measure) {
  if (measure(text) <= widthPx) return text;
  std::string shown = text;
  while (!shown.empty() && measure(shown + "…") > widthPx) {
    // Drop one whole character: its continuation bytes (10xxxxxx), then its lead byte.
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80)
      shown.pop_back();
    if (!shown.empty()) shown.pop_back();
  }
  return shown + "…";
}

}  // namespace optirace
