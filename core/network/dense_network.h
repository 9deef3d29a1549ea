// A small fully connected network as seed 003's NeuralNetwork (§27.5): layers of sizes
// n₀ → n₁ → … with the same activation on every layer (output included), mean squared error
// L = (1/2m)·Σ(ŷ − y)², and full-batch gradients by backpropagation (BP1–BP4) in the seed's
// order of operations. Its parameters are one flat vector in the seed's get_params() order:
// W₀ (n₁ × n₀, row by row), b₀, W₁, b₁, …
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "cache_aligned.h"

namespace optirace {

enum class Activation { Sigmoid, Relu };
std::string_view activationName(Activation a);  // "sigmoid", "relu"

struct NetworkShape {
  std::vector<int> layers;  // e.g. {2, 8, 1}
  Activation activation = Activation::Sigmoid;

  int parameterCount() const;
  int layerCount() const { return static_cast<int>(layers.size()) - 1; }  // weight layers
  int weightOffset(int layer) const;                                      // where W_layer starts
  int biasOffset(int layer) const {
    return weightOffset(layer) + layers[layer] * layers[layer + 1];
  }
  bool operator==(const NetworkShape&) const = default;
};

// Samples as the seed holds them: inputs (features × m) and targets (outputs × m), row-major.
struct Dataset {
  int features = 0, outputs = 0, samples = 0;
  std::vector<double> inputs, targets;
  double input(int feature, int sample) const { return inputs[feature * samples + sample]; }
  double target(int output, int sample) const { return targets[output * samples + sample]; }
};

// What one pass over samples measured: the loss and the share of samples whose every output is
// on the target's side of 1/2 (classification accuracy for 0/1 targets).
struct PassResult {
  double loss = 0.0;
  double accuracy = 0.0;
};

struct DensePassLoops;  // dense_pass.h

// Evaluates a network of one shape on one data set; keeps its scratch memory between calls
// (not shareable between threads). Each sum over the samples (Σe², each gradient entry) is taken
// in one fixed order (dense_pass.inc), the same on every machine.
//
// One thread: a pass of the circle (300 samples) split in two halves on two threads ran no
// faster here once the loops took AVX-512 and FMA (4.94 against 4.96 µs an epoch, twelve
// interleaved repetitions): the hand-over and the weights and gradient crossing between cores
// every epoch cost what the second core saved. The window trains its racers in parallel instead.
class DenseNetwork {
 public:
  // loops: the sample loops' variant (dense_pass.h); by default the fastest this processor runs.
  DenseNetwork(NetworkShape shape, const Dataset& data, const DensePassLoops* loops = nullptr);

  const NetworkShape& shape() const { return shape_; }
  const Dataset& data() const { return *data_; }

  // The loss at params over the given samples (all when rows is empty).
  PassResult evaluate(std::span<const double> params, std::span<const int> rows = {});
  // The same, and ∂L/∂params into gradient (the seed's backward()).
  PassResult evaluateWithGradient(std::span<const double> params, std::span<const int> rows,
                                  std::span<double> gradient);
  // The network's first output at each of count points (x, y) of the input plane (2 features).
  void predict(std::span<const double> params, std::span<const double> xs,
               std::span<const double> ys, std::span<double> out);

 private:
  // Loads the samples (a_0 and y) and sizes every buffer for m of them.
  void prepare(std::span<const int> rows);
  // The forward pass over the loaded samples, and with a gradient the backward one.
  PassResult pass(std::span<const double> params, std::span<double> gradient);

  NetworkShape shape_;
  const Dataset* data_;
  const DensePassLoops* loops_;
  int batch_ = 0;   // samples in the last pass (m)
  int stride_ = 0;  // m rounded up to whole groups of eight: each row's length below
  std::vector<AlignedDoubles> activity_;  // a_l per layer (n_l rows), a_0 the inputs
  AlignedDoubles targets_, error_;        // y and a_L − y of the last pass
  const Dataset* loadedAll_ = nullptr;    // whose samples, all of them, a_0 and y hold
  std::vector<AlignedDoubles> deltas_;    // BP2's δ for each weight layer's outputs
};

}  // namespace optirace
