"""A recording with a blueprint that uses every container kind and the view properties rrd-render honours.

Layout: a vertical root with shares [2, 1]; on top a grid (2 columns, col_shares [1, 2]) holding a 3D view with a
fixed eye (EyeControls3D), a 2D view with fixed bounds (VisualBounds2D), a time series with fixed axis ranges
(TimeAxis cursor-relative, ScalarAxis) and a right-top legend, and a text log; below it a tab container whose
second tab (a tensor view) is active, next to a bar chart, inside a horizontal container. One view is hidden.
"""

import numpy as np
import rerun as rr
import rerun.blueprint as rrb

from _common import out_path

tabs = rrb.Tabs(
    rrb.TextDocumentView(origin="/notes", name="Notes"),
    rrb.TensorView(origin="/tensor", name="Tensor"),
    active_tab=1,
)
blueprint = rrb.Blueprint(
    rrb.Vertical(
        rrb.Grid(
            rrb.Spatial3DView(
                origin="/world",
                name="World",
                eye_controls=rrb.EyeControls3D(position=[4.0, 3.0, 2.0], look_target=[0.0, 0.0, 0.5], eye_up=[0.0, 0.0, 1.0]),
            ),
            rrb.Spatial2DView(origin="/image", name="Image", visual_bounds=rrb.VisualBounds2D(x_range=[-2, 10], y_range=[-1, 7])),
            rrb.TimeSeriesView(
                origin="/plot",
                name="Plot",
                axis_x=rrb.TimeAxis(view_range=rr.TimeRange(start=rr.TimeRangeBoundary.cursor_relative(seq=-20),
                                                            end=rr.TimeRangeBoundary.cursor_relative(seq=5))),
                axis_y=rrb.ScalarAxis(range=(-2.0, 2.0)),
                plot_legend=rrb.PlotLegend(corner=rrb.Corner2D.RightTop),
            ),
            rrb.TextLogView(origin="/", name="Log", contents=["+ /log/**", "- /log/ignored"]),
            grid_columns=2,
            column_shares=[1, 2],
        ),
        rrb.Horizontal(tabs, rrb.BarChartView(origin="/bars", name="Bars"), rrb.TextDocumentView(origin="/hidden", visible=False)),
        row_shares=[2, 1],
    ),
    collapse_panels=True,
)

rr.init("fixture_blueprint_views", recording_id="fixture-blueprint-views")
rr.save(out_path("blueprint_views"), default_blueprint=blueprint)

rr.log("world/points", rr.Points3D([[0, 0, 0], [1, 1, 1], [0, 1, 2]], radii=0.1), static=True)
rr.log("image/points", rr.Points2D([[0, 0], [8, 6], [4, 3]], radii=0.5), static=True)
rr.log("notes", rr.TextDocument("Notes are hidden behind the tensor tab."), static=True)
rr.log("tensor", rr.Tensor(np.arange(24, dtype=np.float32).reshape(4, 6)), static=True)
rr.log("bars", rr.BarChart([3, 1, 2]), static=True)
for t in range(40):
    rr.set_time("frame", sequence=t)
    rr.log("plot/sin", rr.Scalars(np.sin(t / 5.0)))
    if t % 10 == 0:
        rr.log("log/main", rr.TextLog(f"tick {t}", level=rr.TextLogLevel.INFO))
        rr.log("log/ignored", rr.TextLog(f"ignored {t}", level=rr.TextLogLevel.DEBUG))
