#include "gl_window.h"

#include <epoxy/gl.h>
// epoxy must come before GLFW so that GLFW does not pull in the system GL header.
#include <GLFW/glfw3.h>

namespace optirace {

namespace {
std::string lastGlfwError;
int glErrors = 0;
std::string firstError;

void onGlfwError(int code, const char* description) {
  lastGlfwError = description ? description : ("GLFW error " + std::to_string(code));
}

void GLAPIENTRY onGlDebug(GLenum, GLenum type, GLuint, GLenum severity, GLsizei,
                          const GLchar* message, const void*) {
  if (type != GL_DEBUG_TYPE_ERROR && severity != GL_DEBUG_SEVERITY_HIGH) return;
  if (glErrors++ == 0) firstError = message;
}
}  // namespace

GlWindow::GlWindow(int widthPx, int heightPx, const std::string& title, bool visible,
                   bool debugOutput) {
  glfwSetErrorCallback(onGlfwError);
  if (!glfwInit())
    throw NoDisplayError("no display: cannot open a window (" + lastGlfwError +
                         "); set DISPLAY or run under xvfb-run");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, debugOutput ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
  window_ = glfwCreateWindow(widthPx, heightPx, title.c_str(), nullptr, nullptr);
  if (!window_) {
    glfwTerminate();
    throw std::runtime_error("cannot create an OpenGL 3.3 core context (" + lastGlfwError + ")");
  }
  glfwMakeContextCurrent(window_);
  if (debugOutput && epoxy_has_gl_extension("GL_KHR_debug")) {
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(onGlDebug, nullptr);
  }
}

GlWindow::~GlWindow() {
  glfwDestroyWindow(window_);
  glfwTerminate();
}

int GlWindow::glErrorCount() {
  return glErrors;
}
const std::string& GlWindow::firstGlError() {
  return firstError;
}

}  // namespace optirace
