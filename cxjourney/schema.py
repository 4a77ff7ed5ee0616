"""The JSON Schemas (journey and configuration) and the format reference, from the model.

The schemas declare draft 2020-12 but use only keywords draft-07 validators understand too
(the VS Code YAML extension is draft-07): no ``prefixItems``, ``unevaluatedProperties`` or
``$dynamicRef``.
"""

from __future__ import annotations

import json
from typing import Any

from cxjourney import model
from cxjourney.shapes import FieldShape, Shape, fields_of, string_form

JOURNEY_SCHEMA_ID = "urn:cxjourney:schema:journey:1"
CONFIG_SCHEMA_ID = "urn:cxjourney:schema:config:1"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
_NON_EMPTY = {"minLength": 1, "pattern": "\\S"}


class _Builder:
    """Turns model classes into schema definitions, collecting them under ``$defs``."""

    def __init__(self, *, allow_null: bool, extensions: bool) -> None:
        self.allow_null = allow_null  # YAML: an optional key may be null (= absent)
        self.extensions = extensions  # journey files allow `x-` keys everywhere
        self.defs: dict[str, Any] = {}

    def object_schema(self, cls: type) -> dict[str, Any]:
        fields = fields_of(cls)
        schema: dict[str, Any] = {
            "type": "object",
            "description": (cls.__doc__ or "").strip(),
            "properties": {item.key: self.field_schema(item) for item in fields},
        }
        required = [item.key for item in fields if item.required]
        if required:
            schema["required"] = required
        if self.extensions:
            schema["patternProperties"] = {"^x-": {"description": "Team extension: not "
                                                   "validated, passed to templates."}}
        schema["additionalProperties"] = False
        schema.update(_extra_rules(cls))
        return schema

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve first: definitions may refer to each other
            self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def field_schema(self, item: FieldShape) -> dict[str, Any]:
        options = [self.shape_schema(shape, item.meta) for shape in item.shapes]
        schema: dict[str, Any] = options[0] if len(options) == 1 else {"anyOf": options}
        if self.allow_null and not item.required:
            schema = {"anyOf": [schema, {"type": "null"}]}
        described = {"description": item.doc, **schema}
        if item.meta.get("example") is not None:
            described["examples"] = [item.meta["example"]]
        return described

    def shape_schema(self, shape: Shape, meta: dict[str, Any]) -> dict[str, Any]:
        kind = shape.kind
        if kind == "object":
            assert shape.cls is not None
            reference = self.ref(shape.cls)
            if string_form(shape.cls):
                return {"anyOf": [{"type": "string", **_NON_EMPTY}, reference]}
            return reference
        if kind == "list":
            assert shape.item is not None
            items = self.shape_schema(shape.item, {"text": True})
            schema: dict[str, Any] = {"type": "array", "items": items}
            if meta.get("min_items"):
                schema["minItems"] = meta["min_items"]
            return schema
        if kind == "map":
            assert shape.item is not None
            return {"type": "object",
                    "additionalProperties": self.shape_schema(shape.item, {})}
        return _scalar_schema(shape, meta)


def _scalar_schema(shape: Shape, meta: dict[str, Any]) -> dict[str, Any]:
    kind = shape.kind
    if kind == "enum":
        return {"type": "string", "enum": list(shape.choices)}
    if kind == "date":
        return {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    if kind == "string":
        schema: dict[str, Any] = {"type": "string"}
        if meta.get("slug"):
            schema.update(pattern=model.SLUG_PATTERN, maxLength=model.SLUG_MAX_LENGTH)
        elif meta.get("text"):
            schema.update(_NON_EMPTY)
        return schema
    schema = {"type": kind}
    if meta.get("const") is not None:
        schema["const"] = meta["const"]
    for keyword, key in (("minimum", "minimum"), ("maximum", "maximum")):
        if meta.get(key) is not None:
            schema[keyword] = meta[key]
    return schema


def _extra_rules(cls: type) -> dict[str, Any]:
    """Cross-field rules the model states as constants rather than per-field metadata."""
    if cls is not model.Metric:
        return {}
    rules: list[dict[str, Any]] = []
    for metric_type, (low, high) in model.METRIC_RANGES.items():
        bounded = {"anyOf": [{"type": "number", "minimum": low, "maximum": high},
                             {"type": "null"}]}
        rules.append({
            "if": {"properties": {"type": {"const": metric_type}}, "required": ["type"]},
            "then": {"properties": {"target": bounded, "actual": bounded},
                     "not": {"required": ["direction"]}},
        })
    return {"allOf": rules}


def journey_schema() -> dict[str, Any]:
    builder = _Builder(allow_null=True, extensions=True)
    root = builder.object_schema(model.Journey)
    return {
        "$schema": DRAFT,
        "$id": JOURNEY_SCHEMA_ID,
        "title": "cxj customer journey (format 1)",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def config_schema() -> dict[str, Any]:
    from cxjourney.config import Config

    builder = _Builder(allow_null=False, extensions=False)
    root = builder.object_schema(Config)
    return {
        "$schema": DRAFT,
        "$id": CONFIG_SCHEMA_ID,
        "title": "cxj configuration (cxj.toml, or [tool.cxj] in pyproject.toml)",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


# --- the format reference (docs/format.md) ----------------------------------------------


def _type_words(item: FieldShape) -> str:
    words = []
    for shape in item.shapes:
        words.append(_shape_words(shape, item.meta))
    return " or ".join(words)


def _shape_words(shape: Shape, meta: dict[str, Any]) -> str:
    kind = shape.kind
    if kind == "object":
        assert shape.cls is not None
        name = f"[{shape.cls.__name__}](#{shape.cls.__name__.lower()})"
        return f"{name} or text" if string_form(shape.cls) else name
    if kind == "list":
        assert shape.item is not None
        return f"list of {_shape_words(shape.item, {})}"
    if kind == "enum":
        return " \\| ".join(f"`{choice}`" for choice in shape.choices)
    if kind == "string" and meta.get("slug"):
        return "id (slug)"
    if kind == "integer" and meta.get("minimum") is not None:
        return f"integer {meta['minimum']}…{meta['maximum']}"
    return {"string": "text", "date": "date", "number": "number",
            "integer": "integer"}.get(kind, kind)


def reference_markdown() -> str:
    """The field reference of the journey format, one table per object."""
    lines = [
        "# Journey file format reference",
        "",
        "<!-- Generated from cxjourney/model.py by `python -m cxjourney.schema`; "
        "do not edit. -->",
        "",
        "One journey per YAML file (`*.journey.yaml`), YAML 1.2, UTF-8. Keys starting with "
        "`x-` are allowed in every mapping; they are not validated and are passed to "
        "templates. An optional key whose value is null counts as absent.",
        "",
    ]
    for cls in (model.Journey, model.Persona, model.Stage, model.Emotion, model.Touchpoint,
                model.Metric, model.Moment):
        lines.extend(_object_section(cls))
    lines.extend([
        "## Value ranges of metrics",
        "",
        "| type | target and actual |",
        "| --- | --- |",
        *[f"| `{name}` | {low} … {high} |" for name, (low, high) in model.METRIC_RANGES.items()],
        "| `custom` | any number |",
        "",
    ])
    return "\n".join(lines)


def _object_section(cls: type) -> list[str]:
    doc = (cls.__doc__ or "").strip()
    lines = [f"## {cls.__name__}", "", doc, "", "| key | type | required | description |",
             "| --- | --- | --- | --- |"]
    for item in fields_of(cls):
        description = item.doc
        if item.meta.get("default_doc"):
            description += f" Default: {item.meta['default_doc']}."
        required = "yes" if item.required else ""
        lines.append(f"| `{item.key}` | {_type_words(item)} | {required} | {description} |")
    return [*lines, ""]


if __name__ == "__main__":  # regenerate the checked-in copies
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    (root / "schemas").mkdir(exist_ok=True)
    (root / "schemas" / "journey.schema.json").write_text(dumps(journey_schema()),
                                                          encoding="utf-8")
    (root / "schemas" / "config.schema.json").write_text(dumps(config_schema()),
                                                         encoding="utf-8")
    (root / "docs" / "format.md").write_text(reference_markdown(), encoding="utf-8")
