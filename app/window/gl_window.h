// A GLFW window with an OpenGL 3.3 core context: visible for the app, hidden for `optirace
// render` and the GL tests (which still need an X display, e.g. Xvfb).
#pragma once

#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace optirace {

class NoDisplayError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class GlWindow {
 public:
  // Throws NoDisplayError when GLFW cannot start (no X display), std::runtime_error when the
  // context cannot be created. With debugOutput, GL errors are collected (see glErrorCount()).
  GlWindow(int widthPx, int heightPx, const std::string& title, bool visible,
           bool debugOutput = false);
  ~GlWindow();
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  GLFWwindow* handle() const { return window_; }
  // GL errors reported through KHR_debug since the window was created (debugOutput only),
  // and the first one's message.
  static int glErrorCount();
  static const std::string& firstGlError();

 private:
  GLFWwindow* window_ = nullptr;
};

}  // namespace optirace
