#include "ffmpeg_library.h"

#include <dlfcn.h>

#include <mutex>
#include <string>

#include "gl_objects.h"

namespace optirace {

namespace {

// "libavcodec.so.59": the major version of the headers compiled against, whose ABI the
// function pointers' types describe.
std::string sonameOf(const char* library, int major) {
  return std::string("lib") + library + ".so." + std::to_string(major);
}

struct LoadedFfmpeg {
  FfmpegLibrary functions;
  std::string error;  // empty when every function was found
};

LoadedFfmpeg load() {
  LoadedFfmpeg loaded;
  // Kept open for the rest of the process: encoders may run again, and FFmpeg keeps global
  // state (its codec list) that unloading would leave dangling.
  void* avutil = dlopen(sonameOf("avutil", LIBAVUTIL_VERSION_MAJOR).c_str(), RTLD_NOW);
  void* avcodec = dlopen(sonameOf("avcodec", LIBAVCODEC_VERSION_MAJOR).c_str(), RTLD_NOW);
  void* avformat = dlopen(sonameOf("avformat", LIBAVFORMAT_VERSION_MAJOR).c_str(), RTLD_NOW);
  if (!avutil || !avcodec || !avformat) {
    const char* why = dlerror();
    loaded.error = std::string(
                       "FFmpeg's libraries (Debian's libavcodec59, libavformat59) could "
                       "not be loaded for the video: ") +
                   (why ? why : "unknown reason");
    return loaded;
  }
#define OPTIRACE_FFMPEG_LOOKUP(library, name)                                         \
  loaded.functions.name = reinterpret_cast<decltype(&::name)>(dlsym(library, #name)); \
  if (!loaded.functions.name && loaded.error.empty())                                 \
    loaded.error = "FFmpeg's lib" #library " has no " #name " (built for another version?)";
  OPTIRACE_FFMPEG_FUNCTIONS(OPTIRACE_FFMPEG_LOOKUP)
#undef OPTIRACE_FFMPEG_LOOKUP
  return loaded;
}

}  // namespace

const FfmpegLibrary& ffmpeg() {
  static std::once_flag once;
  static LoadedFfmpeg loaded;
  std::call_once(once, [] { loaded = load(); });
  if (!loaded.error.empty()) throw RenderError(loaded.error);
  return loaded.functions;
}

}  // namespace optirace
