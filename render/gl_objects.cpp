#include "gl_objects.h"

#include <utility>
#include <vector>

#include "embedded_shaders.h"

namespace optirace {

void deleteProgram(GLuint id) {
  // A deleted program that is still current keeps a name that is no longer valid, and ImGui's
  // renderer, which restores the program it found, would pass it back (GL_INVALID_VALUE).
  GLint current = 0;
  glGetIntegerv(GL_CURRENT_PROGRAM, &current);
  if (id != 0 && static_cast<GLuint>(current) == id) glUseProgram(0);
  glDeleteProgram(id);
}
void deleteBuffer(GLuint id) {
  glDeleteBuffers(1, &id);
}
void deleteVertexArray(GLuint id) {
  glDeleteVertexArrays(1, &id);
}
void deleteTexture(GLuint id) {
  glDeleteTextures(1, &id);
}
void deleteRenderbuffer(GLuint id) {
  glDeleteRenderbuffers(1, &id);
}
void deleteFramebuffer(GLuint id) {
  glDeleteFramebuffers(1, &id);
}

GlBuffer makeBuffer() {
  GLuint id = 0;
  glGenBuffers(1, &id);
  return GlBuffer(id);
}
GlVertexArray makeVertexArray() {
  GLuint id = 0;
  glGenVertexArrays(1, &id);
  return GlVertexArray(id);
}
GlTexture makeTexture() {
  GLuint id = 0;
  glGenTextures(1, &id);
  return GlTexture(id);
}

void uploadPicture(GlTexture& texture, int w, int h, const std::uint8_t* rgba) {
  if (!texture) texture = makeTexture();
  glBindTexture(GL_TEXTURE_2D, texture.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  useNearestSampling(texture.id());
}

void useLinearSampling(GLuint texture) {
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void useNearestSampling(GLuint texture) {
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
}

namespace {

std::string joinSources(std::initializer_list<const char*> files,
                        const std::string& generated = {}) {
  std::string source = "#version 330 core\n" + generated;
  for (const char* file : files) {
    const char* text = embeddedShader(file);
    if (!text) throw RenderError(std::string("no embedded shader named ") + file);
    source += text;
    source += "\n";
  }
  return source;
}

GLuint compile(GLenum stage, const std::string& source, const char* what) {
  GLuint shader = glCreateShader(stage);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<size_t>(length) + 1);
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    glDeleteShader(shader);
    throw RenderError(std::string("GLSL ") + what + " does not compile: " + log.data());
  }
  return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(std::initializer_list<const char*> vertexFiles,
                             std::initializer_list<const char*> fragmentFiles,
                             const std::string& generatedFragmentText) {
  GLuint vs = compile(GL_VERTEX_SHADER, joinSources(vertexFiles), *vertexFiles.begin());
  GLuint fs = 0;
  try {
    fs = compile(GL_FRAGMENT_SHADER, joinSources(fragmentFiles, generatedFragmentText),
                 *(fragmentFiles.end() - 1));
  } catch (...) {
    glDeleteShader(vs);
    throw;
  }
  GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    glDeleteProgram(program);
    throw RenderError(std::string("GLSL program does not link: ") + log);
  }
  program_ = GlName<deleteProgram>(program);
}

Framebuffer::Framebuffer(int widthPx, int heightPx, Format format, bool stencil)
    : texture_(makeTexture()),
      width_(widthPx),
      height_(heightPx),
      rowOrder_(format == Format::WindowLayer ? RowOrder::TopDown : RowOrder::BottomUp) {
  GLint maxSize = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
  if (widthPx < 1 || heightPx < 1 || widthPx > maxSize || heightPx > maxSize)
    throw RenderError("framebuffer size " + std::to_string(widthPx) + "x" +
                      std::to_string(heightPx) + " is outside 1.." + std::to_string(maxSize));
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  if (format == Format::R32F)
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, widthPx, heightPx, 0, GL_RED, GL_FLOAT, nullptr);
  else if (format == Format::WindowLayer)
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, widthPx, heightPx, 0, GL_BGRA, GL_UNSIGNED_BYTE,
                 nullptr);
  else
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, widthPx, heightPx, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  GLuint fbo = 0;
  glGenFramebuffers(1, &fbo);
  fbo_ = GlFramebufferName(fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_.id(), 0);
  if (stencil) {
    GLuint buffer = 0;
    glGenRenderbuffers(1, &buffer);
    stencil_ = GlName<deleteRenderbuffer>(buffer);
    glBindRenderbuffer(GL_RENDERBUFFER, buffer);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, widthPx, heightPx);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, buffer);
  }
  GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE)
    throw RenderError("framebuffer incomplete (status " + std::to_string(status) + ")");
}

void Framebuffer::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id());
  glViewport(0, 0, width_, height_);
}

void copyPicture(const Framebuffer& from, PixelBox box, GLuint to, int toH, RowOrder toOrder,
                 int toX, int toY) {
  // The storage rows of a box's top and bottom edges; a blit maps top to top, bottom to bottom.
  auto edges = [](int y, int h, int height, RowOrder order) {
    return order == RowOrder::TopDown ? std::pair{y, y + h} : std::pair{height - y, height - y - h};
  };
  auto [fromTop, fromBottom] = edges(box.y, box.h, from.height(), from.rowOrder());
  auto [toTop, toBottom] = edges(toY, box.h, toH, toOrder);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, from.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to);
  glBlitFramebuffer(box.x, fromTop, box.x + box.w, fromBottom, toX, toTop, toX + box.w, toBottom,
                    GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, to);
}

void checkGlErrors(const char* where) {
  GLenum first = glGetError();
  if (first == GL_NO_ERROR) return;
  while (glGetError() != GL_NO_ERROR) {
  }
  throw RenderError(std::string("OpenGL error ") + std::to_string(first) + " in " + where);
}

}  // namespace optirace
