// Parsing of command-line values into engine types. Each parser throws InputError with a
// message that begins with the flag's name and says what is valid.
#pragma once

#include <cstdint>
#include <string>

#include "hyper.h"
#include "optimizer.h"
#include "scenario.h"
#include "surface.h"

namespace optirace::cli {

Surface parseSurfaceSpec(const std::string& flag, const std::string& text);  // NAME[:k=v,...]
Vec2 parsePoint(const std::string& flag, const std::string& text);           // X,Y
double parseNumberFlag(const std::string& flag, const std::string& text);
long parseCountFlag(const std::string& flag, const std::string& text, long lo, long hi);
std::uint64_t parseSeedFlag(const std::string& flag, const std::string& text);
double parseNoiseFlag(const std::string& flag, const std::string& text);  // σ ≥ 0
const OptimizerDef& parseOptimizerFlag(const std::string& flag, const std::string& name);

}  // namespace optirace::cli
