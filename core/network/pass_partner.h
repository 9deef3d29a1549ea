// A second thread for a network's pass: it takes one half of the samples while the caller's
// thread takes the other (dense_network.h), an epoch of the circle being ~10 µs, too short for
// a thread started per pass or a condition variable's wake-up. It spins briefly between passes
// (an epoch follows the last within microseconds) and then sleeps, so an idle partner costs no
// processor time.
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

namespace optirace {

class PassPartner {
 public:
  using Job = void (*)(void* context);

  PassPartner();
  ~PassPartner();
  PassPartner(const PassPartner&) = delete;
  PassPartner& operator=(const PassPartner&) = delete;

  // Runs job(context) on the partner thread; the caller then does its own share and wait()s.
  void start(Job job, void* context);
  // Until the job started last has finished (its writes are then visible to the caller).
  void wait();

 private:
  void loop();

  Job job_ = nullptr;
  void* context_ = nullptr;
  std::atomic<std::uint64_t> started_{0}, finished_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace optirace
