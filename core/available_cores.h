// How many processors this process may run on.
#pragma once

namespace optirace {

// The processors in this process's CPU affinity (taskset, a container's cpuset), which
// std::thread::hardware_concurrency() ignores; at least 1. A second thread that spins while it
// waits for the first (core/network/pass_partner.h) is only worth starting where this is ≥ 2:
// on one processor the two would take turns a scheduler time slice at a time.
int availableCores();

}  // namespace optirace
