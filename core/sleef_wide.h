// SLEEF's 256- and 512-bit deterministic functions the sweep kernel calls. sleef.h declares
// them only where the whole translation unit is compiled for AVX or AVX-512 (#ifdef __AVX__),
// but the kernel's variants switch instruction sets per function (#pragma GCC target), so the
// few it needs are declared here, exactly as libsleef 3.5 exports them.
#pragma once

#include <immintrin.h>

// SLEEF's pairs of vectors (sin, cos), laid out as sleef.h's Sleef___m256d_2 and _m512d_2.
struct SleefSinCos256 {
  __m256d sin, cos;
};
struct SleefSinCos512 {
  __m512d sin, cos;
};

extern "C" {
SleefSinCos256 Sleef_cinz_sincospid4_u35avx(__m256d) __attribute__((const));
SleefSinCos512 Sleef_cinz_sincospid8_u35avx512fnofma(__m512d) __attribute__((const));
}
