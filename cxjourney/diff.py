"""The semantic diff of two journeys (``cxj diff``): what a reviewer of a journey change
wants to know — stages added, removed, renamed or moved, the emotion curve before and
after, touchpoints and metrics changed, the peak and end moved.

Stages are matched by id; an unmatched old and new stage at the same position count as
renamed (SPEC §8 "diff"). An as-is map against a to-be map is the same comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cxjourney.model import Journey, Metric, Stage, Touchpoint

METRIC_FIELDS = ("type", "family", "target", "actual", "unit", "direction", "source",
                 "measured_at")


@dataclass(frozen=True)
class Change:
    """One difference. ``stage`` is the (new) stage id, None for journey-level changes."""

    kind: str
    stage: str | None
    details: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "stage": self.stage, **self.details}


@dataclass(frozen=True)
class StagePair:
    old: Stage
    new: Stage
    old_index: int
    new_index: int


@dataclass(frozen=True)
class Diff:
    old: Journey
    new: Journey
    changes: list[Change]

    @property
    def differ(self) -> bool:
        return bool(self.changes)

    @property
    def curve_changed(self) -> bool:
        return any(change.kind.startswith("score") for change in self.changes)


def compare(old: Journey, new: Journey) -> Diff:
    """Every change from ``old`` to ``new``, stage by stage in the new order."""
    pairs, added, removed = match_stages(old.stages, new.stages)
    changes = _journey_changes(old, new)
    changes += [Change("stage-removed", stage.id, {"name": stage.name, "position": index + 1})
                for index, stage in removed]
    changes += [Change("stage-added", stage.id, {"name": stage.name, "position": index + 1})
                for index, stage in added]
    moved = _moved(pairs)
    for pair in sorted(pairs, key=lambda item: item.new_index):
        changes += _stage_changes(pair, pair.new_index in moved)
    changes += _moment_changes(old, new, pairs)
    return Diff(old, new, changes)


def match_stages(old: list[Stage], new: list[Stage]) -> tuple[
        list[StagePair], list[tuple[int, Stage]], list[tuple[int, Stage]]]:
    """Pairs by id, then unmatched stages at the same position; the rest added/removed."""
    new_ids = {stage.id: index for index, stage in enumerate(new)}
    old_ids = {stage.id for stage in old}
    pairs = [StagePair(stage, new[new_ids[stage.id]], index, new_ids[stage.id])
             for index, stage in enumerate(old) if stage.id in new_ids]
    lone_old = {index: stage for index, stage in enumerate(old) if stage.id not in new_ids}
    lone_new = {index: stage for index, stage in enumerate(new) if stage.id not in old_ids}
    for index in sorted(set(lone_old) & set(lone_new)):
        pairs.append(StagePair(lone_old.pop(index), lone_new.pop(index), index, index))
    return pairs, sorted(lone_new.items()), sorted(lone_old.items())


def _moved(pairs: list[StagePair]) -> set[int]:
    """New positions of the stages that left the longest run kept in order."""
    ordered = sorted(pairs, key=lambda pair: pair.new_index)
    kept = _longest_increasing([pair.old_index for pair in ordered])
    return {pair.new_index for position, pair in enumerate(ordered) if position not in kept}


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (quadratic: few stages)."""
    if not values:
        return set()
    best = [1] * len(values)
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        for earlier in range(index):
            if values[earlier] < value and best[earlier] + 1 > best[index]:
                best[index], previous[index] = best[earlier] + 1, earlier
    position = max(range(len(values)), key=lambda index: best[index])
    kept = set()
    while position != -1:
        kept.add(position)
        position = previous[position]
    return kept


def _journey_changes(old: Journey, new: Journey) -> list[Change]:
    changes = []
    if old.title != new.title:
        changes.append(Change("title-changed", None, {"old": old.title, "new": new.title}))
    old_persona, new_persona = _persona_name(old), _persona_name(new)
    if old_persona != new_persona:
        changes.append(Change("persona-changed", None, {"old": old_persona,
                                                        "new": new_persona}))
    return changes


def _persona_name(journey: Journey) -> str | None:
    persona = journey.persona
    if persona is None or isinstance(persona, str):
        return persona
    return persona.name


def _stage_changes(pair: StagePair, moved: bool) -> list[Change]:
    old, new = pair.old, pair.new
    changes = []
    if old.id != new.id or old.name != new.name:
        changes.append(Change("stage-renamed", new.id, {
            "old_id": old.id, "new_id": new.id, "old_name": old.name, "new_name": new.name}))
    if moved:
        changes.append(Change("stage-moved", new.id, {"old_position": pair.old_index + 1,
                                                      "new_position": pair.new_index + 1}))
    if old.mean_score != new.mean_score:
        changes.append(Change("score-changed", new.id, {"old": old.mean_score,
                                                        "new": new.mean_score}))
    changes += _named_changes("touchpoint", new.id, old.touchpoints, new.touchpoints,
                              _touchpoint_fields)
    changes += _named_changes("metric", new.id, old.metrics, new.metrics, _metric_fields)
    return changes


def _touchpoint_fields(touchpoint: Touchpoint) -> dict[str, Any]:
    return {"channel": touchpoint.channel, "description": touchpoint.description}


def _metric_fields(metric: Metric) -> dict[str, Any]:
    return {name: _plain(getattr(metric, name)) for name in METRIC_FIELDS}


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _named_changes(kind: str, stage_id: str, old: list[Any], new: list[Any],
                   fields: Any) -> list[Change]:
    """Items matched by name: added, removed, or changed in one of ``fields``."""
    old_items = {item.name: item for item in old}
    new_items = {item.name: item for item in new}
    changes = []
    for name in old_items:
        if name not in new_items:
            changes.append(Change(f"{kind}-removed", stage_id, {"name": name}))
    for name, item in new_items.items():
        if name not in old_items:
            changes.append(Change(f"{kind}-added", stage_id, {"name": name}))
            continue
        before, after = fields(old_items[name]), fields(item)
        changed = {key: {"old": before[key], "new": after[key]}
                   for key in before if before[key] != after[key]}
        if changed:
            changes.append(Change(f"{kind}-changed", stage_id, {"name": name,
                                                                "fields": changed}))
    return changes


def _moment_changes(old: Journey, new: Journey, pairs: list[StagePair]) -> list[Change]:
    """Peak or end on another stage (a renamed stage keeping its role is no move)."""
    renamed = {pair.old.id: pair.new.id for pair in pairs}
    changes = []
    for key in ("peak", "end"):
        before, after = getattr(old, key), getattr(new, key)
        old_stage = renamed.get(before.stage, before.stage) if before else None
        new_stage = after.stage if after else None
        if old_stage != new_stage:
            changes.append(Change(f"{key}-moved", new_stage, {
                "old": before.stage if before else None, "new": new_stage}))
    return changes


def curve(journey: Journey) -> list[tuple[str, str, float | None]]:
    """(id, name, mean score) of each stage: the emotion curve."""
    return [(stage.id, stage.name, stage.mean_score) for stage in journey.stages]


