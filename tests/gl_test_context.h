// The GL tests' shared context: one hidden window for a whole test program; a test that needs
// GL calls REQUIRE_DISPLAY() first and is skipped where there is no X display.
#pragma once

#include <gtest/gtest.h>

#include <memory>

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

}  // namespace optirace

#define REQUIRE_DISPLAY() \
  if (!::optirace::glTestContext()) GTEST_SKIP() << "no X display (run under xvfb-run)"
