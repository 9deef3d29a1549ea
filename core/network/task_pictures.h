// A task's two pictures for the window, without GL (RGBA rows, row 0 the top, as
// sweep_picture.h): the decision boundary (the network's output over the input plane, class 0
// blue through a pale middle at ½ to class 1 red) and the loss on a weight-space slice (log10 of
// the loss through viridis, the colours of the surfaces' heatmaps).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "../vec2.h"
#include "dense_network.h"

namespace optirace {

struct TaskPicture {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;
};

// The colour of a predicted probability p (clamped to [0, 1]); p = ½ is the boundary.
std::uint32_t probabilityRgb(double p);
// The colour of class c (0 or 1) at full strength, where the network is sure of it.
std::uint32_t classRgb(int c);
// A data point's fill: its class's colour, darker, so that it shows on its own class's region.
std::uint32_t dataPointRgb(int c);

// The network's output at the centres of a columns × rows grid over view.
TaskPicture decisionPicture(DenseNetwork& network, std::span<const double> params,
                            const ViewBox& view, int columns, int rows);

// The slice's losses (sliceLosses' order: row 0 at the bottom) as a picture, log10 of the loss
// mapped from [logLo, logHi] to viridis; cells that are not numbers dark red.
struct LossLevels {
  double logLo = 0, logHi = 0;
};
LossLevels lossLevels(std::span<const double> losses);
TaskPicture slicePicture(std::span<const double> losses, int columns, int rows, LossLevels levels);

}  // namespace optirace
