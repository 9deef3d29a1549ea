// The constants of the sigmoid's exp (core/network/clipped_exp.inc), as scripts/make-exp-table
// computes them with 60 digits: 2^(j/16) for j = 0 … 15, each as the nearest double (hi) plus
// the nearest double to what that misses (lo); 16/ln 2; and ln 2/16 split in two, its first part
// with 42 fractional bits so that n times it is exact for every |n| < 2^14. Arrays only: the
// AVX2 and AVX-512 files including this must not pull in inline functions (activation_avx2.cpp).
#pragma once

namespace optirace {

alignas(64) inline constexpr double kSixteenthPowersHi[16] = {
    0x1.0000000000000p+0, 0x1.0b5586cf9890fp+0, 0x1.172b83c7d517bp+0, 0x1.2387a6e756238p+0,
    0x1.306fe0a31b715p+0, 0x1.3dea64c123422p+0, 0x1.4bfdad5362a27p+0, 0x1.5ab07dd485429p+0,
    0x1.6a09e667f3bcdp+0, 0x1.7a11473eb0187p+0, 0x1.8ace5422aa0dbp+0, 0x1.9c49182a3f090p+0,
    0x1.ae89f995ad3adp+0, 0x1.c199bdd85529cp+0, 0x1.d5818dcfba487p+0, 0x1.ea4afa2a490dap+0};
alignas(64) inline constexpr double kSixteenthPowersLo[16] = {0x0.0p+0,
                                                              0x1.8a62e4adc610bp-54,
                                                              -0x1.19041b9d78a76p-55,
                                                              0x1.9b07eb6c70573p-54,
                                                              0x1.6f46ad23182e4p-55,
                                                              0x1.ada0911f09ebcp-55,
                                                              0x1.d4397afec42e2p-56,
                                                              0x1.6324c054647adp-54,
                                                              -0x1.bdd3413b26456p-54,
                                                              -0x1.41577ee04992fp-55,
                                                              0x1.6e9f156864b27p-54,
                                                              0x1.c7c46b071f2bep-56,
                                                              0x1.7a1cd345dcc81p-54,
                                                              0x1.11065895048ddp-55,
                                                              0x1.2ed02d75b3707p-55,
                                                              -0x1.e9c23179c2893p-54};
inline constexpr double kSixteenOverLn2 = 0x1.71547652b82fep+4;
inline constexpr double kLn2OverSixteenHi = 0x1.62e42fefa0000p-5;
inline constexpr double kLn2OverSixteenLo = 0x1.cf79abc9e3b3ap-44;

}  // namespace optirace
