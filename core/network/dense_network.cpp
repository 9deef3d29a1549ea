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
      activity_(shape_.layers.size()),
      deltas_(shape_.layerCount()) {}

void DenseNetwork::prepare(std::span<const int> rows) {
  const Dataset& data = *data_;
  const int m = batch_ = rows.empty() ? data.samples : static_cast<int>(rows.size());
  // Rows of whole groups of eight (an AVX-512 register; a cache line), padded with zeros.
  const int stride = stride_ = (m + 7) / 8 * 8;
  auto sampleOf = [&](int s) { return rows.empty() ? s : rows[s]; };
  // The samples' inputs and targets, padded rows of stride values; kept while the next pass
  // is again over all of the same data (every full-batch epoch).
  const bool sameAsLoaded = rows.empty() && loadedAll_ == &data;
  loadedAll_ = rows.empty() ? &data : nullptr;
  if (!sameAsLoaded) {
    AlignedDoubles& input = activity_[0];
    input.assign(static_cast<std::size_t>(data.features) * stride, 0.0);
    for (int f = 0; f < data.features; ++f)
      for (int s = 0; s < m; ++s) input[f * stride + s] = data.input(f, sampleOf(s));
    targets_.assign(static_cast<std::size_t>(data.outputs) * stride, 0.0);
    for (int o = 0; o < data.outputs; ++o)
      for (int s = 0; s < m; ++s) targets_[o * stride + s] = data.target(o, sampleOf(s));
  }
  for (int l = 0; l < shape_.layerCount(); ++l) {
    const std::size_t size = static_cast<std::size_t>(shape_.layers[l + 1]) * stride;
    activity_[l + 1].resize(size);
    deltas_[l].resize(size);
  }
  error_.resize(activity_.back().size());
}

PassResult DenseNetwork::pass(std::span<const double> params, std::span<double> gradient) {
  const int m = batch_, stride = stride_, last = shape_.layerCount();
  const DensePassLoops& loops = *loops_;
  const Activation kind = shape_.activation;

  // z = W·a + b, then a = σ(z), layer by layer (the seed's forward()).
  for (int l = 0; l < last; ++l) {
    const int nIn = shape_.layers[l], nOut = shape_.layers[l + 1];
    double* out = activity_[l + 1].data();
    loops.layerSums(params.data() + shape_.weightOffset(l), params.data() + shape_.biasOffset(l),
                    activity_[l].data(), out, nIn, nOut, stride);
    for (int j = 0; j < nOut; ++j) activate(kind, out + static_cast<std::size_t>(j) * stride, m);
  }
  // Σ(ŷ − y)², and how many samples are on the right side of 1/2.
  const Dataset& data = *data_;
  const double* predicted = activity_.back().data();
  const double squares =
      loops.squaredErrors(predicted, targets_.data(), error_.data(), data.outputs, m, stride);
  const int correct = loops.correctCount(predicted, targets_.data(), data.outputs, m, stride);
  const PassResult result{0.5 * squares / m, static_cast<double>(correct) / m};
  if (gradient.empty()) return result;

  // BP1: δ_L = ((a_L − y)/m) ⊙ σ'(z_L); then BP3, BP4 for each layer and BP2 for the layer below.
  loops.outputDelta(kind, error_.data(), predicted, deltas_[last - 1].data(), data.outputs, stride,
                    m);
  for (int l = last - 1; l >= 0; --l) {
    const int nIn = shape_.layers[l], nOut = shape_.layers[l + 1];
    loops.layerGradient(deltas_[l].data(), activity_[l].data(),
                        gradient.data() + shape_.weightOffset(l),
                        gradient.data() + shape_.biasOffset(l), nIn, nOut, m, stride);
    if (l == 0) break;
    loops.deltaBelow(kind, params.data() + shape_.weightOffset(l), deltas_[l].data(),
                     activity_[l].data(), deltas_[l - 1].data(), nIn, nOut, stride);
  }
  return result;
}

PassResult DenseNetwork::evaluate(std::span<const double> params, std::span<const int> rows) {
  prepare(rows);
  return pass(params, {});
}

PassResult DenseNetwork::evaluateWithGradient(std::span<const double> params,
                                              std::span<const int> rows,
                                              std::span<double> gradient) {
  prepare(rows);
  return pass(params, gradient);
}

void DenseNetwork::predict(std::span<const double> params, std::span<const double> xs,
                           std::span<const double> ys, std::span<double> out) {
  // The points as a data set of their own, evaluated in chunks.
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
    evaluate(params);
    std::copy_n(activity_.back().begin(), count, out.begin() + first);
  }
  data_ = own;
  loadedAll_ = nullptr;
}

}  // namespace optirace
