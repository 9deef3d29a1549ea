// The GLSL sources of shaders/, compiled into the binary. Returns nullptr for an unknown name.
#pragma once

namespace optirace {

const char* embeddedShader(const char* fileName);

}  // namespace optirace
