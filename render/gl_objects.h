// Move-only owners of OpenGL objects. Failures (a shader that does not compile, an incomplete
// framebuffer) throw RenderError carrying GL's own log, rather than aborting.
#pragma once

#include <epoxy/gl.h>

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
  // "#version 330 core" line. Throws RenderError with the compile or link log.
  ShaderProgram(std::initializer_list<const char*> vertexFiles,
                std::initializer_list<const char*> fragmentFiles);

  void use() const { glUseProgram(program_.id()); }
  GLint uniform(const char* name) const { return glGetUniformLocation(program_.id(), name); }
  GLuint id() const { return program_.id(); }

 private:
  GlName<deleteProgram> program_;
};

// A colour texture with a framebuffer around it: the canvas, the plot, exports.
class Framebuffer {
 public:
  enum class Format { Rgba8, R32F };
  Framebuffer() = default;
  Framebuffer(int widthPx, int heightPx, Format format = Format::Rgba8);  // throws RenderError

  void bind() const;  // binds it and sets the viewport to the whole target
  GLuint texture() const { return texture_.id(); }
  GLuint id() const { return fbo_.id(); }
  int width() const { return width_; }
  int height() const { return height_; }
  explicit operator bool() const { return static_cast<bool>(fbo_); }

 private:
  GlFramebufferName fbo_;
  GlTexture texture_;
  int width_ = 0, height_ = 0;
};

// Copies a w × h colour rectangle from framebuffer `from` (at 0, 0) into `to` at (toX, toY).
void copyFramebuffer(GLuint from, GLuint to, int w, int h, int toX, int toY);

// Throws RenderError naming `where` when glGetError reports anything.
void checkGlErrors(const char* where);

}  // namespace optirace
