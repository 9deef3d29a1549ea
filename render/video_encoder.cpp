#include "video_encoder.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "export_formats.h"
#include "ffmpeg_library.h"
#include "figure_export.h"
#include "gif_palette.h"
#include "yuv420.h"

namespace optirace {

namespace {

std::string avError(int code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  ffmpeg().av_strerror(code, text, sizeof text);
  return text;
}

void check(int code, const std::string& what) {
  if (code < 0) throw RenderError(what + ": " + avError(code));
}

// x264's speed/size trade-off: "veryfast" encodes a 1080p race faster than real time on two
// cores while the race is drawn (drawing, not encoding, sets the pace; "superfast" was no
// quicker and made files twice the size), and CRF 20 keeps thin lines and small text sharp:
// the race is mostly still picture, about 1 MB for 9 s of 1080p.
constexpr const char* kX264Preset = "veryfast";
constexpr const char* kX264Crf = "20";

}  // namespace

VideoFormat videoFormatOfPath(const std::string& path) {
  std::optional<ExportFormat> format = exportFormatOfPath(path);
  if (format == ExportFormat::Mp4) return VideoFormat::Mp4;
  if (format == ExportFormat::Gif) return VideoFormat::Gif;
  throw std::invalid_argument("'" + path + "' is not a video file name (valid: .mp4, .gif)");
}

struct VideoEncoder::Streams {
  // First: without FFmpeg's libraries the encoder fails here, with a message, before any
  // file is opened.
  const FfmpegLibrary& ff = ffmpeg();
  std::string path, temp;
  VideoFormat format = VideoFormat::Mp4;
  int width = 0, height = 0;
  std::shared_ptr<GifPalette> palette;
  AVFormatContext* muxer = nullptr;
  AVCodecContext* codec = nullptr;
  AVStream* stream = nullptr;
  AVFrame* frame = nullptr;
  AVPacket* packet = nullptr;
  long frames = 0;
  bool headerWritten = false, finished = false;

  ~Streams() {
    ff.av_packet_free(&packet);
    ff.av_frame_free(&frame);
    ff.avcodec_free_context(&codec);
    if (muxer) {
      if (muxer->pb) ff.avio_closep(&muxer->pb);
      ff.avformat_free_context(muxer);
    }
    if (!finished) std::remove(temp.c_str());
  }

  // Sends `f` (nullptr: flush) and writes every packet the codec has ready.
  void encode(const AVFrame* f) {
    check(ff.avcodec_send_frame(codec, f), "encoding " + path);
    for (;;) {
      int got = ff.avcodec_receive_packet(codec, packet);
      if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return;
      check(got, "encoding " + path);
      // Every frame lasts one tick of the codec's clock; without a duration the MP4 muxer
      // ends the edit list at the last frame's start, and players drop that frame.
      if (packet->duration == 0) packet->duration = 1;
      ff.av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
      packet->stream_index = stream->index;
      check(ff.av_interleaved_write_frame(muxer, packet), "writing " + path);
    }
  }

  void openCodec(int fps) {
    const AVCodec* encoder = nullptr;
    if (format == VideoFormat::Mp4) {
      encoder = ff.avcodec_find_encoder_by_name("libx264");
      if (!encoder) encoder = ff.avcodec_find_encoder(AV_CODEC_ID_H264);
      if (!encoder) throw RenderError("this FFmpeg has no H.264 encoder (Debian's has libx264)");
    } else {
      encoder = ff.avcodec_find_encoder(AV_CODEC_ID_GIF);
      if (!encoder) throw RenderError("this FFmpeg has no GIF encoder");
    }
    codec = ff.avcodec_alloc_context3(encoder);
    stream = ff.avformat_new_stream(muxer, nullptr);
    if (!codec || !stream) throw RenderError("out of memory opening " + path);
    codec->width = width;
    codec->height = height;
    codec->time_base = AVRational{1, fps};
    codec->framerate = AVRational{fps, 1};
    if (format == VideoFormat::Mp4) {
      codec->pix_fmt = AV_PIX_FMT_YUV420P;
      codec->gop_size = 2 * fps;  // a key frame every 2 s: slide programs can seek
      codec->colorspace = AVCOL_SPC_BT709;
      codec->color_primaries = AVCOL_PRI_BT709;
      codec->color_trc = AVCOL_TRC_BT709;
      codec->color_range = AVCOL_RANGE_MPEG;
      ff.av_opt_set(codec->priv_data, "preset", kX264Preset, 0);
      ff.av_opt_set(codec->priv_data, "crf", kX264Crf, 0);
    } else {
      codec->pix_fmt = AV_PIX_FMT_PAL8;
    }
    if (muxer->oformat->flags & AVFMT_GLOBALHEADER) codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    check(ff.avcodec_open2(codec, encoder, nullptr), "opening the encoder");
    check(ff.avcodec_parameters_from_context(stream->codecpar, codec), "opening the encoder");
    stream->time_base = codec->time_base;
  }

  void openFrame() {
    frame = ff.av_frame_alloc();
    packet = ff.av_packet_alloc();
    if (!frame || !packet) throw RenderError("out of memory opening " + path);
    frame->format = codec->pix_fmt;
    frame->width = width;
    frame->height = height;
    check(ff.av_frame_get_buffer(frame, 0), "allocating a frame");
  }
};

VideoEncoder::VideoEncoder(const std::string& path, VideoFormat format, int width, int height,
                           int fps, std::shared_ptr<GifPalette> palette)
    : s_(std::make_unique<Streams>()) {
  s_->ff.av_log_set_level(
      AV_LOG_QUIET);  // failures come back as exceptions with FFmpeg's own words
  if (format == VideoFormat::Mp4 && (width % 2 || height % 2))
    throw RenderError("MP4 (yuv420p) needs an even width and height (got " + std::to_string(width) +
                      "x" + std::to_string(height) + ")");
  if (format == VideoFormat::Gif && !palette) throw RenderError("a GIF needs its palette");
  s_->path = path;
  s_->temp = path + ".partial";
  s_->format = format;
  s_->width = width;
  s_->height = height;
  s_->palette = std::move(palette);
  const char* muxer = format == VideoFormat::Mp4 ? "mp4" : "gif";
  check(s_->ff.avformat_alloc_output_context2(&s_->muxer, nullptr, muxer, s_->temp.c_str()),
        "opening " + path);
  s_->openCodec(fps);
  s_->openFrame();
  int opened = s_->ff.avio_open(&s_->muxer->pb, s_->temp.c_str(), AVIO_FLAG_WRITE);
  if (opened < 0) throw RenderError("cannot create " + s_->temp + ": " + avError(opened));
  AVDictionary* options = nullptr;
  if (format == VideoFormat::Mp4) s_->ff.av_dict_set(&options, "movflags", "+faststart", 0);
  if (format == VideoFormat::Gif) s_->ff.av_dict_set(&options, "loop", "0", 0);  // loop forever
  int written = s_->ff.avformat_write_header(s_->muxer, &options);
  s_->ff.av_dict_free(&options);
  check(written, "writing " + path);
  s_->headerWritten = true;
}

VideoEncoder::~VideoEncoder() = default;

void VideoEncoder::add(const Image& image) {
  Streams& s = *s_;
  if (image.width != s.width || image.height != s.height)
    throw RenderError("a frame of " + std::to_string(image.width) + "x" +
                      std::to_string(image.height) + " in a video of " + std::to_string(s.width) +
                      "x" + std::to_string(s.height));
  check(s.ff.av_frame_make_writable(s.frame), "encoding " + s.path);
  if (s.format == VideoFormat::Mp4) {
    rgbaToYuv420(image, {s.frame->data[0], s.frame->data[1], s.frame->data[2], s.frame->linesize[0],
                         s.frame->linesize[1], s.frame->linesize[2]});
  } else {
    s.palette->map(image, s.frame->data[0], s.frame->linesize[0]);
    std::memcpy(s.frame->data[1], s.palette->argb().data(), 4 * GifPalette::kSize);
  }
  s.frame->pts = s.frames++;
  s.encode(s.frame);
}

void VideoEncoder::repeat() {
  Streams& s = *s_;
  if (s.frames == 0) throw RenderError("no frame to repeat in " + s.path);
  check(s.ff.av_frame_make_writable(s.frame), "encoding " + s.path);  // keeps the picture
  s.frame->pts = s.frames++;
  s.encode(s.frame);
}

void VideoEncoder::finish() {
  Streams& s = *s_;
  s.encode(nullptr);
  check(s.ff.av_write_trailer(s.muxer), "writing " + s.path);
  check(s.ff.avio_closep(&s.muxer->pb), "writing " + s.path);
  if (std::rename(s.temp.c_str(), s.path.c_str()) != 0) throw RenderError("cannot write " + s.path);
  s.finished = true;
}

long VideoEncoder::framesAdded() const {
  return s_->frames;
}

}  // namespace optirace
