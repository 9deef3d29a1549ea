// A loss surface f: R² → R with its analytic gradient, global minimizers and minimum value.
// A SurfaceDef is the catalogue entry (one file each in surfaces/); a Surface is a definition
// with its parameter values filled in, the thing racers descend.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vec2.h"

namespace optirace {

inline constexpr int kMaxSurfaceParams = 4;
using SurfaceParams = std::array<double, kMaxSurfaceParams>;

struct SurfaceParamDef {
  std::string_view name;
  double defaultValue;
  double minValue;  // inclusive
  double maxValue;  // inclusive
  std::string_view meaning;
};

struct SurfaceDef {
  std::string_view name;     // CLI/JSON name
  std::string_view title;    // shown in the UI
  std::string_view formula;  // shown in the UI and `optirace list`
  std::vector<SurfaceParamDef> params;
  double (*value)(const SurfaceParams& p, Vec2 w);
  Vec2 (*gradient)(const SurfaceParams& p, Vec2 w);
  std::vector<Vec2> (*minimizers)(const SurfaceParams& p);
  double (*minimumValue)(const SurfaceParams& p);
  ViewBox defaultView;  // a good first picture
  Vec2 defaultStart;
  int shaderId;  // selects the GLSL twin in shaders/surfaces.glsl
};

const std::vector<const SurfaceDef*>& allSurfaces();
const SurfaceDef* findSurface(std::string_view name);
std::string surfaceNameList();

class Surface {
 public:
  // The definition with its default parameters.
  explicit Surface(const SurfaceDef& def);

  const SurfaceDef& def() const { return *def_; }
  std::string_view name() const { return def_->name; }
  const SurfaceParams& params() const { return params_; }
  double param(std::string_view name) const;

  // Sets a named parameter; returns an error message naming it and its range when invalid.
  std::optional<std::string> setParam(std::string_view name, double value);

  double value(Vec2 w) const { return def_->value(params_, w); }
  Vec2 gradient(Vec2 w) const { return def_->gradient(params_, w); }
  std::vector<Vec2> minimizers() const { return def_->minimizers(params_); }
  double minimumValue() const { return def_->minimumValue(params_); }

 private:
  const SurfaceDef* def_;
  SurfaceParams params_{};
};

}  // namespace optirace
