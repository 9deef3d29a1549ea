#include "embedded_shaders.h"

#include <cstring>

#include "embedded_file.h"

namespace optirace {

const char* embeddedShader(const char* fileName) {
  for (const EmbeddedFile& f : embeddedShaderFiles())
    if (std::strcmp(f.name, fileName) == 0) return f.text;
  return nullptr;
}

}  // namespace optirace
