#include "pass_partner.h"

namespace optirace {

namespace {
// A pause in a spin loop: lets the other hyper-thread run and saves power while spinning.
inline void relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}
// Spins before sleeping: about a millisecond, far longer than the gap between two epochs'
// passes, far shorter than a human notices a busy core.
constexpr int kSpins = 4000;
// After this many spins a waiting thread also yields its processor at each spin: where the two
// threads share one (a busy machine), the other can then finish its half at once instead of at
// the end of the scheduler's time slice. A pass's hand-over takes under a microsecond, so the
// first few microseconds of waiting spin only.
constexpr int kSpinsBeforeYielding = 64;
inline void relaxOrYield(int spin) {
  if (spin < kSpinsBeforeYielding)
    relax();
  else
    std::this_thread::yield();
}
}  // namespace

PassPartner::PassPartner() : thread_([this] { loop(); }) {}

PassPartner::~PassPartner() {
  stopping_.store(true, std::memory_order_relaxed);
  started_.fetch_add(1, std::memory_order_release);  // wakes it to see stopping_
  started_.notify_one();
  thread_.join();
}

void PassPartner::start(Job job, void* context) {
  job_ = job;
  context_ = context;
  started_.fetch_add(1, std::memory_order_release);  // publishes job_ and context_
  started_.notify_one();
}

void PassPartner::wait() {
  const std::uint64_t target = started_.load(std::memory_order_relaxed);
  for (int spin = 0; finished_.load(std::memory_order_acquire) != target; ++spin)
    relaxOrYield(spin);
}

void PassPartner::loop() {
  std::uint64_t seen = 0;
  for (;;) {
    std::uint64_t now = started_.load(std::memory_order_acquire);
    for (int spin = 0; now == seen && spin < kSpins; ++spin) {
      relaxOrYield(spin);
      now = started_.load(std::memory_order_acquire);
    }
    if (now == seen) {
      started_.wait(seen, std::memory_order_acquire);
      continue;
    }
    seen = now;
    if (stopping_.load(std::memory_order_relaxed)) return;
    job_(context_);
    finished_.store(seen, std::memory_order_release);
  }
}

}  // namespace optirace
