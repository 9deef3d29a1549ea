// PNG files as written for figures and sweeps, read back by an independent decoder
// (stb_image) and checked chunk by chunk against a textbook CRC-32.
#include "png_file.h"

#include <gtest/gtest.h>
#include <stb_image.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace optirace {
namespace {

std::vector<std::uint8_t> randomPicture(int w, int h, int channels, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::uint8_t> p(static_cast<std::size_t>(w) * h * channels);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < channels; ++c)
        // Smooth areas (long matches) mixed with noise (literals), as figures have.
        p[(static_cast<std::size_t>(y) * w + x) * channels + c] =
            x % 97 < 60 ? static_cast<std::uint8_t>(x + 3 * y + 40 * c) : rng() & 255;
  return p;
}

// CRC-32 bit by bit from its definition (polynomial 0xEDB88320, reflected).
std::uint32_t textbookCrc(const std::uint8_t* data, std::size_t n) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < n; ++i) {
    crc ^= data[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::uint32_t bigEndian(const std::uint8_t* p) {
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

TEST(PngFile, DecodesToTheSamePixelsFromRgbAndRgba) {
  for (auto [w, h] : {std::pair{1, 1}, {37, 23}, {1000, 700}}) {
    for (int channels : {3, 4}) {
      std::vector<std::uint8_t> picture = randomPicture(w, h, channels, w + channels);
      std::vector<std::uint8_t> png = encodeRgbPng(picture.data(), w, h, channels);
      ASSERT_FALSE(png.empty());
      int dw = 0, dh = 0, dc = 0;
      stbi_uc* decoded =
          stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &dw, &dh, &dc, 0);
      ASSERT_NE(decoded, nullptr) << stbi_failure_reason();
      EXPECT_EQ(dw, w);
      EXPECT_EQ(dh, h);
      EXPECT_EQ(dc, 3);  // opaque RGB whatever came in
      std::size_t mismatches = 0;
      for (std::size_t i = 0; i < static_cast<std::size_t>(w) * h; ++i)
        for (int c = 0; c < 3; ++c) mismatches += decoded[i * 3 + c] != picture[i * channels + c];
      EXPECT_EQ(mismatches, 0u) << w << "x" << h << " from " << channels << " channels";
      stbi_image_free(decoded);
    }
  }
}

TEST(PngFile, EveryChunkCarriesItsCrc) {
  std::vector<std::uint8_t> picture = randomPicture(64, 48, 3, 7);
  std::vector<std::uint8_t> png = encodeRgbPng(picture.data(), 64, 48, 3);
  const std::uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  ASSERT_GT(png.size(), 8u);
  ASSERT_TRUE(std::equal(signature, signature + 8, png.begin()));
  std::vector<std::string> types;
  for (std::size_t at = 8; at + 12 <= png.size();) {
    std::uint32_t length = bigEndian(&png[at]);
    ASSERT_LE(at + 12 + length, png.size());
    types.emplace_back(reinterpret_cast<const char*>(&png[at + 4]), 4);
    EXPECT_EQ(bigEndian(&png[at + 8 + length]), textbookCrc(&png[at + 4], length + 4))
        << types.back();
    at += 12 + length;
  }
  EXPECT_EQ(types, (std::vector<std::string>{"IHDR", "IDAT", "IEND"}));
}

TEST(PngFile, RefusesWhatIsNotAPictureAndLeavesNoPartialFile) {
  std::vector<std::uint8_t> picture(12, 0);
  EXPECT_TRUE(encodeRgbPng(picture.data(), 0, 1, 3).empty());
  EXPECT_TRUE(encodeRgbPng(picture.data(), 2, 2, 2).empty());
  EXPECT_TRUE(encodeRgbPng(nullptr, 2, 2, 3).empty());
  namespace fs = std::filesystem;
  fs::path missing = fs::temp_directory_path() / "optirace-no-such-dir" / "x.png";
  EXPECT_FALSE(writeRgbPng(picture.data(), 2, 2, 3, missing.string()));
  EXPECT_FALSE(fs::exists(missing.string() + ".partial"));
  fs::path ok = fs::temp_directory_path() / ("optirace-png-" + std::to_string(::getpid()) + ".png");
  ASSERT_TRUE(writeRgbPng(picture.data(), 2, 2, 3, ok.string()));
  EXPECT_GT(fs::file_size(ok), 8u);
  EXPECT_FALSE(fs::exists(ok.string() + ".partial"));
  fs::remove(ok);
}

}  // namespace
}  // namespace optirace
