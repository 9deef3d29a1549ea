#include "dense_network.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "activation.h"

namespace optirace {
namespace {

// Two samples' values (an SSE2 register): GCC's vector extension, element-wise IEEE arithmetic.
constexpr int kGroup = 2;
typedef double Group __attribute__((vector_size(8 * kGroup)));
inline Group load(const double* p) {
  Group g;
  std::memcpy(&g, p, sizeof g);
  return g;
}
inline void store(double* p, Group g) {
  std::memcpy(p, &g, sizeof g);
}

// Σ a[s]·b[s] and Σ a[s] over the samples in four interleaved partial sums, added as
// (s₀ + s₁) + (s₂ + s₃): a fixed order (results are the same on every machine) whose four
// independent chains the processor overlaps; NumPy's matrix products sum in an order of their
// own, too.
double sumOfProducts(const double* __restrict a, const double* __restrict b, int n) {
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; ++i) s0 += a[i] * b[i];
  return (s0 + s1) + (s2 + s3);
}
double sumOf(const double* __restrict a, int n) {
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i];
    s1 += a[i + 1];
    s2 += a[i + 2];
    s3 += a[i + 3];
  }
  for (; i < n; ++i) s0 += a[i];
  return (s0 + s1) + (s2 + s3);
}

}  // namespace

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

DenseNetwork::DenseNetwork(NetworkShape shape, const Dataset& data)
    : shape_(std::move(shape)), data_(&data), activity_(shape_.layers.size()) {}

PassResult DenseNetwork::forward(std::span<const double> params, std::span<const int> rows) {
  const Dataset& data = *data_;
  const int m = batch_ = rows.empty() ? data.samples : static_cast<int>(rows.size());
  const int stride = stride_ = (m + kGroup - 1) / kGroup * kGroup;
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

  // z = W·a + b, then a = σ(z), layer by layer (the seed's forward()); two samples at a time,
  // each z summed over the layer's inputs in order, then b added.
  for (int l = 0; l < shape_.layerCount(); ++l) {
    const int nIn = shape_.layers[l], nOut = shape_.layers[l + 1];
    const double* weights = params.data() + shape_.weightOffset(l);
    const double* biases = params.data() + shape_.biasOffset(l);
    const double* below = activity_[l].data();
    std::vector<double>& out = activity_[l + 1];
    out.resize(static_cast<std::size_t>(nOut) * stride);
    for (int j = 0; j < nOut; ++j) {
      double* z = out.data() + static_cast<std::size_t>(j) * stride;
      const double* w = weights + j * nIn;
      for (int s = 0; s < stride; s += kGroup) {
        Group sum = w[0] * load(below + s);
        for (int i = 1; i < nIn; ++i)
          sum += w[i] * load(below + static_cast<std::size_t>(i) * stride + s);
        store(z + s, sum + biases[j]);
      }
      activate(shape_.activation, z, m);
    }
  }

  // L = (1/2m)·Σ(ŷ − y)², and how many samples are on the right side of 1/2.
  const std::vector<double>& predicted = activity_.back();
  error_.resize(predicted.size());
  double squares = 0.0;
  for (int o = 0; o < data.outputs; ++o) {
    const double* yHat = predicted.data() + static_cast<std::size_t>(o) * stride;
    const double* y = targets_.data() + static_cast<std::size_t>(o) * stride;
    double* e = error_.data() + static_cast<std::size_t>(o) * stride;
    for (int s = 0; s < m; ++s) e[s] = yHat[s] - y[s];
    squares += sumOfProducts(e, e, m);
  }
  int correct = 0;
  for (int s = 0; s < m; ++s) {
    bool right = true;
    for (int o = 0; o < data.outputs; ++o)
      right = right && ((predicted[o * stride + s] > 0.5) == (targets_[o * stride + s] > 0.5));
    correct += right ? 1 : 0;
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
  const std::vector<double>& output = activity_[last];
  delta_.resize(output.size());
  for (std::size_t s = 0; s < output.size(); ++s)
    delta_[s] = error_[s] / m * activationSlope(kind, output[s]);

  for (int l = last - 1; l >= 0; --l) {
    const int nIn = shape_.layers[l], nOut = shape_.layers[l + 1];
    const double* below = activity_[l].data();
    // BP3, BP4: ∂L/∂W_l = δ·a_lᵀ, ∂L/∂b_l = Σ_s δ (over the batch's m samples).
    double* dWeights = gradient.data() + shape_.weightOffset(l);
    double* dBiases = gradient.data() + shape_.biasOffset(l);
    for (int j = 0; j < nOut; ++j) {
      const double* d = delta_.data() + static_cast<std::size_t>(j) * stride;
      for (int i = 0; i < nIn; ++i)
        dWeights[j * nIn + i] = sumOfProducts(d, below + static_cast<std::size_t>(i) * stride, m);
      dBiases[j] = sumOf(d, m);
    }
    if (l == 0) break;
    // BP2: δ_l = (W_{l+1}ᵀ·δ_{l+1}) ⊙ σ'(z_l), two samples at a time.
    const double* weights = params.data() + shape_.weightOffset(l);
    deltaBelow_.resize(static_cast<std::size_t>(nIn) * stride);
    for (int i = 0; i < nIn; ++i) {
      double* out = deltaBelow_.data() + static_cast<std::size_t>(i) * stride;
      const double* a = below + static_cast<std::size_t>(i) * stride;
      for (int s = 0; s < stride; s += kGroup) {
        Group sum = weights[i] * load(delta_.data() + s);
        for (int j = 1; j < nOut; ++j)
          sum +=
              weights[j * nIn + i] * load(delta_.data() + static_cast<std::size_t>(j) * stride + s);
        store(out + s, sum * activationSlope(kind, load(a + s)));
      }
    }
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
