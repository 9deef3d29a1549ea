// What optirace exports, and within which limits, without the GL: the window, the exporters and
// the render command's checks share these (the argv fuzz target runs those checks with no GL).
#pragma once

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

namespace optirace {

inline constexpr int kMaxExportWidth = 7680;
inline constexpr int kMaxExportHeight = 4320;
inline constexpr const char* kColormapNames[] = {"viridis", "magma", "cividis", "grayscale"};
// The 3-D view's camera: degrees above the base plane.
inline constexpr double kMinElevation = 5.0, kMaxElevation = 89.0;

// The size of text, lines and markers a figure of this height gets unless told otherwise:
// what reads at 1000 px high, grown with the picture beyond that.
inline float figureScaleForHeight(int heightPx) {
  return heightPx > 1000 ? static_cast<float>(heightPx) / 1000.0f : 1.0f;
}

enum class ExportFormat { Png, Svg, Pdf, Mp4, Gif };

// By the file name's extension, any case: ".png", ".svg", ".pdf", ".mp4", ".gif"; nothing for
// any other (or none).
inline std::optional<ExportFormat> exportFormatOfPath(const std::string& path) {
  auto dot = path.find_last_of('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "png") return ExportFormat::Png;
  if (ext == "svg") return ExportFormat::Svg;
  if (ext == "pdf") return ExportFormat::Pdf;
  if (ext == "mp4") return ExportFormat::Mp4;
  if (ext == "gif") return ExportFormat::Gif;
  return std::nullopt;
}
inline bool isVideo(ExportFormat f) {
  return f == ExportFormat::Mp4 || f == ExportFormat::Gif;
}
inline bool isVector(ExportFormat f) {
  return f == ExportFormat::Svg || f == ExportFormat::Pdf;
}

}  // namespace optirace
