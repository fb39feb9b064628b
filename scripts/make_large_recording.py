#!/usr/bin/env python3
"""Writes a large recording with rerun-sdk 0.41 for the loading benchmark (`rrd-bench load`).

Default: 1,000,000 points x 100 frames (positions, colors, radii on the `frame` sequence timeline)
plus one 640x480 RGB image every 10 frames and a scalar per frame. Data is seeded, so the content is
the same on every run (row ids, chunk boundaries and log_time are not: see Fixtures/README).

Setup (once):  python3 -m venv .bench-venv-rerun && .bench-venv-rerun/bin/pip install rerun-sdk==0.41.0 numpy
Usage:         .bench-venv-rerun/bin/python scripts/make_large_recording.py [OUT.rrd] [--points N] [--frames N]
Peer timing:   .bench-venv-rerun/bin/python scripts/make_large_recording.py --time-rerun-reader FILE.rrd [--runs N]
               (rerun-sdk's own reader, `rerun.chunk.RrdReader(path).stream()`, materialising every chunk's
               record batch; prints one JSON line like `rrd-bench load`)
"""
import argparse

import numpy as np
import rerun as rr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=".bench-scenes/large.rrd")
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--frames", type=int, default=100)
    parser.add_argument("--time-rerun-reader", metavar="FILE", help="time rerun-sdk's reader on FILE instead of writing")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.time_rerun_reader:
        time_rerun_reader(args.time_rerun_reader, args.runs)
        return

    import os

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    rng = np.random.default_rng(7)
    rr.init("rrd_render_bench_large", recording_id="bench-large")
    rr.save(args.out)

    # A noisy sphere shell that drifts a little every frame: realistic float entropy.
    base = rng.normal(size=(args.points, 3)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    colors = rng.integers(0, 2**32, size=args.points, dtype=np.uint32)
    radii = np.full(args.points, 0.01, dtype=np.float32)
    image = rng.integers(0, 256, size=(480, 640, 3), dtype=np.uint8)

    for frame in range(args.frames):
        rr.set_time("frame", sequence=frame)
        jitter = rng.normal(scale=0.01, size=(args.points, 3)).astype(np.float32)
        rr.log("world/cloud", rr.Points3D(base * (1.0 + 0.001 * frame) + jitter, colors=colors, radii=radii))
        rr.log("plot/mean_x", rr.Scalars(float(jitter[:, 0].mean())))
        if frame % 10 == 0:
            rr.log("camera/image", rr.Image(np.roll(image, frame, axis=1)))
    rr.disconnect()


def time_rerun_reader(path: str, runs: int) -> None:
    import json
    import os
    import time

    def load() -> tuple[int, int]:
        chunks = rows = 0
        for chunk in rr.chunk.RrdReader(path).stream():
            batch = chunk.to_record_batch()
            chunks += 1
            rows += batch.num_rows
        return chunks, rows

    chunks, rows = load()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load()
        times.append(time.perf_counter() - start)
    times.sort()
    median = times[len(times) // 2]
    size = os.path.getsize(path)
    print(json.dumps({
        "bench": "load", "peer": "rerun-sdk 0.41.0 RrdReader.stream + to_record_batch", "file": path, "bytes": size,
        "chunks": chunks, "rows": rows, "runs": runs, "median_ms": round(median * 1e3, 2), "fastest_ms": round(times[0] * 1e3, 2),
        "mb_per_s": round(size / 1e6 / median, 1), "rows_per_s": round(rows / median),
    }, sort_keys=True))


if __name__ == "__main__":
    main()
