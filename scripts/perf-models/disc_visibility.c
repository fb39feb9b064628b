// A lower-bound model of the visibility pass of gradient-shaded points (PointGradient.swift): the bare
// AVX2 kernel that tests one disc's fixed block of 4 samples per pixel against its radius and the depth
// samples, and writes depth and point id where both pass. No set-up, no binning, no radius classes,
// no culling, no shading: what is left when all of that costs nothing. Random discs of radius 1.4 px
// over 32 x 32-pixel tiles (1500 per tile, about the 1M-point export frame's density), each tile's
// depth and ids cleared first as the renderer does.
//
//   cc -O2 -mavx2 -o /tmp/disc_visibility scripts/perf-models/disc_visibility.c
//   /tmp/disc_visibility 4 2    # rows, 2-pixel spans of the block: 4 2 is the 4 x 4 block, 3 2 the 3 x 4
//
// Prints the best of 7 passes in nanoseconds per disc.
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { side = 32, perTile = 1500, tiles = 2000 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    const int rows = argc > 1 ? atoi(argv[1]) : 4, spans = argc > 2 ? atoi(argv[2]) : 2;
    const float radius = rows == 4 ? 1.4f : 1.0f;
    float *x = malloc(sizeof(float) * perTile * tiles), *y = malloc(sizeof(float) * perTile * tiles);
    float *z = malloc(sizeof(float) * perTile * tiles);
    srand(1);
    for (int i = 0; i < perTile * tiles; i++) {
        x[i] = rand() / (float)RAND_MAX * side;
        y[i] = rand() / (float)RAND_MAX * side;
        z[i] = rand() / (float)RAND_MAX;
    }
    float *depth = aligned_alloc(64, side * side * 16);
    uint32_t *ids = aligned_alloc(64, side * side * 16 + 1024) + 256;   // not 4 KiB apart from depth
    const __m256 lx = _mm256_setr_ps(0.375f, 0.875f, 0.125f, 0.625f, 1.375f, 1.875f, 1.125f, 1.625f);
    const __m256 ly = _mm256_setr_ps(0.125f, 0.375f, 0.625f, 0.875f, 0.125f, 0.375f, 0.625f, 0.875f);
    double best = 1e9;
    uint64_t check = 0;
    for (int pass = 0; pass < 7; pass++) {
        double t0 = now();
        for (int t = 0; t < tiles; t++) {
            for (int i = 0; i < side * side * 4; i++) { depth[i] = 1; ids[i] = ~0u; }
            for (int k = t * perTile; k < (t + 1) * perTile; k++) {
                int bx = (int)(x[k] - radius - 0.875f + 1), by = (int)(y[k] - radius - 0.875f + 1);
                bx = bx < 0 ? 0 : bx > side - 2 * spans ? side - 2 * spans : bx;
                by = by < 0 ? 0 : by > side - rows ? side - rows : by;
                const __m256 zk = _mm256_set1_ps(z[k]), r2 = _mm256_set1_ps(radius * radius);
                const __m256 id = _mm256_castsi256_ps(_mm256_set1_epi32(k));
                for (int s = 0; s < spans; s++) {
                    __m256 dx = _mm256_sub_ps(_mm256_add_ps(_mm256_set1_ps((float)(bx + 2 * s)), lx), _mm256_set1_ps(x[k]));
                    dx = _mm256_mul_ps(dx, dx);
                    for (int r = 0; r < rows; r++) {
                        __m256 dy = _mm256_sub_ps(_mm256_add_ps(_mm256_set1_ps((float)(by + r)), ly), _mm256_set1_ps(y[k]));
                        __m256 d2 = _mm256_add_ps(dx, _mm256_mul_ps(dy, dy));
                        const int at = ((by + r) * side + bx + 2 * s) * 4;
                        __m256 old = _mm256_loadu_ps(depth + at);
                        __m256 m = _mm256_and_ps(_mm256_cmp_ps(d2, r2, _CMP_LE_OQ), _mm256_cmp_ps(zk, old, _CMP_LT_OQ));
                        _mm256_storeu_ps(depth + at, _mm256_blendv_ps(old, zk, m));
                        __m256 oldID = _mm256_loadu_ps((float *)(ids + at));
                        _mm256_storeu_ps((float *)(ids + at), _mm256_blendv_ps(oldID, id, m));
                    }
                }
            }
            check += ids[t % (side * side * 4)];
        }
        double dt = now() - t0;
        if (dt < best) best = dt;
    }
    printf("%d x %d block: %.1f ns a disc (check %llu)\n", rows, 2 * spans, best * 1e9 / ((double)perTile * tiles),
           (unsigned long long)check);
    return 0;
}
