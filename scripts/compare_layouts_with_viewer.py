#!/usr/bin/env python3
"""Whole pictures side by side: the Rerun 0.41 viewer's default arrangement of a recording's views next to
`rrd-render snapshot` of the same recording (all views, title bars on) at the same size and time.

compare_with_viewer.py compares one view at a time; this script compares the arrangement: which views appear, in
which cells, with which share of the picture. The viewer opens each recording with its own blueprint (the
file's, else its default views and auto layout) and only its side panels collapsed; the picture is the viewport
below the top bar, 960x540 for the default --window.

Setup and the viewer binary: as in compare_with_viewer.py. Run from the repository root:
    /tmp/venv-rerun/bin/python scripts/compare_layouts_with_viewer.py .build/release/rrd-render docs/comparison/layouts
    ... --recordings Fixtures/rrd/series.rrd more.rrd     other recordings than the default list
"""

from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys
import tempfile
import time

from PIL import Image

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import compare_with_viewer as cv  # noqa: E402  (the viewer process, screenshots, time arguments, side_by_side)

# Fixtures whose viewer picture holds more than one view.
DEFAULT_RECORDINGS = ["series", "tensor_text", "timelines", "images", "blueprint", "blueprint_views", "transforms"]
VIEWPORT = (1, 37, 960, 540)  # x, y, width, height of the views' area in a 962x607 window with panels collapsed
COLLAPSED_PANELS = {
    "/blueprint_panel": {"PanelBlueprint": {"state": "Collapsed"}},
    "/selection_panel": {"PanelBlueprint": {"state": "Collapsed"}},
    "/time_panel": {"TimePanelBlueprint": {"state": "Collapsed"}},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rrd_render", help="path of the rrd-render binary")
    parser.add_argument("out", help="output folder for <recording>__layout.png")
    parser.add_argument("--recordings", nargs="*", help="recordings to compare (default: multi-view fixtures)")
    parser.add_argument("--width", type=int, default=480, help="width of each half of a picture")
    parser.add_argument("--port", type=int, default=9894)
    parser.add_argument("--rerun", help="the rerun viewer executable")
    args = parser.parse_args()

    recordings = [pathlib.Path(r) for r in args.recordings] if args.recordings else \
        [cv.FIXTURES / f"{name}.rrd" for name in DEFAULT_RECORDINGS]
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = pathlib.Path(tempfile.mkdtemp(prefix="compare-layouts-"))
    viewer = cv.Viewer(cv.find_rerun(args.rerun), args.port, "962x607", work / "viewer.log")
    try:
        client = viewer.client
        time.sleep(20)  # the start-up notifications fade out
        for recording in recordings:
            name = recording.stem
            store = client.open(str(recording.resolve())).store_ids[0]
            state = client.get_state()
            entry = next(r for r in state.recordings if r.store_id == store)
            timelines = {t.name: t for t in entry.timelines}
            timeline = entry.current_timeline if entry.current_timeline in timelines else next(iter(timelines), None)
            if name in cv.TIMES:
                timeline, value = cv.TIMES[name]
            else:
                value = timelines[timeline].end if timeline else None
            blueprint = dict(client.get_blueprint(store_id=store).blueprint)
            blueprint.update(COLLAPSED_PANELS)
            client.set_blueprint(blueprint, store_id=store)
            our_time = []
            if timeline:
                viewer_time, text = cv.time_arguments(timelines[timeline].time_type, value)
                client.set_time(timeline, play_state="paused", **viewer_time)
                our_time = ["--timeline", timeline, "--time", text]
            previous = None
            for _ in range(8):  # two screenshots in a row must agree (egui animates collapsing panels)
                time.sleep(1)
                shot = cv.png_array(cv.screenshot(client))
                if previous is not None and (previous == shot).all():
                    break
                previous = shot
            x, y, w, h = VIEWPORT
            viewer_picture = Image.fromarray(shot[y:y + h, x:x + w])
            ours_path = work / f"{name}.png"
            run = subprocess.run([args.rrd_render, "snapshot", str(recording), "--size", f"{w}x{h}", *our_time,
                                  "-o", str(ours_path)], capture_output=True, text=True)
            ours = Image.open(ours_path).convert("RGB") if run.returncode == 0 else None
            caption = f"{name}" + (f"  {timeline}={cv.time_caption(timelines[timeline].time_type, value)}"
                                   if timeline else "")
            picture = cv.side_by_side(viewer_picture, ours, args.width, caption, "",
                                      None if run.returncode == 0 else run.stderr.strip())
            picture.save(out / f"{name}__layout.png", optimize=True)
            print(f"{name}__layout.png  {'ok' if run.returncode == 0 else 'ours failed'}")
            client.close(store_ids=[store])
    finally:
        viewer.close()


if __name__ == "__main__":
    main()
