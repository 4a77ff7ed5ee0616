"""The journey format v1 as typed Python objects: the single source of truth.

Every field carries its documentation and constraints as metadata. From these classes come
the validator (``cxjourney.validator``), the JSON Schema (``cxj schema``) and the field
reference in the docs (``cxjourney.schema``); none of them lists the fields again.

A loaded journey keeps, on every object, the YAML node it came from (``node``), so lint
rules and reports can point at the exact line and column.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

from cxjourney.records import Record, field, record
from cxjourney.yamltree import Mapping, Node, Scalar

FORMAT_VERSION = 1

Lang = Literal["en", "fi"]
MetricType = Literal["nps", "csat", "ces", "custom"]
MetricFamily = Literal["outcome", "experience", "operational"]
Direction = Literal["higher", "lower"]

# The value range each metric type's `target` and `actual` must lie in (custom: any).
METRIC_RANGES: dict[str, tuple[int, int]] = {"nps": (-100, 100), "csat": (0, 100), "ces": (1, 7)}
SCORE_RANGE = (-2, 2)
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SLUG_MAX_LENGTH = 64


def spec(
    doc: str,
    *,
    required: bool = False,
    text: bool = False,
    slug: bool = False,
    minimum: int | None = None,
    maximum: int | None = None,
    min_items: int | None = None,
    example: Any = None,
    default_doc: str | None = None,
    const: Any = None,
) -> dict[str, Any]:
    """Field metadata: its documentation and the constraints the validator enforces.

    ``text`` marks strings that must not be empty or whitespace-only; ``slug`` marks ids.
    """
    return {
        "doc": doc,
        "required": required,
        "text": text,
        "slug": slug,
        "minimum": minimum,
        "maximum": maximum,
        "min_items": min_items,
        "example": example,
        "default_doc": default_doc,
        "const": const,
    }


INTERNAL: dict[str, Any] = {"internal": True}


@record(kw_only=True)
class Element(Record):
    """What every object of the format has besides its fields."""

    # The `x-` keys of this mapping, passed through to templates; never validated.
    extensions: dict[str, Any] = field(default_factory=dict, metadata=INTERNAL)
    # The YAML node this object was read from (None for objects built in code).
    node: Node | None = field(default=None, compare=False, repr=False, metadata=INTERNAL)

    # A string written where this object is expected fills this field (None: no string form).
    STRING_FORM: ClassVar[str | None] = None

    def key_node(self, key: str) -> Node | None:
        """The key node of ``key`` in this object's mapping, if it was written."""
        return self.node.key_node(key) if isinstance(self.node, Mapping) else None

    def value_node(self, key: str) -> Node | None:
        """The value node of ``key`` in this object's mapping, if it was written."""
        return self.node.get(key) if isinstance(self.node, Mapping) else None

    @property
    def written_as_string(self) -> bool:
        return isinstance(self.node, Scalar)


@record(kw_only=True)
class Emotion(Element):
    """What the customer feels (Tuntee), optionally scored."""

    text: str = field(metadata=spec("What the customer feels.", required=True, text=True,
                                    example="Annoyed at not preparing earlier"))
    score: int | None = field(default=None, metadata=spec(
        "How it feels, from -2 (very negative) to 2 (very positive). Stage scores (the "
        "emotion curve) are the mean of their scored emotions.",
        minimum=SCORE_RANGE[0], maximum=SCORE_RANGE[1], example=-1))


@record(kw_only=True)
class Touchpoint(Element):
    """Where the customer meets the company (Kosketuspisteet). A string is its name."""

    STRING_FORM: ClassVar[str | None] = "name"

    name: str = field(metadata=spec("The touchpoint.", required=True, text=True,
                                    example="Sports store brand comes to mind"))
    channel: str | None = field(default=None, metadata=spec(
        "The channel of this touchpoint (checked against `channels` in the configuration "
        "when a vocabulary is set).", text=True, example="word-of-mouth"))
    description: str | None = field(default=None, metadata=spec("Free text."))


@record(kw_only=True)
class Metric(Element):
    """How success in a stage is measured (Mittarit)."""

    name: str = field(metadata=spec("What is measured.", required=True, text=True,
                                    example="Share of searches that find the product"))
    type: MetricType = field(default="custom", metadata=spec(
        "`nps` (-100..100), `csat` (0..100), `ces` (1..7) or `custom` (any number).",
        default_doc="custom"))
    family: MetricFamily | None = field(default=None, metadata=spec(
        "`outcome` (business results), `experience` (ease, emotion, effectiveness) or "
        "`operational` (counts such as sales or support contacts)."))
    target: float | None = field(default=None, metadata=spec(
        "The value aimed at, in the range of the metric's type.", example=80))
    actual: float | None = field(default=None, metadata=spec(
        "The value measured, in the range of the metric's type.", example=72))
    unit: str | None = field(default=None, metadata=spec("Unit of target and actual.",
                                                         example="%"))
    direction: Direction | None = field(default=None, metadata=spec(
        "Whether `higher` or `lower` values are better; only on `custom` metrics (nps, csat "
        "and ces are higher-is-better).", default_doc="higher"))
    source: str | None = field(default=None, metadata=spec("Where the numbers come from.",
                                                           example="Web analytics"))
    measured_at: dt.date | None = field(default=None, metadata=spec(
        "When `actual` was measured (YYYY-MM-DD).", example="2026-10-01"))

    @property
    def better(self) -> Direction:
        """Which way is better for this metric."""
        return self.direction or "higher"


@record(kw_only=True)
class Stage(Element):
    """One step of the journey (Vaihe): a column of the map."""

    id: str = field(default="", metadata=spec(
        "Stable id, a slug; other keys refer to the stage by it.", slug=True,
        default_doc="the slug of `name` (ä→a, ö→o, å→a)", example="awareness"))
    name: str = field(metadata=spec("The stage's name.", required=True, text=True,
                                    example="Awareness"))
    description: str | None = field(default=None, metadata=spec("Free text."))
    actions: list[str] = field(default_factory=list, metadata=spec(
        "What the customer does (Tekee).", example=["The child has outgrown last year's coat"]))
    thoughts: list[str] = field(default_factory=list, metadata=spec(
        "What the customer thinks (Ajattelee).", example=["Where did I buy the last one?"]))
    emotions: list[Emotion] = field(default_factory=list, metadata=spec(
        "What the customer feels (Tuntee)."))
    touchpoints: list[Touchpoint] = field(default_factory=list, metadata=spec(
        "Where the customer meets the company (Kosketuspisteet): names or mappings."))
    channels: list[str] = field(default_factory=list, metadata=spec(
        "The channels of this stage (Kanava).", example=["home"]))
    pain_points: list[str] = field(default_factory=list, metadata=spec(
        "What hurts (Kipupisteet).", example=["No time to compare"]))
    opportunities: list[str] = field(default_factory=list, metadata=spec(
        "What could be better (Kehittämiskohteet).",
        example=["Show current offers in search results"]))
    metrics: list[Metric] = field(default_factory=list, metadata=spec(
        "How success in this stage is measured (Mittarit)."))
    backstage: list[str] = field(default_factory=list, metadata=spec(
        "What happens behind the scenes (a service-blueprint lane).",
        example=["Stock levels synced nightly"]))

    @property
    def scores(self) -> list[int]:
        return [emotion.score for emotion in self.emotions if emotion.score is not None]

    @property
    def mean_score(self) -> float | None:
        """The mean of the scored emotions; None when the stage has none."""
        scores = self.scores
        return sum(scores) / len(scores) if scores else None

    @property
    def intensity(self) -> float | None:
        """The mean of |score| over the scored emotions; None when there are none."""
        scores = self.scores
        return sum(abs(score) for score in scores) / len(scores) if scores else None


@record(kw_only=True)
class Persona(Element):
    """Who the journey is about (Asiakaspersoona)."""

    id: str | None = field(default=None, metadata=spec(
        "Slug; required in the personas file, optional inline.", slug=True))
    name: str = field(metadata=spec("The persona's name.", required=True, text=True,
                                    example="Budget-minded parent"))
    description: str | None = field(default=None, metadata=spec(
        "Free text.", example="35, two kids, compares prices but pays for quality."))
    goals: list[str] = field(default_factory=list, metadata=spec(
        "What they want to achieve.", example=["Warm coat before the first frost"]))
    needs: list[str] = field(default_factory=list, metadata=spec(
        "What they need from us.", example=["Clear prices"]))
    frustrations: list[str] = field(default_factory=list, metadata=spec(
        "What gets in their way.", example=["Hunting for sizes"]))


@record(kw_only=True)
class Moment(Element):
    """The peak or the end of the journey (peak–end rule): a stage and why."""

    stage: str = field(metadata=spec("The id of the stage.", required=True, text=True,
                                     example="purchase"))
    reason: str | None = field(default=None, metadata=spec(
        "Why this stage is the peak or the end.", text=True,
        example="The only contact with staff."))


@record(kw_only=True)
class Journey(Element):
    """One customer journey: a file."""

    cxj: int = field(metadata=spec("The format version; must be 1.", required=True,
                                   example=FORMAT_VERSION, const=FORMAT_VERSION))
    id: str = field(default="", metadata=spec(
        "Stable id, a slug; names the rendered files.", slug=True,
        default_doc="the slug of the file name without `.journey.yaml`",
        example="winter-coat"))
    title: str = field(metadata=spec("The journey's title.", required=True, text=True,
                                     example="Buying a winter coat for a child"))
    description: str | None = field(default=None, metadata=spec("Free text."))
    lang: Lang | None = field(default=None, metadata=spec(
        "Label language for rendering: `en` or `fi`.", default_doc="config `lang`, else en"))
    owner: str | None = field(default=None, metadata=spec("Who keeps this journey.",
                                                          example="Retail CX team"))
    tags: list[str] = field(default_factory=list, metadata=spec(
        "Free tags.", example=["retail", "family"]))
    updated: dt.date | None = field(default=None, metadata=spec(
        "When the journey was last reviewed (YYYY-MM-DD).", example="2026-11-01"))
    persona: Persona | str | None = field(default=None, metadata=spec(
        "Who the journey is about: a mapping, or the id of a persona in the personas file."))
    stages: list[Stage] = field(metadata=spec("The stages, in order.", required=True,
                                              min_items=1))
    peak: Moment | None = field(default=None, metadata=spec(
        "The most intense moment (peak–end rule)."))
    end: Moment | None = field(default=None, metadata=spec(
        "The moment the journey ends on (peak–end rule); it should be positive."))

    @property
    def resolved_persona(self) -> Persona | None:
        """The persona as an object (a string reference is resolved when loading)."""
        return self.persona if isinstance(self.persona, Persona) else None

    def stage(self, stage_id: str) -> Stage | None:
        return next((stage for stage in self.stages if stage.id == stage_id), None)


PERSONAS_ROOT = list[Persona]
