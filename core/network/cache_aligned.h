// Vectors whose memory starts on a cache line (64 bytes): the network's rows of samples, read
// and written eight values (an AVX-512 register) at a time, each group one whole line rather
// than parts of two.
#pragma once

#include <cstddef>
#include <new>
#include <vector>

namespace optirace {

template <class T>
struct CacheAlignedAllocator {
  using value_type = T;
  static constexpr std::align_val_t kAlignment{64};
  CacheAlignedAllocator() = default;
  template <class U>
  CacheAlignedAllocator(const CacheAlignedAllocator<U>&) {}
  T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), kAlignment)); }
  void deallocate(T* p, std::size_t) { ::operator delete(p, kAlignment); }
  template <class U>
  bool operator==(const CacheAlignedAllocator<U>&) const {
    return true;
  }
};

using AlignedDoubles = std::vector<double, CacheAlignedAllocator<double>>;

}  // namespace optirace
