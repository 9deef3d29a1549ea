// Gradient noise ξ ~ N(0, I) from a generator written here rather than <random>'s
// distributions, whose outputs differ between standard libraries: a seed must give the same
// trajectory on every platform. xoshiro256** (seeded through splitmix64) supplies uniform bits;
// Marsaglia's polar method turns them into normal pairs using only +, ×, log and sqrt.
#pragma once

#include <cstdint>

#include "vec2.h"

namespace optirace {

class GaussianNoise {
 public:
  explicit GaussianNoise(std::uint64_t seed);

  std::uint64_t nextBits();
  double nextUniform();  // in [0, 1), 53 random bits
  double nextNormal();
  Vec2 nextVec2() {  // x drawn first, then y
    double x = nextNormal();
    return {x, nextNormal()};
  }

 private:
  std::uint64_t s_[4];
  double spare_ = 0.0;
  bool hasSpare_ = false;
};

}  // namespace optirace
