// A software prefetch, which Swift cannot spell. `static inline`, so it is inlined into the Swift loops.
#ifndef RRD_PREFETCH_H
#define RRD_PREFETCH_H

/// Asks for the cache line holding `p` ahead of a store to it (a hint: never faults, whatever `p` is).
static inline void rrd_prefetch_write(const void *p) { __builtin_prefetch(p, 1, 3); }

/// Asks for the cache line holding `p` ahead of a load from it (a hint: never faults).
static inline void rrd_prefetch_read(const void *p) { __builtin_prefetch(p, 0, 3); }

#endif
