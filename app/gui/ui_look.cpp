#include "ui_look.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdint>
#include <filesystem>

#include "gl_objects.h"

namespace optirace {

namespace {
// Latin-1 and Latin Extended-A (ŷ), combining marks (m̂: m and U+0302), Greek, sub/superscripts,
// arrows, maths operators, ceiling brackets (⌈m/B⌉) and circles (○): what rule texts, labels and
// the task views use.
const ImWchar kGlyphRanges[] = {0x0020, 0x017F, 0x0300, 0x03FF, 0x1D00, 0x1DBF, 0x2010,
                                0x205E, 0x2070, 0x209F, 0x2190, 0x21FF, 0x2200, 0x22FF,
                                0x2308, 0x230B, 0x25CB, 0x25CF, 0};
constexpr float kBaseFontPx = 16.0f;
}  // namespace

void UiLook::apply(float uiScale, bool lightTheme) {
  int theme = lightTheme ? 1 : 0;
  if (uiScale == appliedScale_ && theme == appliedTheme_) return;
  ImGuiStyle style;
  if (lightTheme) {
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.97f, 1.0f);
    // On a projector white fields vanish into the panel: fields a step darker than the panel,
    // and every control outlined in a grey of about 4.9 : 1 against it (WCAG asks 3 : 1).
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.88f, 0.89f, 0.91f, 1.0f);
    style.Colors[ImGuiCol_Border] = ImVec4(0.42f, 0.42f, 0.45f, 1.0f);
    style.Colors[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_CheckMark] = ImVec4(0.06f, 0.30f, 0.65f, 1.0f);  // 6 : 1 on a field
    style.FrameBorderSize = 1.0f;
  } else {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg].w = 1.0f;  // floating panels hide the canvas behind them
  }
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.AntiAliasedLinesUseTex = false;  // those baked lines need bilinear sampling
  style.ScaleAllSizes(uiScale);
  ImGui::GetStyle() = style;

  if (uiScale != appliedScale_) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const char* path = OPTIRACE_FONT_PATH;
    ImFontConfig config;  // one texel per pixel, glyphs at whole pixels: see useNearestSampling
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    if (std::filesystem::exists(path)) {
      io.Fonts->AddFontFromFileTTF(path, kBaseFontPx * uiScale, &config, kGlyphRanges);
    } else {
      config.SizePixels = 13.0f * uiScale;
      io.Fonts->AddFontDefault(&config);
    }
    io.Fonts->Build();
    if (appliedScale_ != 0.0f) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
      nearestTexture_ = 0;  // GL may hand out the old texture's name again
    }
  }
  appliedScale_ = uiScale;
  appliedTheme_ = theme;
}

void UiLook::useNearestSampling() {
  auto texture =
      static_cast<unsigned>(reinterpret_cast<std::intptr_t>(ImGui::GetIO().Fonts->TexID));
  if (texture == 0 || texture == nearestTexture_) return;
  optirace::useNearestSampling(texture);
  nearestTexture_ = texture;
}

}  // namespace optirace
