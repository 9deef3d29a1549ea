// The UI's look: DejaVu Sans at the UI scale (re-baked, so text stays crisp at 200 %), the
// style's sizes scaled with it, and the dark or the light (projector) theme.
#pragma once

namespace optirace {

class UiLook {
 public:
  // Applies scale and theme when they differ from what is applied; call between frames.
  void apply(float uiScale, bool lightTheme);
  // Once the renderer backend has (re)created the font texture: nearest-texel sampling. The
  // glyphs are baked at the exact pixel size without oversampling and drawn at whole pixels,
  // so that looks the same as bilinear, and llvmpipe shades every ImGui pixel (backgrounds
  // sample the texture's white texel too) with one texel fetch instead of four.
  void useNearestSampling();

 private:
  float appliedScale_ = 0.0f;
  int appliedTheme_ = -1;
  unsigned nearestTexture_ = 0;
};

}  // namespace optirace
