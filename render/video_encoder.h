// Encodes pictures as a video file through Debian's FFmpeg libraries: MP4 (H.264, yuv420p,
// BT.709, plays in slide programs and browsers) or GIF (FFmpeg's GIF encoder on a palette of
// our own choosing, looping forever). The file is written beside its target as
// `path.partial` and renamed into place by finish(), so an encoder destroyed before it
// finished (an error, Ctrl-C, a cancelled export) leaves nothing behind.
#pragma once

#include <memory>
#include <string>

namespace optirace {

struct Image;
class GifPalette;

enum class VideoFormat { Mp4, Gif };

// "race.mp4" → Mp4, "race.GIF" → Gif; throws std::invalid_argument for other extensions.
VideoFormat videoFormatOfPath(const std::string& path);

class VideoEncoder {
 public:
  // Opens `path.partial` and the codec; throws RenderError (codec missing, file not creatable).
  // MP4 needs even sizes (yuv420p halves the colour planes). A GIF needs its palette.
  VideoEncoder(const std::string& path, VideoFormat format, int width, int height, int fps,
               std::shared_ptr<GifPalette> palette = nullptr);
  ~VideoEncoder();
  VideoEncoder(const VideoEncoder&) = delete;
  VideoEncoder& operator=(const VideoEncoder&) = delete;

  // The next frame; its size must be the encoder's. Throws RenderError.
  void add(const Image& frame);
  // The last frame once more (a held final frame), without converting it again.
  void repeat();
  // Flushes the codec, writes the trailer and renames the file into place. Throws RenderError.
  void finish();

  long framesAdded() const;

 private:
  struct Streams;
  std::unique_ptr<Streams> s_;
};

}  // namespace optirace
