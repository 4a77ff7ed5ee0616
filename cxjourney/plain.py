"""A journey as plain data: the mappings, lists and scalars a journey file would hold, with
keys in canonical (§2) order and nothing that the file would leave out.

Used wherever a journey is written back as YAML or cells (import, csv, starters).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjourney import records
from cxjourney.model import Element, Journey, Metric, Stage
from cxjourney.shapes import fields_of, string_form


def to_data(obj: Element, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """``obj`` as a mapping in canonical key order; absent and empty values are left out,
    and so is a metric ``type`` of ``custom`` (the default)."""
    data: dict[str, Any] = {}
    cls: type = type(obj)
    for field_shape in fields_of(cls):
        if field_shape.key in skip:
            continue
        value = _value(getattr(obj, field_shape.name))
        if value is None or value == [] or (value == "" and field_shape.name == "id"):
            continue
        if isinstance(obj, Metric) and field_shape.name == "type" and value == "custom" \
                and obj.value_node("type") is None:
            continue
        data[field_shape.key] = value
    data.update(obj.extensions)
    return data


def _value(value: Any) -> Any:
    if isinstance(value, Element):
        form = string_form(type(value))
        if form is not None and not _carries_more(value, form):
            return getattr(value, form)
        return to_data(value)
    if isinstance(value, list):
        return [_value(item) for item in value]
    return value


def _carries_more(obj: Element, form: str) -> bool:
    """True when ``obj`` holds more than its string form's field (a channel, x- keys …)."""
    if obj.extensions:
        return True
    return any(getattr(obj, item.name) not in (None, [], "")
               for item in records.fields(obj)
               if item.name not in (form, "extensions", "node"))


def item_data(item: Any) -> Any:
    """A lane item (string, emotion, touchpoint, metric) as plain data."""
    return _value(item)


def journey_data(journey: Journey, *, keep_id: bool | None = None) -> dict[str, Any]:
    """The journey as its file would hold it. The journey ``id`` is kept when it was
    written in the file (``keep_id`` None) or when ``keep_id`` says so."""
    explicit = journey.value_node("id") is not None if keep_id is None else keep_id
    data = to_data(journey, skip=() if explicit else ("id",))
    data["stages"] = [stage_data(stage) for stage in journey.stages]
    return _reorder(data, journey)


def stage_data(stage: Stage) -> dict[str, Any]:
    data = to_data(stage)
    data["id"] = stage.id
    return {key: data[key] for key in ("id", *data) if key in data}


def _reorder(data: dict[str, Any], journey: Journey) -> dict[str, Any]:
    known = [item.key for item in fields_of(Journey)]
    ordered = {key: data[key] for key in known if key in data}
    ordered.update({key: value for key, value in data.items() if key not in ordered})
    return ordered


def is_date_text(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
