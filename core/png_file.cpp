#include "png_file.h"

#include <zlib.h>

#include <cstdio>
#include <fstream>

namespace optirace {

namespace {
void putBigEndian(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

// A chunk: length, type, data, CRC-32 of type and data.
void putChunk(std::vector<std::uint8_t>& out, const char type[4], const std::uint8_t* data,
              std::size_t size) {
  putBigEndian(out, static_cast<std::uint32_t>(size));
  std::size_t typeAt = out.size();
  out.insert(out.end(), type, type + 4);
  if (size > 0) out.insert(out.end(), data, data + size);
  uLong crc = crc32(0L, out.data() + typeAt, static_cast<uInt>(4));
  if (size > 0) crc = crc32(crc, data, static_cast<uInt>(size));  // Z_NULL would reset it
  putBigEndian(out, static_cast<std::uint32_t>(crc));
}

// The picture's rows, each filtered "up" (its bytes minus the row above's), deflated.
bool deflateRows(const std::uint8_t* pixels, int width, int height, int channels,
                 std::vector<std::uint8_t>& compressed) {
  z_stream z{};
  if (deflateInit(&z, Z_BEST_SPEED) != Z_OK) return false;
  std::size_t rowBytes = static_cast<std::size_t>(width) * 3;
  std::vector<std::uint8_t> row(rowBytes + 1), previous(rowBytes, 0), current(rowBytes);
  compressed.resize(deflateBound(&z, static_cast<uLong>((rowBytes + 1) * height)));
  z.next_out = compressed.data();
  z.avail_out = static_cast<uInt>(compressed.size());
  bool ok = true;
  for (int y = 0; y < height && ok; ++y) {
    const std::uint8_t* in = pixels + static_cast<std::size_t>(y) * width * channels;
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < 3; ++c) current[x * 3 + c] = in[x * channels + c];
    row[0] = 2;  // the "up" filter
    for (std::size_t i = 0; i < rowBytes; ++i)
      row[i + 1] = static_cast<std::uint8_t>(current[i] - previous[i]);
    previous.swap(current);
    z.next_in = row.data();
    z.avail_in = static_cast<uInt>(row.size());
    ok = deflate(&z, y + 1 == height ? Z_FINISH : Z_NO_FLUSH) ==
         (y + 1 == height ? Z_STREAM_END : Z_OK);
  }
  compressed.resize(z.total_out);
  deflateEnd(&z);
  return ok;
}
}  // namespace

std::vector<std::uint8_t> encodeRgbPng(const std::uint8_t* pixels, int width, int height,
                                       int channels) {
  if (!pixels || width < 1 || height < 1 || (channels != 3 && channels != 4)) return {};
  std::vector<std::uint8_t> compressed;
  if (!deflateRows(pixels, width, height, channels, compressed)) return {};
  std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  std::vector<std::uint8_t> header;
  putBigEndian(header, static_cast<std::uint32_t>(width));
  putBigEndian(header, static_cast<std::uint32_t>(height));
  // 8 bits a sample, colour type 2 (RGB), deflate, adaptive filtering, no interlace.
  header.insert(header.end(), {8, 2, 0, 0, 0});
  putChunk(png, "IHDR", header.data(), header.size());
  putChunk(png, "IDAT", compressed.data(), compressed.size());
  putChunk(png, "IEND", nullptr, 0);
  return png;
}

bool writeRgbPng(const std::uint8_t* pixels, int width, int height, int channels,
                 const std::string& path) {
  std::vector<std::uint8_t> png = encodeRgbPng(pixels, width, height, channels);
  if (png.empty()) return false;
  std::string temp = path + ".partial";
  {
    std::ofstream out(temp, std::ios::binary);
    out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    if (!out.flush()) {
      out.close();
      std::remove(temp.c_str());
      return false;
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace optirace
