// Reductions of 8- and 4-lane masks for the rasterizer's kernels, in clang's vector extensions so that
// the compiler emits the CPU's own instruction: one `vmovmskps` / `vptest` with AVX, two SSE halves in
// the portable x86-64 build. Swift's own spellings of these (lane extracts, then scalar ands and ors)
// compiled to about 24 instructions each. Swift sees `rrd_lanes8` and `rrd_lanes4` as `SIMD8<Int32>`
// and `SIMD4<Int32>`; the functions are `static inline`, so they are inlined into the Swift kernels.
#ifndef RRD_LANE_MASKS_H
#define RRD_LANE_MASKS_H

#include <stdint.h>

typedef int32_t rrd_lanes8 __attribute__((ext_vector_type(8)));
typedef int32_t rrd_lanes4 __attribute__((ext_vector_type(4)));
typedef _Bool rrd_bools8 __attribute__((ext_vector_type(8)));

/// Bit j set when lane j's sign bit is set: for a lane mask (all ones or zero per lane), bit j set for
/// every set lane j.
static inline uint32_t rrd_lane_bits8(rrd_lanes8 m) {
    return __builtin_bit_cast(uint8_t, __builtin_convertvector(m < 0, rrd_bools8));
}

/// Whether any bit of any lane is set.
static inline _Bool rrd_any_bits8(rrd_lanes8 m) { return __builtin_reduce_or(m) != 0; }
static inline _Bool rrd_any_bits4(rrd_lanes4 m) { return __builtin_reduce_or(m) != 0; }

/// Whether every bit of every lane is set.
static inline _Bool rrd_all_bits8(rrd_lanes8 m) { return __builtin_reduce_and(m) == -1; }
static inline _Bool rrd_all_bits4(rrd_lanes4 m) { return __builtin_reduce_and(m) == -1; }

#endif
