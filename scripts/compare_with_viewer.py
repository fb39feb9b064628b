#!/usr/bin/env python3
"""Side-by-side pictures of every fixture: the real Rerun viewer (0.41, headless) next to rrd-render.

For each recording in Fixtures/rrd/*.rrd, open it in a headless Rerun viewer, read the views the viewer creates by
default, and for each view: give the viewer a blueprint holding only that view (same origin, same contents query, no
title bar, panels collapsed, and for 3D views a pinned camera), set the same time, take the viewer's screenshot, crop
it to the view's drawing area, render the same view at the same time, size and camera with `rrd-render snapshot`,
and write <out>/<fixture>__<origin>_<class>.png = viewer | ours, labelled, each side scaled to --width pixels.

Setup (once; the viewer draws on the CPU through Mesa's lavapipe Vulkan driver):
    sudo apt-get install mesa-vulkan-drivers
    python3 -m venv /tmp/venv-rerun && /tmp/venv-rerun/bin/pip install rerun-sdk==0.41.0 numpy pillow
    swift build -c release --product rrd-render

Run (from the repository root):
    /tmp/venv-rerun/bin/python scripts/compare_with_viewer.py .build/release/rrd-render docs/comparison
    ... --fixtures dna points      only these fixtures
    ... --raw /tmp/cmp-raw         also keep the full-size viewer and rrd-render pictures there (for measuring)

The viewer executable is the one rerun-sdk installs (rerun_cli/rerun), else `rerun` on PATH, else --rerun PATH.
The viewer's own default 3D camera is not repeatable, so CAMERAS below pins one camera per 3D view.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid

import numpy as np
from PIL import Image, ImageDraw, ImageFont

import rerun.experimental as rx

REPO = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = REPO / "Fixtures" / "rrd"

# Fixtures left out: byte-level variants of another fixture (same scene), or two recordings in one file.
SKIP = {
    "concatenated": "two recordings in one file (timelines + clear), both compared on their own",
    "points_uncompressed": "same scene as points.rrd, only the compression differs",
    "partial_updates_optimized": "same scene as partial_updates.rrd, only the chunking differs",
}

# Pinned 3D cameras per (fixture, view origin): eye position, look target, up (all in the view's origin frame).
# Chosen by hand from each fixture script's scene so that everything logged is in the picture.
CAMERAS: dict[tuple[str, str], tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]] = {
    ("blueprint", "/world"): ((2.2, -1.2, 1.8), (0.5, 0.5, 0.5), (0, 0, 1)),
    ("clear", "/"): ((4.5, -1.0, 4.0), (2.0, 2.0, 2.0), (0, 0, 1)),
    ("custom", "/"): ((3.5, -1.5, 2.5), (1.0, 1.0, 1.0), (0, 0, 1)),
    ("dna", "/"): ((10.0, -10.0, 9.0), (0.0, 0.0, 6.0), (0, 0, 1)),
    ("geometry", "/"): ((6.5, -5.0, 5.0), (1.2, 1.5, 0.8), (0, 0, 1)),
    ("images", "/"): ((3.5, -3.0, 0.5), (0.0, 0.0, 1.2), (0, 0, 1)),
    ("mesh_asset", "/"): ((2.6, -1.8, 2.0), (0.4, 0.4, 0.3), (0, 0, 1)),
    ("no_footer", "/"): ((4.0, -1.0, 5.0), (1.0, 2.0, 3.0), (0, 0, 1)),
    ("partial_updates", "/"): ((5.5, 3.5, 7.0), (4.0, 5.0, 6.0), (0, 0, 1)),
    ("points", "/"): ((3.5, -3.0, 2.5), (0.3, 0.3, 0.3), (0, 0, 1)),
    ("transforms", "/world"): ((2.5, -3.0, 2.0), (0.0, 0.0, 0.3), (0, 0, 1)),
}
DEFAULT_CAMERA = ((5.0, -5.0, 4.0), (0.0, 0.0, 0.0), (0, 0, 1))

# A moment other than the end of the viewer's default timeline, where the end shows too little.
TIMES: dict[str, tuple[str, int]] = {
    "clear": ("frame", 1),  # /scene/a cleared (flat), /scene/a/child, /scene/b and /scene/b/child still there
    "partial_updates": ("frame", 2),  # frame 3 clears every field, frame 4 leaves no positions
}

VIEW_CLASSES = {"3D", "2D", "TimeSeries", "BarChart", "Tensor", "TextDocument", "TextLog"}
FOV_DEGREES = 55.0  # the viewer's 3D vertical field of view


def find_rerun(explicit: str | None) -> str:
    """The viewer binary itself (not the pip launcher script, whose child would outlive a terminate())."""
    if explicit:
        return explicit
    try:
        import rerun_cli

        binary = pathlib.Path(rerun_cli.__file__).parent / "rerun"
        if binary.exists():
            return str(binary)
    except ImportError:
        pass
    found = shutil.which("rerun")
    if not found:
        sys.exit("no `rerun` executable: install rerun-sdk==0.41.0 in this Python's venv or pass --rerun")
    return found


class Viewer:
    """A headless viewer process and a client connected to it."""

    def __init__(self, rerun: str, port: int, window: str, log_path: pathlib.Path) -> None:
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(
            [rerun, "--headless", "--port", str(port), "--window-size", window, "--hide-welcome-screen"],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        url = f"rerun+http://127.0.0.1:{port}/proxy"
        deadline = time.monotonic() + 60
        while True:
            try:
                self.client = rx.ViewerClient.connect(url)
                self.client.get_state()
                break
            except Exception:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the headless viewer did not start; see {log_path}")
                time.sleep(0.5)

    def close(self) -> None:
        """Ends the viewer's own process group (a launcher script and its child alike)."""
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
        self.log.close()


def only_view_blueprint(view_class: str, origin: str, query: list[str], camera) -> dict:
    """A blueprint with one view (no title bar), every panel collapsed, and the camera pinned for 3D."""
    view, container = str(uuid.uuid4()), str(uuid.uuid4())
    blueprint = {
        f"/container/{container}": {"ContainerBlueprint": {
            "container_kind": "Tabs", "contents": [f"/view/{view}"], "active_tab": f"/view/{view}", "visible": True}},
        f"/view/{view}": {"ViewBlueprint": {
            "class_identifier": view_class, "space_origin": origin, "visible": True, "titlebar": False}},
        f"/view/{view}/ViewContents": {"ViewContents": {"query": query}},
        "/viewport": {"ViewportBlueprint": {"root_container": container, "auto_views": False, "auto_layout": False}},
        "/blueprint_panel": {"PanelBlueprint": {"state": "Collapsed"}},
        "/selection_panel": {"PanelBlueprint": {"state": "Collapsed"}},
        "/time_panel": {"TimePanelBlueprint": {"state": "Collapsed"}},
        "/top_panel": {"PanelBlueprint": {"state": "Hidden"}},
    }
    if camera is not None:
        eye, target, up = camera
        blueprint[f"/view/{view}/EyeControls3D"] = {"EyeControls3D": {
            "position": list(eye), "look_target": list(target), "eye_up": list(up)}}
    return blueprint


def content_rect(full: np.ndarray, view_shot: np.ndarray) -> tuple[int, int, int, int]:
    """The view's drawing area in the full-window screenshot, as (x, y, width, height).

    The per-view screenshot is the view's rectangle shrunk by a few pixels; find it inside the full screenshot,
    then grow it line by line while the next line is not a frame line (one flat colour that is not the view's
    own background colour)."""
    h, w = view_shot.shape[:2]
    best = None
    for dy in range(0, min(80, full.shape[0] - h + 1)):
        for dx in range(0, min(12, full.shape[1] - w + 1)):
            if np.array_equal(full[dy:dy + h, dx:dx + w], view_shot):
                best = (dx, dy)
                break
        if best:
            break
    if best is None:
        raise RuntimeError("the view's screenshot is not part of the window's screenshot")
    x0, y0, x1, y1 = best[0], best[1], best[0] + w, best[1] + h
    colours, counts = np.unique(view_shot.reshape(-1, view_shot.shape[2]), axis=0, return_counts=True)
    background = colours[counts.argmax()]

    def is_frame(line: np.ndarray) -> bool:
        flat = (line == line[0]).all()
        return bool(flat and not np.array_equal(line[0], background))

    for _ in range(8):
        if x0 > 0 and not is_frame(full[y0:y1, x0 - 1]):
            x0 -= 1
        if x1 < full.shape[1] and not is_frame(full[y0:y1, x1]):
            x1 += 1
        if y0 > 0 and not is_frame(full[y0 - 1, x0:x1]):
            y0 -= 1
        if y1 < full.shape[0] and not is_frame(full[y1, x0:x1]):
            y1 += 1
    return x0, y0, x1 - x0, y1 - y0


def view_area(client, view_id: str, rounds: int = 6):
    """The view's drawing area (x, y, width, height) and the window's screenshot, once two rounds in a row agree.

    A round takes a screenshot of the window and one of the view and locates the second in the first (a repaint in
    between can make them differ). Two rounds must agree because egui animates panels: the first picture after a
    new blueprint can show the view while a panel is still collapsing."""
    previous = None
    for _ in range(rounds):
        full = png_array(screenshot(client))
        try:
            rect = content_rect(full, png_array(screenshot(client, view_id)))
        except RuntimeError:
            previous = None
            continue
        x, y, w, h = rect
        if previous is not None and previous[0] == rect and np.array_equal(previous[1], full[y:y + h, x:x + w]):
            return (*rect, full)
        previous = (rect, full[y:y + h, x:x + w])
    raise RuntimeError(f"the viewer's picture of view {view_id} did not settle in {rounds} rounds")


def screenshot(client, view_id: str | None = None, tries: int = 3) -> bytes:
    """The viewer's PNG, asked again when a busy machine makes it miss the client's 15 s deadline."""
    for _ in range(tries - 1):
        try:
            return client.take_screenshot(view_id)
        except TimeoutError:
            pass
    return client.take_screenshot(view_id)


def png_array(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def time_arguments(kind: str, value: int) -> tuple[dict, str]:
    """The viewer's set_time keyword and rrd-render's --time text for one time value."""
    if kind == "sequence":
        return {"sequence": value}, str(value)
    if kind == "duration":
        return {"duration": np.timedelta64(value, "ns")}, f"{value}ns"
    return {"timestamp": np.datetime64(value, "ns")}, str(value)


def our_views(rrd_render: str, fixture: pathlib.Path) -> list[tuple[str, str, str]]:
    """rrd-render's views of a recording as (origin, class, name): the list its error for an unknown --view prints."""
    run = subprocess.run([rrd_render, "snapshot", str(fixture), "--view", "/?no such view?", "-o", "/dev/null.png"],
                         capture_output=True, text=True)
    views = []
    for line in run.stderr.splitlines():
        if line.startswith("  ") and line.endswith('")') and " (" in line:
            origin, rest = line.strip().split(" (", 1)
            view_class, name = rest.split(", ", 1)
            views.append((origin, view_class, name[1:-2]))
    return views


def matching_view(views: list[tuple[str, str, str]], origin: str, view_class: str) -> tuple[str, str] | None:
    """Our view for the viewer's, as (origin, --view argument): the same origin and class, else our only view of
    that class at an ancestor or descendant origin (the viewer takes its views from a blueprint in the file, where
    there is one). The --view argument names the class too (`TextLog:/`), since views may share an origin."""
    def related(other: str) -> bool:
        a, b = origin.rstrip("/") + "/", other.rstrip("/") + "/"
        return a.startswith(b) or b.startswith(a)
    same = [v for v in views if v[:2] == (origin, view_class)]
    candidates = same or [v for v in views if v[1] == view_class and related(v[0])]
    if len(candidates) != 1:
        return None
    return candidates[0][0], f"{view_class}:{candidates[0][0]}"


def time_caption(kind: str, value: int) -> str:
    if kind == "sequence":
        return str(value)
    if kind == "duration":
        return f"{value / 1e9:g}s"
    return str(np.datetime64(value, "ns").astype("datetime64[ms]")) + "Z"


def slug(origin: str) -> str:
    text = origin.strip("/").replace("/", "_")
    return text or "root"


def side_by_side(viewer: Image.Image, ours: Image.Image | None, width: int, caption: str, note: str,
                 error: str | None) -> Image.Image:
    height = round(viewer.height * width / viewer.width)
    font = ImageFont.load_default(size=13)
    header, gap = 20, 4
    canvas = Image.new("RGB", (2 * width + gap, header + height), (40, 40, 40))
    draw = ImageDraw.Draw(canvas)
    draw.text((4, 3), f"Rerun 0.41 viewer  {caption}", fill=(230, 230, 230), font=font)
    draw.text((width + gap + 4, 3), f"rrd-render  {note}", fill=(230, 230, 230), font=font)
    canvas.paste(viewer.resize((width, height), Image.Resampling.LANCZOS), (0, header))
    if ours is not None:
        canvas.paste(ours.resize((width, height), Image.Resampling.LANCZOS), (width + gap, header))
    else:
        draw.rectangle((width + gap, header, 2 * width + gap - 1, header + height - 1), fill=(60, 20, 20))
        draw.multiline_text((width + gap + 8, header + 8), "no picture:\n" + (error or "")[:400],
                            fill=(255, 200, 200), font=font)
    return canvas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rrd_render", help="path of the rrd-render binary")
    parser.add_argument("out", help="output folder for <fixture>__<view>.png")
    parser.add_argument("--fixtures", nargs="*", help="only these fixtures (names without .rrd)")
    parser.add_argument("--width", type=int, default=480, help="width of each half of a picture")
    parser.add_argument("--raw", help="also keep the full-size pictures (viewer + ours) in this folder")
    parser.add_argument("--rerun", help="the rerun viewer executable")
    parser.add_argument("--port", type=int, default=9893)
    parser.add_argument("--window", default="962x607",
                        help="viewer window size in points; its chrome leaves a 960x540 view (2 x --width 480)")
    args = parser.parse_args()

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    raw = pathlib.Path(args.raw) if args.raw else None
    if raw:
        raw.mkdir(parents=True, exist_ok=True)
    fixtures = sorted(p for p in FIXTURES.glob("*.rrd") if p.stem not in SKIP)
    if args.fixtures:
        fixtures = [p for p in fixtures if p.stem in args.fixtures]
    work = pathlib.Path(tempfile.mkdtemp(prefix="compare-viewer-"))
    viewer = Viewer(find_rerun(args.rerun), args.port, args.window, work / "viewer.log")
    summary = []
    try:
        client = viewer.client
        for fixture in fixtures:
            name = fixture.stem
            opened = client.open(str(fixture))
            store = opened.store_ids[0]
            state = client.get_state()
            recording = next(r for r in state.recordings if r.store_id == store)
            default_views = sorted((v for v in state.views if v.view_class in VIEW_CLASSES),
                                   key=lambda v: (v.origin, v.view_class))
            queries = {}
            for path, archetypes in client.get_blueprint(store_id=store).blueprint.items():
                if path.endswith("/ViewContents"):
                    queries[path.split("/")[2]] = archetypes["ViewContents"]["query"]
            timelines = {t.name: t for t in recording.timelines}
            if name in TIMES:
                timeline_name, value = TIMES[name]
            else:
                timeline_name = recording.current_timeline
                if timeline_name not in timelines:  # only static data: no time to set
                    timeline_name = next(iter(timelines), None)
                value = timelines[timeline_name].end if timeline_name else None
            ours_available = our_views(args.rrd_render, fixture)
            for view in default_views:
                origin = view.origin
                our_origin, our_selector = matching_view(ours_available, origin, view.view_class) or (None, None)
                camera = CAMERAS.get((name, origin), DEFAULT_CAMERA) if view.view_class == "3D" else None
                query = queries.get(view.view_id, ["+ $origin/**"])
                client.set_blueprint(only_view_blueprint(view.view_class, origin, query, camera), store_id=store)
                our_time = []
                if timeline_name:
                    viewer_time, text = time_arguments(timelines[timeline_name].time_type, value)
                    client.set_time(timeline_name, play_state="paused", **viewer_time)
                    our_time = ["--timeline", timeline_name, "--time", text]
                shown = client.get_state().views
                if len(shown) != 1:
                    raise RuntimeError(f"{name}: expected one view on screen, got {shown}")
                x, y, w, h, full = view_area(client, shown[0].view_id)
                viewer_picture = Image.fromarray(full[y:y + h, x:x + w])

                ours_path = work / f"{name}__{slug(origin)}.png"
                command = [args.rrd_render, "snapshot", str(fixture), "--view", our_selector or origin, "--size", f"{w}x{h}",
                           "--no-title-bars", *our_time, "-o", str(ours_path)]
                if camera is not None:
                    eye, target, up = camera
                    command += ["--eye", ",".join(map(str, eye)), "--target", ",".join(map(str, target)),
                                "--up", ",".join(map(str, up)), "--fov", str(FOV_DEGREES)]
                if our_origin is None:
                    listing = "\n".join(f"  {o} ({c}, {n})" for o, c, n in ours_available)
                    run = subprocess.CompletedProcess(command, 1, "", f"no {view.view_class} view like '{origin}'; "
                                                      f"rrd-render's views:\n{listing}")
                else:
                    run = subprocess.run(command, capture_output=True, text=True)
                ours = Image.open(ours_path).convert("RGB") if run.returncode == 0 else None
                error = None if run.returncode == 0 else (run.stderr.strip() or f"exit code {run.returncode}")
                note = f"view {our_origin}" if our_origin not in (None, origin) else ""

                stem = f"{name}__{slug(origin)}_{view.view_class.lower()}"
                caption = f"{view.view_class} {origin}" + (
                    f"  {timeline_name}={time_caption(timelines[timeline_name].time_type, value)}" if timeline_name else "")
                picture = side_by_side(viewer_picture, ours, args.width, caption, note, error)
                picture.save(out / f"{stem}.png", optimize=True)
                if raw:
                    viewer_picture.save(raw / f"{stem}__viewer.png")
                    if ours is not None:
                        ours.save(raw / f"{stem}__ours.png")
                summary.append({"picture": f"{stem}.png", "fixture": name, "view_class": view.view_class,
                                "origin": origin, "our_origin": our_origin, "contents": query, "size": [w, h],
                                "time": [timeline_name, value], "camera": camera,
                                "command": ["rrd-render", *(f"Fixtures/rrd/{fixture.name}" if c == str(fixture)
                                                            else "OUT.png" if c == str(ours_path) else c
                                                            for c in command[1:])],
                                "warnings": run.stderr.strip().splitlines() if run.returncode == 0 else [],
                                "error": error})
                print(f"{stem}.png  {w}x{h}  {'ok' if error is None else 'ours failed: ' + error.splitlines()[0]}")
            client.close(store_ids=[store])
    finally:
        viewer.close()
    if not args.fixtures:  # a full refresh: drop pictures of views that no longer exist
        written = {entry["picture"] for entry in summary}
        for old in out.glob("*__*.png"):
            if old.name not in written:
                old.unlink()
        (out / "index.json").write_text(json.dumps(sorted(summary, key=lambda e: e["picture"]), indent=1) + "\n")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
