// Text for exported figures and the canvas, without ImGui: DejaVu Sans glyphs packed by
// stb_truetype into one texture, at one pixel height per atlas (exports at 2× bake their own).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gl_objects.h"

namespace optirace {

struct GlyphQuad {
  float x0, y0, x1, y1;  // relative to the pen on the baseline, y down
  float u0, v0, u1, v1;
  float advance;
};

class FontAtlas {
 public:
  FontAtlas(const std::string& ttfPath, float pixelHeight);  // throws RenderError

  const GlyphQuad* glyph(std::uint32_t codepoint) const;  // nullptr when not in the atlas
  float pixelHeight() const { return pixelHeight_; }
  float ascent() const { return ascent_; }
  float widthOf(std::string_view utf8) const;
  // A 32 × 32 anti-aliased disc in the atlas, for cheap round joins (two triangles each).
  float discU0() const { return discU0_; }
  float discV0() const { return discV0_; }
  float discU1() const { return discU1_; }
  float discV1() const { return discV1_; }
  float whiteU() const { return whiteU_; }
  float whiteV() const { return whiteV_; }
  GLuint texture() const { return texture_.id(); }

 private:
  float pixelHeight_;
  float ascent_ = 0;
  float whiteU_ = 0, whiteV_ = 0;
  float discU0_ = 0, discV0_ = 0, discU1_ = 0, discV1_ = 0;
  std::unordered_map<std::uint32_t, GlyphQuad> glyphs_;
  GlTexture texture_;
};

// Decodes one UTF-8 code point at text[i], advancing i; invalid bytes give U+FFFD.
std::uint32_t nextCodepoint(std::string_view text, std::size_t& i);

// Atlases by pixel height, created on first use.
class FontCache {
 public:
  explicit FontCache(std::string ttfPath) : path_(std::move(ttfPath)) {}
  const FontAtlas& atlas(float pixelHeight);

 private:
  std::string path_;
  std::map<int, std::unique_ptr<FontAtlas>> atlases_;
};

}  // namespace optirace
