// How many processors this process may run on.
#pragma once

namespace optirace {

// The processors in this process's CPU affinity (taskset, a container's cpuset), which
// std::thread::hardware_concurrency() ignores; at least 1: the threads a sweep starts (more
// would take turns a scheduler time slice at a time).
int availableCores();

}  // namespace optirace
