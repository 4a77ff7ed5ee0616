"""What every journey template sees: the journey, its stages as views, labels, helpers.

The names built here are the template API documented in docs/templates.md. A format adds
at most a few names of its own (``cxjourney.rendering.formats``).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from cxjourney import __version__
from cxjourney.labels import LANES
from cxjourney.model import Journey, Metric, Moment, Persona, Stage
from cxjourney.rendering.escape import mermaid_score, round_half_away
from cxjourney.rendering.labels import Labels
from cxjourney.text import NONE_TEXT, score_text
from cxjourney.text import number_text as plain_number


def mood_class(level: int | None) -> str:
    """``mood-m2`` … ``mood-p2``, ``mood-none``: a CSS class for a rounded score."""
    if level is None:
        return "mood-none"
    return f"mood-{'m' if level < 0 else 'p'}{abs(level)}" if level else "mood-0"


def mood_glyph(level: int | None) -> str:
    """A shape for a rounded score, so that colour is never the only signal."""
    if level is None:
        return "◆"
    return "▲" if level > 0 else ("▼" if level < 0 else "●")


def number_text(value: float | None, unit: str | None = None) -> str:
    """A metric value as written (``80``, ``4.6``) with its unit (``80%``, ``6.5 min``)."""
    if value is None:
        return NONE_TEXT
    text = plain_number(value)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def metric_status(metric: Metric) -> str:
    """The label key of how the metric stands: on_target, off_target, no_target,
    not_measured."""
    if metric.target is None:
        return "no_target"
    if metric.actual is None:
        return "not_measured"
    if metric.better == "lower":
        return "on_target" if metric.actual <= metric.target else "off_target"
    return "on_target" if metric.actual >= metric.target else "off_target"


class StageView:
    """A stage with what templates show about it: score, mood, peak and end.

    The stage's own fields (``view.name``, ``view.actions``) are copied onto the view, so
    that a template reads them as directly as the view's: the HTML page reads a few
    hundred per journey.
    """

    stage: Stage
    index: int  # 0-based column
    number: int  # 1-based, as people count
    score: float | None
    score_text: str
    level: int | None  # the score rounded half away from zero: −2…2, None without score
    mood: str  # the level in words, in the label language
    mood_class: str  # mood-m2 … mood-p2, mood-none
    is_peak: bool
    is_end: bool
    peak_reason: str | None
    end_reason: str | None

    def __init__(self, stage: Stage, index: int, score: float | None, labels: Labels,
                 peak: Moment | None, end: Moment | None) -> None:
        self.__dict__.update(stage.__dict__)
        level = None if score is None else round_half_away(score)
        self.stage, self.index, self.number = stage, index, index + 1
        self.score, self.score_text, self.level = score, score_text(score), level
        self.mood, self.mood_class = labels.mood(level), mood_class(level)
        self.is_peak, self.peak_reason = _moment_reason(peak, stage)
        self.is_end, self.end_reason = _moment_reason(end, stage)

    def __getattr__(self, name: str) -> Any:
        # What is not a field of the stage reads through too (``view.mean_score``).
        return getattr(self.stage, name)

    def lane(self, key: str) -> list[Any]:
        items: list[Any] = getattr(self.stage, key)
        return items


class Lane(NamedTuple):
    """A row of the grid: its key (``pain_points``), label, and each stage's items."""

    key: str
    label: str
    cells: list[list[Any]]


def _moment_reason(moment: Moment | None, stage: Stage) -> tuple[bool, str | None]:
    if moment is None or moment.stage != stage.id:
        return False, None
    return True, moment.reason


def stage_views(journey: Journey, labels: Labels) -> list[StageView]:
    return [StageView(stage, index, stage.mean_score, labels, journey.peak, journey.end)
            for index, stage in enumerate(journey.stages)]


def used_lanes(journey: Journey, labels: Labels) -> list[Lane]:
    """The lanes some stage fills, in SPEC §2 order."""
    lanes = []
    for key in LANES:
        cells = [getattr(stage, key) for stage in journey.stages]
        if any(cells):
            lanes.append(Lane(key, labels[key], cells))
    return lanes


@dataclass(frozen=True)
class RenderInfo:
    """Facts about the run a template may show (no clock: output is deterministic)."""

    generator: str = f"cxj {__version__}"
    version: str = __version__
    format: str = ""


@dataclass(frozen=True)
class JourneyContext:
    """The context of one journey template, before the format's own additions."""

    journey: Journey
    lang: str
    labels: Labels
    stages: list[StageView]
    lanes: list[Lane]
    persona: Persona | None
    peak: StageView | None
    end: StageView | None
    info: RenderInfo
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "journey": self.journey, "lang": self.lang, "labels": self.labels,
            "stages": self.stages, "lanes": self.lanes, "persona": self.persona,
            "peak": self.peak, "end": self.end, "cxj": self.info,
            "actor": self.persona.name if self.persona else self.labels.customer,
            "has_descriptions": any(stage.description for stage in self.journey.stages),
            "metrics": [(view, metric) for view in self.stages for metric in view.metrics],
            **self.extra,
        }


def build(journey: Journey, lang: str, format_name: str) -> JourneyContext:
    labels = Labels(lang)
    views = stage_views(journey, labels)
    peak = next((view for view in views if view.is_peak), None)
    end = next((view for view in views if view.is_end), None)
    return JourneyContext(journey, lang, labels, views, used_lanes(journey, labels),
                          journey.resolved_persona, peak, end, RenderInfo(format=format_name))


# Fill colours by score, −2 … +2: light tints, so black text stays above 7:1 contrast.
MOOD_COLORS = ((-2, (0xF4, 0xA3, 0xA3)), (-1, (0xFB, 0xD3, 0xC9)), (0, (0xF1, 0xEE, 0xE4)),
               (1, (0xCF, 0xEC, 0xD2)), (2, (0x9D, 0xDB, 0xA9)))
NO_SCORE_COLOR = "#d9d9d9"  # neutral grey (SPEC §6)


@functools.lru_cache(maxsize=1024)  # mean scores take few values; a page asks per stage
def mood_color(score: float | None) -> str:
    """``#rrggbb`` for a mean score, interpolated between the anchors; grey for none."""
    if score is None:
        return NO_SCORE_COLOR
    score = max(-2.0, min(2.0, score))
    for (low, low_rgb), (high, high_rgb) in itertools.pairwise(MOOD_COLORS):
        if low <= score <= high:
            share = score - low
            rgb = [round(a + (b - a) * share) for a, b in zip(low_rgb, high_rgb, strict=True)]
            return "#" + "".join(f"{channel:02x}" for channel in rgb)
    return NO_SCORE_COLOR  # pragma: no cover - the loop covers −2…2


def item_text(lane: str, item: Any) -> str:
    """One lane item as plain text: an emotion with its score, a touchpoint with its
    channel, a metric by name."""
    if lane == "emotions":
        return item.text if item.score is None else f"{item.text} ({item.score:+d})" \
            if item.score else f"{item.text} (0)"
    if lane == "touchpoints":
        return item.name if item.channel is None else f"{item.name} ({item.channel})"
    if lane == "metrics":
        return str(item.name)
    return str(item)


HELPERS: dict[str, Callable[..., Any]] = {
    "score_text": score_text,
    "number_text": number_text,
    "metric_status": metric_status,
    "mermaid_score": mermaid_score,
    "mood_color": mood_color,
    "item_text": item_text,
    "mood_class": mood_class,
    "mood_glyph": mood_glyph,
}
# The helpers whose first argument is the value they describe are filters too:
# `{{ score | score_text }}` is a direct call, `{{ score_text(score) }}` goes through Jinja's
# Context.call (four Python calls more), and a page makes about a hundred of them.
HELPER_FILTERS = {name: HELPERS[name] for name in (
    "score_text", "number_text", "metric_status", "mermaid_score", "mood_color", "mood_class",
    "mood_glyph")}
