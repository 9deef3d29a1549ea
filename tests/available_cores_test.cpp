// The processors a sweep's threads may use are the process's CPU affinity (taskset, a
// container's cpuset), not the machine's count: under `taskset -c 0` one.
#include "available_cores.h"

#include <gtest/gtest.h>
#include <sched.h>

namespace optirace {
namespace {

TEST(AvailableCores, FollowsTheAffinity) {
  cpu_set_t all;
  ASSERT_EQ(sched_getaffinity(0, sizeof all, &all), 0);
  EXPECT_EQ(availableCores(), CPU_COUNT(&all));

  cpu_set_t one;
  CPU_ZERO(&one);
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &all)) {
      CPU_SET(cpu, &one);
      break;
    }
  ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
  EXPECT_EQ(availableCores(), 1);
  ASSERT_EQ(sched_setaffinity(0, sizeof all, &all), 0);
}

}  // namespace
}  // namespace optirace
