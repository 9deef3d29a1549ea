#include "dense_network.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "activation.h"
#include "dense_pass.h"

namespace optirace {

std::string_view activationName(Activation a) {
  return a == Activation::Sigmoid ? "sigmoid" : "relu";
}

int NetworkShape::parameterCount() const {
  int count = 0;
  for (int l = 0; l < layerCount(); ++l) count += (layers[l] + 1) * layers[l + 1];
  return count;
}

int NetworkShape::weightOffset(int layer) const {
  int offset = 0;
  for (int l = 0; l < layer; ++l) offset += (layers[l] + 1) * layers[l + 1];
  return offset;
}

DenseNetwork::DenseNetwork(NetworkShape shape, const Dataset& data, const DensePassLoops* loops)
    : shape_(std::move(shape)),
      data_(&data),
      loops_(loops ? loops : &fastestDensePassLoops()),
      activity_(shape_.layers.size()) {}

PassResult DenseNetwork::forward(std::span<const double> params, std::span<const int> rows) {
  const Dataset& data = *data_;
  const int m = batch_ = rows.empty() ? data.samples : static_cast<int>(rows.size());
  const int stride = stride_ = (m + 3) / 4 * 4;  // whole groups for every loop variant
  auto sampleOf = [&](int s) { return rows.empty() ? s : rows[s]; };
  // The samples' inputs and targets, padded rows of stride values; kept while the next pass
  // is again over all of the same data (every full-batch epoch).
  const bool sameAsLoaded = rows.empty() && loadedAll_ == &data;
  loadedAll_ = rows.empty() ? &data : nullptr;
  if (!sameAsLoaded) {
    std::vector<double>& input = activity_[0];
    input.assign(static_cast<std::size_t>(data.features) * stride, 0.0);
    for (int f = 0; f < data.features; ++f)
      for (int s = 0; s < m; ++s) input[f * stride + s] = data.input(f, sampleOf(s));
    targets_.assign(static_cast<std::size_t>(data.outputs) * stride, 0.0);
    for (int o = 0; o < data.outputs; ++o)
      for (int s = 0; s < m; ++s) targets_[o * stride + s] = data.target(o, sampleOf(s));
  }

  // z = W·a + b, then a = σ(z), layer by layer (the seed's forward()).
  const DensePassLoops& loops = *loops_;
  for (int l = 0; l < shape_.layerCount(); ++l) {
    const int nIn = shape_.layers[l], nOut = shape_.layers[l + 1];
    std::vector<double>& out = activity_[l + 1];
    out.resize(static_cast<std::size_t>(nOut) * stride);
    loops.layerSums(params.data() + shape_.weightOffset(l), params.data() + shape_.biasOffset(l),
                    activity_[l].data(), out.data(), nIn, nOut, stride);
    for (int j = 0; j < nOut; ++j)
      activate(shape_.activation, out.data() + static_cast<std::size_t>(j) * stride, m);
  }

  // L = (1/2m)·Σ(ŷ − y)², and how many samples are on the right side of 1/2.
  const std::vector<double>& predicted = activity_.back();
  error_.resize(predicted.size());
  double squares = loops.squaredErrors(predicted.data(), targets_.data(), error_.data(),
                                       data.outputs, m, stride);
  int correct = 0;
  if (data.outputs == 1) {  // the tasks' case, in a loop the compiler vectorises
    for (int s = 0; s < m; ++s) correct += (predicted[s] > 0.5) == (targets_[s] > 0.5);
    return {0.5 * squares / m, static_cast<double>(correct) / m};
  }
  for (int s = 0; s < m; ++s) {
    int right = 1;  // without branches: a sample's outputs are all right or it is wrong
    for (int o = 0; o < data.outputs; ++o)
      right &= (predicted[o * stride + s] > 0.5) == (targets_[o * stride + s] > 0.5);
    correct += right;
  }
  return {0.5 * squares / m, static_cast<double>(correct) / m};
}

PassResult DenseNetwork::evaluate(std::span<const double> params, std::span<const int> rows) {
  return forward(params, rows);
}

PassResult DenseNetwork::evaluateWithGradient(std::span<const double> params,
                                              std::span<const int> rows,
                                              std::span<double> gradient) {
  PassResult result = forward(params, rows);
  const int m = batch_, stride = stride_, last = shape_.layerCount();
  const Activation kind = shape_.activation;

  // BP1: δ_L = ((a_L − y)/m) ⊙ σ'(z_L), with a_L − y from forward().
  const DensePassLoops& loops = *loops_;
  const std::vector<double>& output = activity_[last];
  delta_.resize(output.size());
  loops.outputDelta(kind, error_.data(), output.data(), delta_.data(),
                    static_cast<int>(output.size()), m);
  for (int l = last - 1; l >= 0; --l) {
    const int nIn = shape_.layers[l], nOut = shape_.layers[l + 1];
    // BP3, BP4 for layer l, then BP2 for the layer below it.
    loops.layerGradient(delta_.data(), activity_[l].data(),
                        gradient.data() + shape_.weightOffset(l),
                        gradient.data() + shape_.biasOffset(l), nIn, nOut, m, stride);
    if (l == 0) break;
    deltaBelow_.resize(static_cast<std::size_t>(nIn) * stride);
    loops.deltaBelow(kind, params.data() + shape_.weightOffset(l), delta_.data(),
                     activity_[l].data(), deltaBelow_.data(), nIn, nOut, stride);
    std::swap(delta_, deltaBelow_);
  }
  return result;
}

void DenseNetwork::predict(std::span<const double> params, std::span<const double> xs,
                           std::span<const double> ys, std::span<double> out) {
  // The points as a data set of their own, passed through forward() in chunks.
  constexpr int kChunk = 1024;
  Dataset points{.features = 2, .outputs = 0, .samples = 0, .inputs = {}, .targets = {}};
  const Dataset* own = data_;
  data_ = &points;
  for (std::size_t first = 0; first < out.size(); first += kChunk) {
    int count = static_cast<int>(std::min<std::size_t>(kChunk, out.size() - first));
    points.samples = count;
    points.inputs.resize(2 * static_cast<std::size_t>(count));
    std::copy_n(xs.begin() + first, count, points.inputs.begin());
    std::copy_n(ys.begin() + first, count, points.inputs.begin() + count);
    loadedAll_ = nullptr;  // new points at the same address
    forward(params, {});
    std::copy_n(activity_.back().begin(), count, out.begin() + first);
  }
  data_ = own;
  loadedAll_ = nullptr;
}

}  // namespace optirace
