// Files compiled into the binary at build time (shaders/embed.cmake), so optirace needs no
// data folder next to it.
#pragma once

#include <span>

namespace optirace {

struct EmbeddedFile {
  const char* name;  // file name without folder, e.g. "heatmap.frag"
  const char* text;
};

std::span<const EmbeddedFile> embeddedShaderFiles();  // shaders/*.glsl, *.vert, *.frag
std::span<const EmbeddedFile> embeddedPresetFiles();  // assets/presets/*.json, by name
// assets/tasks/*.json: the networks' data sets and initial weights (scripts/make-task-data)
std::span<const EmbeddedFile> embeddedTaskFiles();

}  // namespace optirace
