// The processor's divide/square-root limit for Adam's sweep: the throughput of vector square
// roots and divisions (the widest vectors this processor has) on every core at once, and the
// bound it puts on cell-steps per second, lanes ÷ (2·t_sqrt + t_div) per core: Adam's sweep
// does two square roots and one division a cell-step (core/optimizers/adam_core.h).
// Prints one line for scripts/sweep-bench. Not part of the tests' pass/fail.
#include <immintrin.h>

#include <chrono>
#include <cstdio>
#include <string_view>
#include <thread>
#include <vector>

namespace {

constexpr long kRounds = 20'000'000;
constexpr int kChains = 8;  // independent chains: enough to hide the units' latency

// Seconds per vector operation, for one thread. volatile seeds keep the compiler honest.
__attribute__((target("avx2"))) double sqrtAvx2() {
  volatile double seed = 1.5;
  __m256d a[kChains];
  for (auto& x : a) x = _mm256_set1_pd(seed);
  auto t0 = std::chrono::steady_clock::now();
  for (long i = 0; i < kRounds; ++i)
    for (auto& x : a) x = _mm256_sqrt_pd(_mm256_add_pd(x, x));  // the add is off the unit
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  volatile double sink = _mm256_cvtsd_f64(a[0]);
  (void)sink;
  return s / (double(kRounds) * kChains);
}
__attribute__((target("avx2"))) double divAvx2() {
  volatile double seed = 1.5;
  __m256d a[kChains], c = _mm256_set1_pd(2.25);
  for (auto& x : a) x = _mm256_set1_pd(seed);
  auto t0 = std::chrono::steady_clock::now();
  for (long i = 0; i < kRounds; ++i)
    for (auto& x : a) x = _mm256_div_pd(c, x);  // alternates between 1.5 and 2.25/1.5
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  volatile double sink = _mm256_cvtsd_f64(a[0]);
  (void)sink;
  return s / (double(kRounds) * kChains);
}
// GCC 12's own _mm512_sqrt_pd passes _mm512_undefined_pd() as its unused merge source, which
// -Wuninitialized reports inside the compiler's header.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
__attribute__((target("avx512f"))) double sqrtAvx512() {
  volatile double seed = 1.5;
  __m512d a[kChains];
  for (auto& x : a) x = _mm512_set1_pd(seed);
  auto t0 = std::chrono::steady_clock::now();
  for (long i = 0; i < kRounds; ++i)
    for (auto& x : a) x = _mm512_sqrt_pd(_mm512_add_pd(x, x));
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  volatile double sink = _mm512_cvtsd_f64(a[0]);
  (void)sink;
  return s / (double(kRounds) * kChains);
}
#pragma GCC diagnostic pop
__attribute__((target("avx512f"))) double divAvx512() {
  volatile double seed = 1.5;
  __m512d a[kChains], c = _mm512_set1_pd(2.25);
  for (auto& x : a) x = _mm512_set1_pd(seed);
  auto t0 = std::chrono::steady_clock::now();
  for (long i = 0; i < kRounds; ++i)
    for (auto& x : a) x = _mm512_div_pd(c, x);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  volatile double sink = _mm512_cvtsd_f64(a[0]);
  (void)sink;
  return s / (double(kRounds) * kChains);
}

// The mean seconds per operation over threads running f at once, one per core.
double onEveryCore(double (*f)(), int cores) {
  std::vector<double> seconds(static_cast<size_t>(cores));
  std::vector<std::thread> threads;
  for (int i = 0; i < cores; ++i) threads.emplace_back([&, i] { seconds[size_t(i)] = f(); });
  for (auto& t : threads) t.join();
  double sum = 0;
  for (double s : seconds) sum += s;
  return sum / cores;
}

}  // namespace

// With the argument "avx2", the limit of four-lane vectors even where AVX-512 is there: the
// kernel's AVX2 variant measured against its own width (scripts/sweep-bench --all).
int main(int argc, char** argv) {
  __builtin_cpu_init();
  bool forceAvx2 = argc > 1 && std::string_view(argv[1]) == "avx2";
  bool avx512 = !forceAvx2 && __builtin_cpu_supports("avx512f");
  if (!avx512 && !__builtin_cpu_supports("avx2")) {
    std::printf("divide/sqrt limit: needs AVX2 or AVX-512\n");
    return 1;
  }
  int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int lanes = avx512 ? 8 : 4;
  double tSqrt = onEveryCore(avx512 ? sqrtAvx512 : sqrtAvx2, cores);
  double tDiv = onEveryCore(avx512 ? divAvx512 : divAvx2, cores);
  double bound = cores * lanes / (2 * tSqrt + tDiv);
  std::printf(
      "divide/sqrt limit: %s, %d lanes, %d cores: sqrt %.3f ns, div %.3f ns a vector per core; "
      "Adam's bound %.1f M cell-steps/s\n",
      avx512 ? "AVX-512" : "AVX2", lanes, cores, tSqrt * 1e9, tDiv * 1e9, bound / 1e6);
  return 0;
}
