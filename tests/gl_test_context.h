// The GL tests' shared context: one hidden window for a whole test program; a test that needs
// GL calls REQUIRE_DISPLAY() first and is skipped where there is no X display.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "canvas_painter.h"
#include "window/gl_window.h"

namespace optirace {

inline GlWindow* glTestContext() {
  static std::unique_ptr<GlWindow> window = [] {
    try {
      return std::make_unique<GlWindow>(64, 64, "optirace tests", false);
    } catch (const std::exception&) {
      return std::unique_ptr<GlWindow>();
    }
  }();
  return window.get();
}

// A canvas painter and a w × h target bound to draw into.
struct CanvasOnTarget {
  CanvasOnTarget(int w, int h) : target(w, h) { target.bind(); }
  FontCache fonts{OPTIRACE_FONT_PATH};
  CanvasPainter painter{fonts};
  Framebuffer target;
};

}  // namespace optirace

#define REQUIRE_DISPLAY() \
  if (!::optirace::glTestContext()) GTEST_SKIP() << "no X display (run under xvfb-run)"
