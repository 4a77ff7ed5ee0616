"""The render formats: name → template, suffix and (at most) a small context function.

Adding a format is a template plus an entry here; nothing else changes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from cxjourney.ids import slugify
from cxjourney.labels import LANES
from cxjourney.model import Element, Journey, Metric, Moment, Stage
from cxjourney.rendering.context import JourneyContext, StageView, mood_color
from cxjourney.rendering.escape import LINE_BREAKS, yaml_flow
from cxjourney.shapes import fields_of

ContextFunction = Callable[[JourneyContext], dict[str, Any]]


@dataclass(frozen=True)
class Format:
    name: str
    template: str  # the journey template, e.g. "html/journey.html.j2"
    suffix: str  # of the written file
    context: ContextFunction | None = None
    index_template: str | None = None  # written when several journeys render together
    graphviz: str | None = None  # run `dot -T<this>` on the rendered DOT
    bom: bool = False  # CSV is UTF-8 with BOM (Excel needs it to read UTF-8)

    @property
    def binary(self) -> bool:
        return self.graphviz == "png"


# --- html: the emotion curve ----------------------------------------------------------

CURVE_STEP = 150  # px per stage in the SVG's own coordinates; the page scales it
CURVE_TOP, CURVE_PLOT, CURVE_BOTTOM, CURVE_LEFT = 34, 180, 64, 44
CURVE_NAME_LIMIT = 22  # code points of a stage name under the axis (full name in <title>)


class CurvePoint(NamedTuple):
    view: StageView
    x: float
    y: float  # on the zero line when the stage has no score
    name: str  # the stage name, clipped for the axis
    value_y: float  # the score's label: below a high point, above the others
    fill: str  # the dot's colour (mood_color of the score)
    flags: list[tuple[str, float]]  # ("peak" | "end", x of the flag above the plot)


class Curve(NamedTuple):
    """Geometry of the inline SVG emotion curve (SVG user units). NamedTuples, not frozen
    dataclasses: a page builds one point per stage, and these build several times faster."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float  # y of the −2 line
    zero: float  # y of the zero line
    points: list[CurvePoint]
    runs: list[str]  # polyline point lists; the curve breaks at a stage without a score
    grid: list[tuple[float, str]]  # (y, "+2") for each score line

    # Rows of text above and below the plot: the peak/end flags, stage numbers and names.
    @property
    def flag_y(self) -> float:
        return self.top - 30

    @property
    def flag_text_y(self) -> float:
        return self.top - 18

    @property
    def number_y(self) -> float:
        return self.bottom + 22

    @property
    def name_y(self) -> float:
        return self.bottom + 40


_CURVE_BOTTOM_Y = CURVE_TOP + CURVE_PLOT  # y of the −2 line


def _score_y(score: float) -> float:
    return CURVE_TOP + (2 - score) / 4 * CURVE_PLOT


def _clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def curve(views: list[StageView]) -> Curve:
    width = CURVE_LEFT + CURVE_STEP * len(views) + 16
    points = [_point(view) for view in views]
    runs: list[list[CurvePoint]] = [[]]
    for point in points:
        if point.view.score is None:
            runs.append([])
        else:
            runs[-1].append(point)
    run_texts = [" ".join(f"{p.x:.1f},{p.y:.1f}" for p in run) for run in runs if len(run) > 1]
    grid = [(_score_y(score), f"{score:+d}" if score else "0") for score in (2, 1, 0, -1, -2)]
    return Curve(width, _CURVE_BOTTOM_Y + CURVE_BOTTOM, CURVE_LEFT, width - 16, CURVE_TOP,
                 _CURVE_BOTTOM_Y, CURVE_TOP + CURVE_PLOT / 2, points, run_texts, grid)


def _point(view: StageView) -> CurvePoint:
    """A stage's point, with its label and flags placed (the template only draws)."""
    x = CURVE_LEFT + CURVE_STEP * (view.index + 0.5)
    y = _score_y(view.score if view.score is not None else 0.0)
    marked = view.is_peak or view.is_end
    value_y = y + (34 if (view.score or 0) > 1.2 else (-24 if marked else -16))
    both = view.is_peak and view.is_end  # side by side, peak on the left
    flags = [(kind, x + ((-24 if kind == "peak" else 24) if both else 0))
             for kind, shown in (("peak", view.is_peak), ("end", view.is_end)) if shown]
    return CurvePoint(view, x, y, _clip(view.name, CURVE_NAME_LIMIT), value_y,
                      mood_color(view.score), flags)


def html_context(context: JourneyContext) -> dict[str, Any]:
    # focus: the stages of the pain-point and opportunity cards (a filter chain in the
    # template cost a twentieth of the page)
    return {"curve": curve(context.stages),
            "focus": [view for view in context.stages if view.pain_points or view.opportunities]}


# --- json: the normalised journey (SPEC §8 "json") ------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, Element):
        return document(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # only x- values can be .inf/.nan; JSON has no such number
    return value


def document(obj: Element, lang: str | None = None) -> dict[str, Any]:
    """Every field in model (= SPEC §2) order, then the object's ``x-`` keys."""
    result: dict[str, Any] = {}
    cls: type = type(obj)
    for item in fields_of(cls):
        result[item.key] = _plain(getattr(obj, item.name))
        if isinstance(obj, Stage) and item.key == "id":
            result["mean_score"] = obj.mean_score
    if isinstance(obj, Metric):
        result["direction"] = obj.better
    if isinstance(obj, Journey):
        result["lang"] = lang or obj.lang or "en"
    result.update((key, _plain(value)) for key, value in obj.extensions.items())
    return result


def json_context(context: JourneyContext) -> dict[str, Any]:
    return {"document": document(context.journey, context.lang)}


# --- csv: the workshop grid (SPEC §8 "csv") -------------------------------------------

_QUOTE_STARTS = ("{", '"', "'")


def csv_item(text: str) -> str:
    """Plain text, unless a reader could not take it back as plain text: then a one-line
    YAML flow string (line breaks; a leading ``{`` ``"`` ``'``; edge whitespace)."""
    if (text.startswith(_QUOTE_STARTS) or text != text.strip()
            or any(char in LINE_BREAKS for char in text)):
        return yaml_flow(text)  # always double-quoted for such text
    return text


def _description_cell(description: str | None) -> str:
    if description is None:
        return ""
    return csv_item(description) if description else yaml_flow("")


def _with_extras(main: tuple[str, str], extras: dict[str, Any], element: Element) -> str:
    """An item: its text alone, or a flow mapping when it carries more than its text."""
    fields = {**extras, **element.extensions}
    if not fields:
        return csv_item(main[1])
    return yaml_flow({main[0]: main[1], **fields})


def _metric_extras(metric: Metric) -> dict[str, Any]:
    extras: dict[str, Any] = {}
    if metric.type != "custom":
        extras["type"] = metric.type
    for key in ("family", "target", "actual", "unit"):
        if getattr(metric, key) is not None:
            extras[key] = getattr(metric, key)
    if metric.direction is not None and metric.direction != "higher":
        extras["direction"] = metric.direction
    for key in ("source", "measured_at"):
        if getattr(metric, key) is not None:
            extras[key] = getattr(metric, key)
    return extras


def _lane_items(stage: Stage, lane: str) -> list[str]:
    items: list[Any] = getattr(stage, lane)
    if lane == "emotions":
        return [_with_extras(("text", emotion.text),
                             {} if emotion.score is None else {"score": emotion.score},
                             emotion) for emotion in items]
    if lane == "touchpoints":
        return [_with_extras(("name", point.name),
                             {key: getattr(point, key) for key in ("channel", "description")
                              if getattr(point, key) is not None}, point) for point in items]
    if lane == "metrics":
        return [_with_extras(("name", metric.name), _metric_extras(metric), metric)
                for metric in items]
    return [csv_item(text) for text in items]


def _moment_cell(moment: Moment | None, stage: Stage) -> str:
    if moment is None or moment.stage != stage.id:
        return ""
    if moment.extensions:
        fields = {"reason": moment.reason} if moment.reason is not None else {}
        return yaml_flow({**fields, **moment.extensions})
    if moment.reason is None:
        return "*"
    # A reason that is literally `*` is quoted so that it cannot mean "no reason".
    return yaml_flow("*") if moment.reason == "*" else csv_item(moment.reason)


def csv_rows(context: JourneyContext) -> list[list[str]]:
    journey, labels = context.journey, context.labels
    stages = journey.stages
    rows = [[labels.stage, *(csv_item(stage.name) for stage in stages)]]
    if any(stage.id != slugify(stage.name) for stage in stages):
        rows.append(["id", *(stage.id for stage in stages)])
    if any(stage.description is not None for stage in stages):
        # An empty cell is an absent description; an empty one is written as "".
        rows.append(["description", *(_description_cell(stage.description)
                                      for stage in stages)])
    for lane in LANES:
        if any(getattr(stage, lane) for stage in stages):
            rows.append([labels[lane], *("\n".join(_lane_items(stage, lane))
                                         for stage in stages)])
    extension_keys = list(dict.fromkeys(key for stage in stages for key in stage.extensions))
    for key in extension_keys:
        rows.append([key, *(yaml_flow(stage.extensions[key]) if key in stage.extensions
                            else "" for stage in stages)])
    for name, moment in (("Peak", journey.peak), ("End", journey.end)):
        if moment is not None:
            rows.append([name, *(_moment_cell(moment, stage) for stage in stages)])
    return rows


def csv_key_values(context: JourneyContext) -> list[list[str]]:
    """The journey keys after the grid: strings as written, the rest as YAML flow."""
    journey = context.journey
    values = document(journey, context.lang)
    rows = []
    for item in fields_of(Journey):
        if item.key in ("stages", "peak", "end"):
            continue
        value = values[item.key]
        if value is None or value == []:
            continue
        if isinstance(value, dict):  # the persona: absent keys stay out of the cell
            value = {key: item for key, item in value.items() if item not in (None, [])}
        rows.append([item.key, value if isinstance(value, str) else yaml_flow(value)])
    rows.extend([key, yaml_flow(_plain(value))] for key, value in journey.extensions.items())
    return rows


def csv_context(context: JourneyContext) -> dict[str, Any]:
    grid = csv_rows(context)
    width = len(grid[0])
    # RFC 4180: every record has the same number of fields.
    padded = [row + [""] * (width - len(row)) for row in
              [*grid, [], *csv_key_values(context)]]
    return {"rows": padded}


# --- the registry ---------------------------------------------------------------------

FORMATS: dict[str, Format] = {
    "html": Format("html", "html/journey.html.j2", ".html", html_context,
                   index_template="html/index.html.j2"),
    "md": Format("md", "md/journey.md.j2", ".md", index_template="md/index.md.j2"),
    "mermaid": Format("mermaid", "mermaid/journey.mmd.j2", ".mmd"),
    "dot": Format("dot", "dot/journey.dot.j2", ".dot"),
    "svg": Format("svg", "dot/journey.dot.j2", ".svg", graphviz="svg"),
    "png": Format("png", "dot/journey.dot.j2", ".png", graphviz="png"),
    "json": Format("json", "json/journey.json.j2", ".json", json_context),
    "csv": Format("csv", "csv/journey.csv.j2", ".csv", csv_context, bom=True),
}


def get(name: str) -> Format:
    from cxjourney.errors import UsageError

    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown format '{name}'; choose one of "
                         f"{', '.join(FORMATS)}") from None
