#include "cli_values.h"

#include "expression/typed_surface.h"
#include "number_format.h"

namespace optirace::cli {

double parseNumberFlag(const std::string& flag, const std::string& text) {
  auto v = parseFiniteDouble(text);
  if (!v) throw InputError(flag + ": '" + text + "' is not a finite number");
  return *v;
}

long parseCountFlag(const std::string& flag, const std::string& text, long lo, long hi) {
  auto v = parseInteger(text);
  if (!v || *v < lo || *v > hi)
    throw InputError(flag + ": '" + text + "' is not a whole number in [" + std::to_string(lo) +
                     ", " + std::to_string(hi) + "]");
  return static_cast<long>(*v);
}

std::uint64_t parseSeedFlag(const std::string& flag, const std::string& text) {
  auto v = parseUnsigned(text);
  if (!v) throw InputError(flag + ": '" + text + "' is not a whole number in [0, 2^64)");
  return *v;
}

double parseNoiseFlag(const std::string& flag, const std::string& text) {
  double sigma = parseNumberFlag(flag, text);
  if (sigma < 0.0) throw InputError(flag + ": must be >= 0 (got " + text + ")");
  return sigma;
}

const OptimizerDef& parseOptimizerFlag(const std::string& flag, const std::string& name) {
  const OptimizerDef* def = findOptimizer(name);
  if (!def)
    throw InputError(flag + ": unknown optimizer '" + name + "' (valid: " + optimizerNameList() +
                     ")");
  return *def;
}

Vec2 parsePoint(const std::string& flag, const std::string& text) {
  auto comma = text.find(',');
  if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos)
    throw InputError(flag + ": '" + text + "' is not a point X,Y (e.g. -1,0.5)");
  auto x = parseFiniteDouble(text.substr(0, comma));
  auto y = parseFiniteDouble(text.substr(comma + 1));
  if (!x || !y) throw InputError(flag + ": '" + text + "' is not a point X,Y of finite numbers");
  return {*x, *y};
}

// expr:EXPRESSION or expr:EXPRESSION;name=value,... (ENGINE.md).
Surface parseTypedSurfaceSpec(const std::string& flag, const std::string& text) {
  std::string body = text.substr(kTypedSurfaceName.size() + 1);
  auto semicolon = body.find(';');
  TypedSurfaceSpec spec;
  spec.text = body.substr(0, semicolon);
  if (semicolon != std::string::npos) {
    std::string rest = body.substr(semicolon + 1);
    for (std::size_t pos = 0; pos <= rest.size();) {
      std::size_t end = std::min(rest.find(',', pos), rest.size());
      std::string item = rest.substr(pos, end - pos);
      auto eq = item.find('=');
      if (eq == std::string::npos || eq == 0)
        throw InputError(flag + ": expr: '" + item + "' after ';' is not name=value (e.g. a=1)");
      auto value = parseFiniteDouble(item.substr(eq + 1));
      if (!value)
        throw InputError(flag + ": expr: " + item.substr(0, eq) + "='" + item.substr(eq + 1) +
                         "' is not a finite number");
      spec.params.push_back({item.substr(0, eq), *value});
      pos = end + 1;
    }
  }
  try {
    return makeTypedSurface(spec);
  } catch (const ExpressionError& e) {
    throw InputError(flag + ": expr: " + e.what());
  }
}

Surface parseSurfaceSpec(const std::string& flag, const std::string& text) {
  auto colon = text.find(':');
  std::string name = text.substr(0, colon);
  if (name == kTypedSurfaceName && colon != std::string::npos)
    return parseTypedSurfaceSpec(flag, text);
  const SurfaceDef* def = findSurface(name);
  if (!def)
    throw InputError(flag + ": unknown surface '" + name + "' (valid: " + surfaceNameList() +
                     ", or expr:EXPRESSION)");
  Surface surface(*def);
  if (colon == std::string::npos) return surface;
  std::string rest = text.substr(colon + 1);
  std::size_t pos = 0;
  while (pos <= rest.size()) {
    std::size_t end = rest.find(',', pos);
    if (end == std::string::npos) end = rest.size();
    std::string item = rest.substr(pos, end - pos);
    auto eq = item.find('=');
    if (eq == std::string::npos)
      throw InputError(
          flag + ": '" + item + "' is not key=value (e.g. " + name + ":" +
          (def->params.empty() ? std::string("...") : std::string(def->params[0].name) + "=1") +
          ")");
    std::string key = item.substr(0, eq);
    auto value = parseFiniteDouble(item.substr(eq + 1));
    if (!value)
      throw InputError(flag + ": " + key + "='" + item.substr(eq + 1) + "' is not a finite number");
    if (auto error = surface.setParam(key, *value)) throw InputError(flag + ": " + *error);
    pos = end + 1;
  }
  return surface;
}

}  // namespace optirace::cli
