#include "font_atlas.h"

#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

namespace optirace {

namespace {
// What labels, legends and rule texts use: ASCII, Latin-1 (², ·, ×), Greek (η, β, ε, λ, σ, κ,
// θ), general punctuation (–, —, …), sub/superscripts (₁, ₂, ᵗ), arrows and maths (←, −, √, ∞).
struct Range {
  int first, count;
};
constexpr Range kRanges[] = {{0x20, 0x5F},   {0xA0, 0x60},   {0x370, 0x90},  {0x1D00, 0xC0},
                             {0x2010, 0x20}, {0x2070, 0x30}, {0x2190, 0x10}, {0x2200, 0x70}};
}  // namespace

std::uint32_t nextCodepoint(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (extra < 0 || i + extra >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  std::uint32_t cp = extra == 0 ? c : c & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += 1 + extra;
  return cp;
}

FontAtlas::FontAtlas(const std::string& ttfPath, float pixelHeight)
    : pixelHeight_(pixelHeight), texture_(makeTexture()) {
  std::ifstream in(ttfPath, std::ios::binary);
  if (!in) throw RenderError("cannot read the font " + ttfPath + " (install fonts-dejavu-core)");
  std::vector<unsigned char> ttf((std::istreambuf_iterator<char>(in)),
                                 std::istreambuf_iterator<char>());
  stbtt_fontinfo info;
  if (!stbtt_InitFont(&info, ttf.data(), stbtt_GetFontOffsetForIndex(ttf.data(), 0)))
    throw RenderError("not a TrueType font: " + ttfPath);
  int ascent = 0, descent = 0, gap = 0;
  stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
  ascent_ = ascent * stbtt_ScaleForPixelHeight(&info, pixelHeight);

  int size = pixelHeight > 40 ? 2048 : 1024;
  constexpr int kDisc = 32;
  int packedRows = size - kDisc - 4;  // the last rows hold the disc sprite and the white texel
  std::vector<unsigned char> pixels(static_cast<size_t>(size) * size, 0);
  std::vector<std::vector<stbtt_packedchar>> chars;
  stbtt_pack_context pack;
  if (!stbtt_PackBegin(&pack, pixels.data(), size, packedRows, size, 1, nullptr))
    throw RenderError("stb_truetype could not start packing");
  stbtt_PackSetOversampling(&pack, 1, 1);
  for (const Range& r : kRanges) {
    chars.emplace_back(r.count);
    stbtt_PackFontRange(&pack, ttf.data(), 0, pixelHeight, r.first, r.count, chars.back().data());
  }
  stbtt_PackEnd(&pack);
  for (int y = size - 3; y < size - 1; ++y)
    for (int x = 1; x < 3; ++x) pixels[static_cast<size_t>(y) * size + x] = 255;
  whiteU_ = 2.0f / size;
  whiteV_ = (size - 2.0f) / size;
  // The disc: coverage of a circle of radius 15 px centred in a 32 px square, one-pixel ramp.
  int discTop = size - kDisc - 4, discLeft = 4;
  for (int y = 0; y < kDisc; ++y)
    for (int x = 0; x < kDisc; ++x) {
      float d = std::hypot(x + 0.5f - 0.5f * kDisc, y + 0.5f - 0.5f * kDisc);
      float coverage = std::clamp(0.5f * kDisc - 1.0f - d + 0.5f, 0.0f, 1.0f);
      pixels[static_cast<size_t>(discTop + y) * size + discLeft + x] =
          static_cast<unsigned char>(std::lround(coverage * 255));
    }
  discU0_ = static_cast<float>(discLeft) / size;
  discV0_ = static_cast<float>(discTop) / size;
  discU1_ = static_cast<float>(discLeft + kDisc) / size;
  discV1_ = static_cast<float>(discTop + kDisc) / size;

  for (std::size_t k = 0; k < std::size(kRanges); ++k)
    for (int i = 0; i < kRanges[k].count; ++i) {
      const stbtt_packedchar& pc = chars[k][i];
      if (pc.x1 == pc.x0 && pc.xadvance == 0) continue;  // not in the font
      float x = 0, y = 0;
      stbtt_aligned_quad q;
      stbtt_GetPackedQuad(chars[k].data(), size, size, i, &x, &y, &q, 0);
      glyphs_[kRanges[k].first + i] = {q.x0, q.y0, q.x1, q.y1, q.s0, q.t0, q.s1, q.t1, pc.xadvance};
    }

  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, size, size, 0, GL_RED, GL_UNSIGNED_BYTE, pixels.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

const GlyphQuad* FontAtlas::glyph(std::uint32_t codepoint) const {
  auto it = glyphs_.find(codepoint);
  if (it != glyphs_.end()) return &it->second;
  it = glyphs_.find('?');
  return it == glyphs_.end() ? nullptr : &it->second;
}

float FontAtlas::widthOf(std::string_view text) const {
  float width = 0;
  for (std::size_t i = 0; i < text.size();)
    if (const GlyphQuad* g = glyph(nextCodepoint(text, i))) width += g->advance;
  return width;
}

const FontAtlas& FontCache::atlas(float pixelHeight) {
  int key = static_cast<int>(std::lround(pixelHeight));
  auto& slot = atlases_[key];
  if (!slot) slot = std::make_unique<FontAtlas>(path_, static_cast<float>(key));
  return *slot;
}

}  // namespace optirace
