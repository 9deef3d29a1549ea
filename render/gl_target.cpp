#include "gl_target.h"

namespace optirace {

void bindWindowTarget(int widthPx, int heightPx) {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, widthPx, heightPx);
}

void clearTarget(float red, float green, float blue) {
  glClearColor(red, green, blue, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
}

void clearBox(int x, int y, int w, int h, float red, float green, float blue) {
  glEnable(GL_SCISSOR_TEST);
  glScissor(x, y, w, h);
  clearTarget(red, green, blue);
  glDisable(GL_SCISSOR_TEST);
}

void finishDrawing() {
  glFinish();
}

unsigned nextGlError() {
  return glGetError();
}

KeepBoundFramebuffer::KeepBoundFramebuffer() {
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous_);
}

KeepBoundFramebuffer::~KeepBoundFramebuffer() {
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_));
}

}  // namespace optirace
