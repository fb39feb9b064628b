// Float-to-double widening of 4 lanes, in clang's vector extensions: one `vcvtps2pd` with AVX, two SSE2
// conversions in the portable x86-64 build. Swift's `SIMD4<Double>(_: SIMD4<Float>)` compiled to scalar
// conversions and shuffles. Swift sees the types as `SIMD4<Float>` and `SIMD4<Double>`; `static inline`,
// so the function is inlined into the Swift loops.
#ifndef RRD_WIDEN_H
#define RRD_WIDEN_H

typedef float rrd_floats4 __attribute__((ext_vector_type(4)));
typedef double rrd_doubles4 __attribute__((ext_vector_type(4)));

/// Each lane of `v` as a double (exact).
static inline rrd_doubles4 rrd_widen4(rrd_floats4 v) { return __builtin_convertvector(v, rrd_doubles4); }

#endif
