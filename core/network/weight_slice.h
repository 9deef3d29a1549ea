// A 2-D slice of a network's weight space, for drawing its loss landscape: the plane
// θ(α, β) = θ₀ + α·d₁ + β·d₂ through the shared initialisation θ₀, along two directions chosen
// as the literature does (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets"):
//   - the first two principal components of the racers' trajectories (θₖ − θ₀, every epoch of
//     every racer), the plane that holds most of where training went;
//   - two random directions, filter-normalised: each neuron's incoming weights scaled to the
//     norm of that neuron's weights in θ₀, biases 0, so the slice's scale matches the net's;
//   - two named weights (unit directions), e.g. W₀[3,1] and b₁[0].
// Trajectories are projected onto the plane by least squares: a path drawn on the slice is a
// projection (the weights leave the plane), the landscape under it a slice.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "../vec2.h"
#include "dense_network.h"

namespace optirace {

enum class SliceKind { PrincipalComponents, RandomFilterNormalised, NamedWeights };

struct WeightSlice {
  SliceKind kind = SliceKind::PrincipalComponents;
  std::vector<double> origin, first, second;  // θ₀, d₁, d₂
  std::string firstLabel, secondLabel;        // axis labels, e.g. "PC 1 (71 %)", "W₀[3,1]"

  // (α, β) minimising |θ − θ(α, β)|.
  Vec2 project(std::span<const double> params) const;
  // θ(α, β) into out (the origin's size).
  void pointAt(Vec2 ab, std::span<double> out) const;
};

// "W₀[j,i]" (layer l's weight from input i to neuron j) or "b₀[j]" for parameter index.
std::string parameterName(const NetworkShape& shape, int index);

// The plane of the first two principal components of the trajectories' steps from origin
// (each trajectory a list of parameter vectors, e.g. one per epoch). Where the trajectories
// span fewer than two directions, the missing ones are completed from the coordinate axes.
WeightSlice principalComponentSlice(std::span<const double> origin,
                                    const std::vector<std::vector<std::vector<double>>>& paths);
WeightSlice randomFilterNormalisedSlice(const NetworkShape& shape, std::span<const double> origin,
                                        std::uint64_t seed);
// Throws std::invalid_argument when an index is out of range or both are the same.
WeightSlice namedWeightSlice(const NetworkShape& shape, std::span<const double> origin,
                             int firstIndex, int secondIndex);

// The loss at the centres of a columns × rows grid over view (row 0 at view.yMin), on two
// threads: out[row * columns + column].
void sliceLosses(const NetworkShape& shape, const Dataset& data, const WeightSlice& slice,
                 const ViewBox& view, int columns, int rows, std::span<double> out);

}  // namespace optirace
