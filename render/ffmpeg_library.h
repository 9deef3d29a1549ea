// FFmpeg's functions as the video encoder calls them, loaded with dlopen at the first video
// rather than linked into optirace: libavcodec and libavformat bring about 130 shared libraries
// (codecs, network and subtitle libraries) whose loading and start-up cost ~28 ms on every start
// of the program, which every `train`, `sweep` and `run` would pay for a video it never makes.
// The headers are the ones the build saw; the libraries are the same major versions.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
}

namespace optirace {

// Each function: the library it comes from, its name.
#define OPTIRACE_FFMPEG_FUNCTIONS(X)          \
  X(avutil, av_dict_free)                     \
  X(avutil, av_dict_set)                      \
  X(avutil, av_frame_alloc)                   \
  X(avutil, av_frame_free)                    \
  X(avutil, av_frame_get_buffer)              \
  X(avutil, av_frame_make_writable)           \
  X(avutil, av_log_set_level)                 \
  X(avutil, av_opt_set)                       \
  X(avutil, av_strerror)                      \
  X(avcodec, av_packet_alloc)                 \
  X(avcodec, av_packet_free)                  \
  X(avcodec, av_packet_rescale_ts)            \
  X(avcodec, avcodec_alloc_context3)          \
  X(avcodec, avcodec_find_encoder)            \
  X(avcodec, avcodec_find_encoder_by_name)    \
  X(avcodec, avcodec_free_context)            \
  X(avcodec, avcodec_open2)                   \
  X(avcodec, avcodec_parameters_from_context) \
  X(avcodec, avcodec_receive_packet)          \
  X(avcodec, avcodec_send_frame)              \
  X(avformat, av_interleaved_write_frame)     \
  X(avformat, av_write_trailer)               \
  X(avformat, avformat_alloc_output_context2) \
  X(avformat, avformat_free_context)          \
  X(avformat, avformat_new_stream)            \
  X(avformat, avformat_write_header)          \
  X(avformat, avio_closep)                    \
  X(avformat, avio_open)

struct FfmpegLibrary {
#define OPTIRACE_FFMPEG_POINTER(library, name) decltype(&::name) name = nullptr;
  OPTIRACE_FFMPEG_FUNCTIONS(OPTIRACE_FFMPEG_POINTER)
#undef OPTIRACE_FFMPEG_POINTER
};

// The functions, loaded on the first call (by one thread; later calls return the same table).
// Throws RenderError naming the library or function that could not be loaded, every call.
const FfmpegLibrary& ffmpeg();

}  // namespace optirace
