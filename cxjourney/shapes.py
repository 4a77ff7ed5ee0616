"""Read the model's type hints and field metadata into shapes the validator and the
schema generator walk. This is the one place that interprets ``cxjourney.model``."""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from typing import Any, Literal, NamedTuple, Union

from cxjourney import records

Kind = Literal["string", "integer", "number", "boolean", "date", "enum", "list", "map", "object"]


class Shape(NamedTuple):
    """What a value must look like."""

    kind: Kind
    choices: tuple[str, ...] = ()  # enum
    item: Shape | None = None  # list items, map values (map keys are strings)
    cls: type | None = None  # object


class FieldShape(NamedTuple):
    """One key of a mapping: its name, shape(s) and metadata (see ``model.spec``)."""

    name: str
    key: str  # as written in YAML or TOML
    shapes: tuple[Shape, ...]  # more than one: any of them (e.g. mapping or reference)
    meta: dict[str, Any]
    plain_text: bool = False  # any string will do (not an id): the validator's fast path

    @property
    def required(self) -> bool:
        return bool(self.meta.get("required"))

    @property
    def doc(self) -> str:
        return str(self.meta.get("doc", ""))


TEXT = Shape("string")


def shape_of(hint: Any) -> tuple[Shape, ...]:
    """The shapes a type hint allows (None is dropped: absence is handled by the caller)."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if set(args) == {float, int}:
            return (Shape("number"),)
        return tuple(shape for arg in args for shape in shape_of(arg))
    if origin is Literal:
        return (Shape("enum", choices=tuple(typing.get_args(hint))),)
    if origin is list:
        (item,) = typing.get_args(hint)
        (item_shape,) = shape_of(item)
        return (Shape("list", item=item_shape),)
    if origin is dict:
        _, value = typing.get_args(hint)
        (value_shape,) = shape_of(value)
        return (Shape("map", item=value_shape),)
    if hint is bool:
        return (Shape("boolean"),)
    if hint is str:
        return (TEXT,)
    if hint is int:
        return (Shape("integer"),)
    if hint is float:
        return (Shape("number"),)
    if hint is dt.date:
        return (Shape("date"),)
    if isinstance(hint, type) and records.is_record(hint):
        return (Shape("object", cls=hint),)
    raise TypeError(f"the model uses a type the shapes do not know: {hint!r}")


@functools.cache
def fields_of(cls: type) -> tuple[FieldShape, ...]:
    """The user-facing fields of a model class, in declaration (= canonical) order."""
    hints = typing.get_type_hints(cls)
    result = []
    for item in records.fields(cls):
        if item.metadata.get("internal"):
            continue
        key = item.metadata.get("key", item.name)
        shapes = shape_of(hints[item.name])
        plain_text = shapes == (TEXT,) and not item.metadata.get("slug")
        result.append(FieldShape(item.name, key, shapes, dict(item.metadata), plain_text))
    return tuple(result)


@functools.cache
def field_map(cls: type) -> dict[str, FieldShape]:
    return {item.key: item for item in fields_of(cls)}


@functools.cache
def required_fields(cls: type) -> tuple[FieldShape, ...]:
    return tuple(item for item in fields_of(cls) if item.required)


def string_form(cls: type) -> str | None:
    """The field a plain string fills when written where a ``cls`` mapping is expected."""
    value = getattr(cls, "STRING_FORM", None)
    return value if isinstance(value, str) else None
