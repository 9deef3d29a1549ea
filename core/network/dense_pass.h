// The sample loops of a network's forward and backward pass, one table per instruction set
// (dense_pass.inc); DenseNetwork calls the fastest the processor runs. Rows are `stride` values
// long, stride a multiple of eight; values past a batch's m samples are padding.
#pragma once

#include "dense_network.h"

namespace optirace {

// Each works on whole rows `stride` long, the padding included (whole groups of eight).
struct DensePassLoops {
  void (*layerSums)(const double* weights, const double* biases, const double* below, double* out,
                    int nIn, int nOut, int stride);
  double (*squaredErrors)(const double* predicted, const double* targets, double* error,
                          int outputs, int m, int stride);
  // How many of the first m samples have every output on the right side of ½ (ŷ > ½ exactly
  // where y > ½).
  int (*correctCount)(const double* predicted, const double* targets, int outputs, int m,
                      int stride);
  void (*outputDelta)(Activation kind, const double* error, const double* output, double* delta,
                      int outputs, int stride, int m);
  void (*layerGradient)(const double* delta, const double* below, double* dWeights, double* dBiases,
                        int nIn, int nOut, int m, int stride);
  void (*deltaBelow)(Activation kind, const double* weights, const double* delta,
                     const double* below, double* out, int nIn, int nOut, int stride);
};

const DensePassLoops& densePassLoopsSse2();    // any x86-64
const DensePassLoops& densePassLoopsAvx2();    // only where the processor has AVX2 and FMA
const DensePassLoops& densePassLoopsAvx512();  // only where it has AVX-512
const DensePassLoops& fastestDensePassLoops();

}  // namespace optirace
