// Move-only owners of OpenGL objects. Failures (a shader that does not compile, an incomplete
// framebuffer) throw RenderError carrying GL's own log, rather than aborting.
#pragma once

#include <epoxy/gl.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

namespace optirace {

class RenderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Owns one GL name; Deleter is the glDelete* call for its kind.
template <void (*Delete)(GLuint)>
class GlName {
 public:
  GlName() = default;
  explicit GlName(GLuint id) : id_(id) {}
  GlName(GlName&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
  GlName& operator=(GlName&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = std::exchange(o.id_, 0);
    }
    return *this;
  }
  ~GlName() { reset(); }
  GLuint id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }
  void reset() {
    if (id_) Delete(id_);
    id_ = 0;
  }

 private:
  GLuint id_ = 0;
};

void deleteProgram(GLuint id);
void deleteBuffer(GLuint id);
void deleteVertexArray(GLuint id);
void deleteTexture(GLuint id);
void deleteFramebuffer(GLuint id);
void deleteRenderbuffer(GLuint id);

using GlBuffer = GlName<deleteBuffer>;
using GlVertexArray = GlName<deleteVertexArray>;
using GlTexture = GlName<deleteTexture>;
using GlFramebufferName = GlName<deleteFramebuffer>;

GlBuffer makeBuffer();
GlVertexArray makeVertexArray();
GlTexture makeTexture();

class ShaderProgram {
 public:
  ShaderProgram() = default;
  // Each stage is the concatenation of the named embedded shader files (shaders/), after a
  // "#version 330 core" line and, for the fragment stage, generatedFragmentText (e.g. the
  // surfaces written from core's definitions). Throws RenderError with the compile or link log.
  ShaderProgram(std::initializer_list<const char*> vertexFiles,
                std::initializer_list<const char*> fragmentFiles,
                const std::string& generatedFragmentText = {});

  void use() const { glUseProgram(program_.id()); }
  GLint uniform(const char* name) const { return glGetUniformLocation(program_.id(), name); }
  GLuint id() const { return program_.id(); }

 private:
  GlName<deleteProgram> program_;
};

// How a framebuffer stores the rows of its picture. GL's own order keeps the bottom row first.
// Mesa keeps a window top row first, and copies into the window are a plain memory copy
// (instead of a shader run per pixel, several times slower on llvmpipe) only from a layer that
// is stored the same way in the same format: see Framebuffer::Format::WindowLayer.
enum class RowOrder { BottomUp, TopDown };

// A colour texture with a framebuffer around it: the canvas, the plot, exports.
class Framebuffer {
 public:
  enum class Format {
    Rgba8,
    R32F,
    // A picture kept to be copied into the window each frame: stored top row first, in the
    // window's byte order (BGRA on Mesa: an unsized GL_RGBA texture made from BGRA data lets
    // Mesa choose it). Anything drawn into it must flip y (RowOrder::TopDown).
    WindowLayer,
  };
  Framebuffer() = default;
  // With `stencil`, an 8-bit stencil buffer beside the colour (cleared with it by the owner).
  // Throws RenderError.
  Framebuffer(int widthPx, int heightPx, Format format = Format::Rgba8, bool stencil = false);

  void bind() const;  // binds it and sets the viewport to the whole target
  GLuint texture() const { return texture_.id(); }
  GLuint id() const { return fbo_.id(); }
  int width() const { return width_; }
  int height() const { return height_; }
  RowOrder rowOrder() const { return rowOrder_; }
  explicit operator bool() const { return static_cast<bool>(fbo_); }

 private:
  GlFramebufferName fbo_;
  GlTexture texture_;
  GlName<deleteRenderbuffer> stencil_;
  int width_ = 0, height_ = 0;
  RowOrder rowOrder_ = RowOrder::BottomUp;
};

// A rectangle of a picture in whole pixels, top-left origin whatever the storage order.
struct PixelBox {
  int x = 0, y = 0, w = 0, h = 0;
};

// Copies `box` of `from`'s picture to (toX, toY) of the picture in framebuffer `to` (toH pixels
// high, rows stored in toOrder), flipping rows where the two orders differ. Leaves `to` bound.
void copyPicture(const Framebuffer& from, PixelBox box, GLuint to, int toH, RowOrder toOrder,
                 int toX, int toY);

// Replaces `texture`'s picture with w × h RGBA8 pixels (rows as given), sampled nearest, so
// that cells of a sweep or texels of a font stay crisp when scaled.
void uploadPicture(GlTexture& texture, int w, int h, const std::uint8_t* rgba);
// Makes an existing texture (e.g. the UI's font atlas) sample its nearest texel.
void useNearestSampling(GLuint texture);
// Makes a texture blend its texels where scaled up (smooth fields: a network's output, a loss
// landscape), clamped at its edges.
void useLinearSampling(GLuint texture);

// Throws RenderError naming `where` when glGetError reports anything.
void checkGlErrors(const char* where);

}  // namespace optirace
