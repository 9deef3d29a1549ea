// The few things the window's frame and its test drivers ask of GL directly, behind names, so
// that app/gui holds widgets and state edits and no GL calls: binding and clearing the window's
// own framebuffer, clearing a box of a layer, waiting for the GPU, reading the error flag, and
// putting back whichever framebuffer was bound.
#pragma once

#include "gl_objects.h"

namespace optirace {

// The window's framebuffer bound, the viewport its whole w × h.
void bindWindowTarget(int widthPx, int heightPx);
// The bound target cleared to an opaque colour.
void clearTarget(float red, float green, float blue);
// A box of the bound target (GL pixels: x, y from its first stored row) cleared to a colour.
void clearBox(int x, int y, int w, int h, float red, float green, float blue);
// Returns once GL has done everything queued (frame timing).
void finishDrawing();
// GL's next recorded error, or 0 (GL_NO_ERROR); each call clears the one it returns.
unsigned nextGlError();

// Puts back, when it goes, the framebuffer bound when it was made.
class KeepBoundFramebuffer {
 public:
  KeepBoundFramebuffer();
  ~KeepBoundFramebuffer();
  KeepBoundFramebuffer(const KeepBoundFramebuffer&) = delete;
  KeepBoundFramebuffer& operator=(const KeepBoundFramebuffer&) = delete;

 private:
  GLint previous_ = 0;
};

}  // namespace optirace
