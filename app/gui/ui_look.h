// The UI's look: DejaVu Sans at the UI scale (re-baked, so text stays crisp at 200 %), the
// style's sizes scaled with it, and the dark or the light (projector) theme.
#pragma once

namespace optirace {

class UiLook {
 public:
  // Applies scale and theme when they differ from what is applied; call between frames.
  void apply(float uiScale, bool lightTheme);

 private:
  float appliedScale_ = 0.0f;
  int appliedTheme_ = -1;
};

}  // namespace optirace
