// The networks of seed 003 §27.5: the seed's printed table, the tasks' data against the asset's
// numbers, the gradient against finite differences, and the training loop's conventions.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "network/activation.h"
#include "network/dense_pass.h"
#include "network/training_run.h"
#include "optimizer.h"
#include "racer.h"
#include "surface.h"

namespace optirace {
namespace {

std::vector<PassResult> train(const char* task, const char* optimizer, Hyper hyper, long epochs,
                              TrainingSettings settings = {}, Schedule schedule = {}) {
  TrainingRun run(*findTask(task), *findOptimizer(optimizer), hyper, schedule, settings);
  for (long k = 0; k < epochs; ++k) run.epoch();
  return run.history();
}

std::string sixDecimals(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", v);
  return text;
}

// The seed's summary table (§27.5): the last recorded loss (row N − 1 of loss_history) printed
// to six decimals, and XOR's first epoch with loss < 0.01 (">3000" when none).
struct SeedRow {
  const char* optimizer;
  Hyper hyper;
  const char* xorFinal;
  const char* circleFinal;
  long xorEpochsTo001;  // -1: none within 3000
};

TEST(NetworkTraining, ReproducesTheSeedsTable) {
  const SeedRow rows[] = {
      {"sgd", {.lr = 0.1}, "0.124916", "0.070572", -1},
      {"momentum", {.lr = 0.1, .beta1 = 0.9}, "0.002645", "0.070500", 2190},
      // The seed's RMSProp(eta=0.01, beta=0.9), ε = 1e-8: β is our beta2 (torch's alpha).
      {"rmsprop", {.lr = 0.01, .beta2 = 0.9, .eps = 1e-8}, "0.000000", "0.000275", 264},
      {"adam",
       {.lr = 0.01, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8},
       "0.000036",
       "0.005670",
       276},
  };
  for (const SeedRow& row : rows) {
    SCOPED_TRACE(row.optimizer);
    std::vector<PassResult> xorRows = train("xor", row.optimizer, row.hyper, 3000);
    std::vector<PassResult> circleRows = train("circle", row.optimizer, row.hyper, 2000);
    ASSERT_EQ(xorRows.size(), 3001u);
    ASSERT_EQ(circleRows.size(), 2001u);
    EXPECT_EQ(sixDecimals(xorRows[2999].loss), row.xorFinal);
    EXPECT_EQ(sixDecimals(circleRows[1999].loss), row.circleFinal);
    // The seed searches loss_history, rows 0 … N − 1.
    xorRows.pop_back();
    EXPECT_EQ(firstEpochBelow(xorRows, 0.01), row.xorEpochsTo001);
  }
}

// The backpropagated gradient against central differences of the loss, at the seed's initial
// weights and at weights after some training, for both activations.
TEST(NetworkTraining, GradientMatchesFiniteDifferences) {
  for (const TaskDef* task : allTasks()) {
    for (Activation activation : {Activation::Sigmoid, Activation::Relu}) {
      NetworkShape shape = task->shape;
      shape.activation = activation;
      DenseNetwork network(shape, task->data);
      std::vector<double> params = task->initialParams;
      for (std::size_t i = 0; i < params.size(); ++i) params[i] += 0.1 * std::sin(3.0 * i + 1.0);
      std::vector<double> gradient(params.size());
      network.evaluateWithGradient(params, {}, gradient);
      for (std::size_t i = 0; i < params.size(); ++i) {
        const double h = 1e-6;
        std::vector<double> up = params, down = params;
        up[i] += h;
        down[i] -= h;
        double numeric = (network.evaluate(up).loss - network.evaluate(down).loss) / (2 * h);
        EXPECT_NEAR(gradient[i], numeric, 1e-7 + 1e-5 * std::fabs(numeric))
            << task->name << " " << activationName(activation) << " parameter " << i;
      }
    }
  }
}

// The sample loops' SSE2, AVX2 and AVX-512 variants give the same loss and gradient to the bit
// (each wider one only where this processor has it), and so do the sigmoid's loops.
TEST(NetworkTraining, LoopVariantsAgreeToTheBit) {
  std::vector<std::pair<const char*, const DensePassLoops*>> wider;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    wider.push_back({"AVX2", &densePassLoopsAvx2()});
  if (__builtin_cpu_supports("avx512f")) wider.push_back({"AVX-512", &densePassLoopsAvx512()});
  if (wider.empty()) GTEST_SKIP() << "no AVX2 here: only the SSE2 loops run";
  for (auto [name, loops] : wider)
    for (const TaskDef* task : allTasks()) {
      for (Activation activation : {Activation::Sigmoid, Activation::Relu}) {
        NetworkShape shape = task->shape;
        shape.activation = activation;
        DenseNetwork sse2(shape, task->data, &densePassLoopsSse2());
        DenseNetwork other(shape, task->data, loops);
        std::vector<double> params = task->initialParams, g1(params.size()), g2(params.size());
        for (std::size_t i = 0; i < params.size(); ++i) params[i] += 0.3 * std::cos(5.0 * i);
        const int batch[] = {0, 3, 2, 1, 3};  // five samples (padding in a row) with a repeat
        PassResult a = sse2.evaluateWithGradient(params, batch, g1);
        PassResult b = other.evaluateWithGradient(params, batch, g2);
        EXPECT_EQ(a.loss, b.loss) << name;
        EXPECT_EQ(g1, g2) << name << " " << task->name << " " << activationName(activation);
        EXPECT_EQ(sse2.evaluate(params).loss, other.evaluate(params).loss) << name;
        // The whole data set: both halves, whole groups of eight in the sample loops.
        a = sse2.evaluateWithGradient(params, {}, g1);
        b = other.evaluateWithGradient(params, {}, g2);
        EXPECT_EQ(a.loss, b.loss) << name;
        EXPECT_EQ(a.accuracy, b.accuracy) << name << " " << task->name;
        EXPECT_EQ(g1, g2) << name << " " << task->name << " all samples";
      }
    }
  // The sigmoid's loops over 1 … 70 values (every tail length, past two blocks of 32), z from
  // −600 to 600 and one NaN: each within 9·2⁻⁵³ of 1/(1 + e^(−z)) computed in long double
  // (the exp, clipped_exp.inc, within 1 ulp, 2·2⁻⁵³ relative; 1 + e^(−z) one more rounding; the
  // shared division six, sigmoid_loop.inc), the NaN alone NaN, and every loop the same bits.
  for (int n = 1; n <= 70; ++n) {
    std::vector<double> z(n);
    for (int i = 0; i < n; ++i) z[i] = i == 17 ? NAN : -600.0 + 1200.0 * std::sin(0.37 * i + n);
    std::vector<double> baseline = z;
    sigmoidSse2(baseline.data(), n);
    for (int i = 0; i < n; ++i) {
      if (i == 17) {
        EXPECT_TRUE(std::isnan(baseline[i])) << "n " << n;
        continue;
      }
      long double exact =
          1.0L / (1.0L + std::exp(-static_cast<long double>(std::clamp(z[i], -500.0, 500.0))));
      EXPECT_LE(std::abs(static_cast<long double>(baseline[i]) - exact), 9 * 0x1p-53L * exact)
          << "n " << n << " i " << i << " z " << z[i];
    }
    for (auto loop : {&sigmoidAvx2, &sigmoidAvx512}) {
      const bool runs = loop == &sigmoidAvx2
                            ? __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")
                            : __builtin_cpu_supports("avx512f");
      if (!runs) continue;
      std::vector<double> out = z;
      loop(out.data(), n);
      for (int i = 0; i < n; ++i)
        EXPECT_TRUE(out[i] == baseline[i] || (std::isnan(out[i]) && std::isnan(baseline[i])))
            << "n " << n << " i " << i;
    }
  }
}

// The same bound over a fine scan of the clipped range (every 0.005: exp's reduced argument takes
// values all across its interval in every binade of e^(−z)), and finer where σ varies most.
TEST(NetworkTraining, SigmoidIsWithinItsBoundAcrossTheClippedRange) {
  std::vector<double> z;
  for (int i = -100000; i <= 100000; ++i) z.push_back(i * 0.005);
  for (int i = -20000; i <= 20000; ++i) z.push_back(i * 0.000731);
  std::vector<double> out = z;
  sigmoidInPlace(out.data(), static_cast<int>(out.size()));
  int outside = 0;
  for (std::size_t i = 0; i < z.size(); ++i) {
    long double exact = 1.0L / (1.0L + std::exp(-static_cast<long double>(z[i])));
    if (std::abs(static_cast<long double>(out[i]) - exact) > 9 * 0x1p-53L * exact) {
      if (++outside <= 5) ADD_FAILURE() << "z " << z[i] << ": " << out[i];
    }
  }
  EXPECT_EQ(outside, 0);
}

// Row k is the loss after k epochs: the row a full-batch step measures in its own pass equals a
// separate evaluation of the same weights, to the bit; N epochs give N + 1 rows.
TEST(NetworkTraining, RowsAreTheLossAfterEachEpoch) {
  const TaskDef& task = *findTask("circle");
  TrainingRun run(task, *findOptimizer("adam"), {.lr = 0.01}, {}, {});
  DenseNetwork network(task.shape, task.data);
  std::vector<std::vector<double>> weights{task.initialParams};
  for (int k = 0; k < 25; ++k) {
    run.epoch();
    weights.emplace_back(run.params().begin(), run.params().end());
  }
  const std::vector<PassResult>& rows = run.history();
  ASSERT_EQ(rows.size(), 26u);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    PassResult separate = network.evaluate(weights[k]);
    EXPECT_EQ(rows[k].loss, separate.loss) << "row " << k;
    EXPECT_EQ(rows[k].accuracy, separate.accuracy) << "row " << k;
  }
  EXPECT_EQ(run.steps(), 25);
}

// A batch as large as the data set is the full batch; smaller batches take ⌈m/B⌉ steps an
// epoch, the same seed the same batches, another seed others.
TEST(NetworkTraining, MiniBatches) {
  auto lastLoss = [](TrainingSettings settings, long* steps = nullptr) {
    TrainingRun run(*findTask("circle"), *findOptimizer("momentum"), {.lr = 0.1, .beta1 = 0.9}, {},
                    settings);
    for (int k = 0; k < 20; ++k) run.epoch();
    if (steps) *steps = run.steps();
    return run.history().back().loss;
  };
  EXPECT_EQ(lastLoss({.batchSize = 300, .seed = 4}), lastLoss({}));
  long steps = 0;
  double seeded = lastLoss({.batchSize = 32, .seed = 4}, &steps);
  EXPECT_EQ(steps, 20 * 10);  // ⌈300/32⌉ = 10
  EXPECT_EQ(seeded, lastLoss({.batchSize = 32, .seed = 4}));
  EXPECT_NE(seeded, lastLoss({.batchSize = 32, .seed = 5}));
}

// The 2-D race is the two-parameter instance of the same optimizer templates: a
// ParameterOptimizer over two parameters, handed the surface's gradient, steps to the race's
// bits, for every optimizer of the registry.
TEST(NetworkTraining, TwoParametersStepAsTheRace) {
  Surface surface(*findSurface("rosenbrock"));
  for (const OptimizerDef* def : allOptimizers()) {
    Hyper h = def->defaults;
    h.lr = def->name == "adadelta" ? 1.0 : 1e-3;
    Racer racer({std::string(def->name), std::string(def->name), h, {-1.0, 0.5}}, surface,
                RaceSettings{});
    auto optimizer = makeParameterOptimizer(*def, 2);
    std::vector<double> w{-1.0, 0.5}, point(2), g(2);
    for (long t = 1; t <= 300; ++t) {
      optimizer->gradientPoint(h, w, point);
      Vec2 gradient = surface.gradient({point[0], point[1]});
      g = {gradient.x, gradient.y};
      optimizer->step(h, t, g, w);
      Vec2 raced = racer.step().w;
      ASSERT_EQ(w[0], raced.x) << def->name << " step " << t;
      ASSERT_EQ(w[1], raced.y) << def->name << " step " << t;
    }
  }
}

}  // namespace
}  // namespace optirace
