#include "contour_lines.h"

#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace optirace {

std::vector<ContourSegment> contourSegments(const std::vector<double>& values, int columns,
                                            int rows, double level) {
  std::vector<ContourSegment> out;
  auto at = [&](int c, int r) { return values[static_cast<size_t>(r) * columns + c]; };
  for (int r = 0; r + 1 < rows; ++r)
    for (int c = 0; c + 1 < columns; ++c) {
      // Corners counter-clockwise from the lower left: (c, r), (c+1, r), (c+1, r+1), (c, r+1).
      const double v[4] = {at(c, r), at(c + 1, r), at(c + 1, r + 1), at(c, r + 1)};
      const Vec2 p[4] = {{double(c), double(r)},
                         {double(c + 1), double(r)},
                         {double(c + 1), double(r + 1)},
                         {double(c), double(r + 1)}};
      if (!std::isfinite(v[0]) || !std::isfinite(v[1]) || !std::isfinite(v[2]) ||
          !std::isfinite(v[3]))
        continue;
      bool above[4];
      for (int k = 0; k < 4; ++k) above[k] = v[k] > level;
      // Where the level crosses edge k (from corner k to corner k + 1), if it does.
      auto crossing = [&](int k) {
        int n = (k + 1) % 4;
        double t = (level - v[k]) / (v[n] - v[k]);
        return p[k] + (p[n] - p[k]) * t;
      };
      std::vector<int> edges;
      for (int k = 0; k < 4; ++k)
        if (above[k] != above[(k + 1) % 4]) edges.push_back(k);
      if (edges.size() == 2) {
        out.push_back({crossing(edges[0]), crossing(edges[1])});
      } else if (edges.size() == 4) {
        // A saddle: the centre decides which pairs of edges connect.
        bool centreAbove = (v[0] + v[1] + v[2] + v[3]) / 4 > level;
        if (centreAbove == above[0]) {  // corner 0's side joins across: cut off corners 1 and 3
          out.push_back({crossing(0), crossing(1)});
          out.push_back({crossing(2), crossing(3)});
        } else {  // cut off corners 0 and 2
          out.push_back({crossing(3), crossing(0)});
          out.push_back({crossing(1), crossing(2)});
        }
      }
    }
  return out;
}

namespace {
// An endpoint rounded to 2⁻²⁰ of a cell: equal keys are the same point.
struct EndpointKey {
  std::int64_t x, y;
  bool operator==(const EndpointKey&) const = default;
};
EndpointKey endpointKey(Vec2 p) {
  return {std::llround(p.x * 1048576.0), std::llround(p.y * 1048576.0)};
}
struct EndpointHash {
  std::size_t operator()(const EndpointKey& k) const {
    return std::hash<std::int64_t>()(k.x) * 0x9E3779B97F4A7C15ull ^ std::hash<std::int64_t>()(k.y);
  }
};
}  // namespace

std::vector<std::vector<Vec2>> joinSegments(const std::vector<ContourSegment>& segments) {
  std::unordered_multimap<EndpointKey, std::size_t, EndpointHash> byEnd;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    byEnd.emplace(endpointKey(segments[i].a), i);
    byEnd.emplace(endpointKey(segments[i].b), i);
  }
  std::vector<char> used(segments.size(), 0);
  // The unused segment that has an end at p, and its other end.
  auto next = [&](Vec2 p, Vec2& other) {
    auto [from, to] = byEnd.equal_range(endpointKey(p));
    for (auto it = from; it != to; ++it) {
      std::size_t i = it->second;
      if (used[i]) continue;
      used[i] = 1;
      other = endpointKey(segments[i].a) == it->first ? segments[i].b : segments[i].a;
      return true;
    }
    return false;
  };
  std::vector<std::vector<Vec2>> lines;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (used[i]) continue;
    used[i] = 1;
    std::vector<Vec2> forward{segments[i].a, segments[i].b}, backward;
    Vec2 p;
    while (next(forward.back(), p)) forward.push_back(p);
    Vec2 start = forward.front();
    while (next(start, p)) backward.push_back(start = p);
    std::vector<Vec2> line(backward.rbegin(), backward.rend());
    line.insert(line.end(), forward.begin(), forward.end());
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace optirace
