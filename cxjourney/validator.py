"""Check a parsed document against the model and build the typed journey from it.

One walk over the node tree does both: every key is checked against the model's fields
(``cxjourney.shapes``), every value against its shape, and the model objects are built
as it goes. Cross-field rules (metric ranges, stage ids, references) run afterwards on
the objects. All errors of a file are collected, never only the first.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from typing import Any

from cxjourney import findings as codes
from cxjourney import records
from cxjourney.findings import Code, Finding
from cxjourney.ids import is_slug, slugify
from cxjourney.model import (
    FORMAT_VERSION,
    METRIC_RANGES,
    SLUG_MAX_LENGTH,
    Journey,
    Metric,
    Moment,
    Persona,
    Stage,
)
from cxjourney.shapes import TEXT, FieldShape, Shape, field_map, required_fields, string_form
from cxjourney.text import did_you_mean
from cxjourney.yamltree import (
    CORE_TAG_PREFIX,
    NULL_TEXTS,
    Document,
    Mapping,
    Mark,
    Node,
    Scalar,
    Sequence,
    TagValueError,
    to_python,
)

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_INVALID = object()  # a value that failed validation (already reported)
# What a missing or invalid required field holds so the object can still be built.
_PLACEHOLDERS: dict[str, Any] = {"string": "", "integer": 0, "number": 0, "list": []}


def describe(node: Node) -> str:
    """How a value reads in a wrong-type message: 'a list', 'an integer', 'null' …"""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    assert isinstance(node, Scalar)
    try:
        value = node.value
    except TagValueError:
        return "text"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    return "text"


_EXPECTED = {
    "string": "text",
    "integer": "an integer",
    "number": "a number",
    "date": "a date (YYYY-MM-DD)",
    "enum": "text",
    "list": "a list",
}


def _expected(shapes: Iterable[Shape]) -> str:
    words = []
    for shape in shapes:
        if shape.kind == "object":
            words.append("a mapping")
            if shape.cls is not None and string_form(shape.cls):
                words.append("text")
        else:
            words.append(_EXPECTED.get(shape.kind, shape.kind))
    unique = list(dict.fromkeys(words))
    return " or ".join(unique)


def _is_null(node: Node) -> bool:
    if type(node) is not Scalar:
        return False
    if node.tag is None:  # an untagged scalar is null when it is plain and reads so
        return not node.style and node.text in NULL_TEXTS
    if node.tag == CORE_TAG_PREFIX + "null":  # `!!null ''` is null too, quoted or not
        return _safe_value(node) is None
    return False


def _plain_text(node: Node) -> str | None:
    """The text of an untagged scalar that is non-empty text; None means "check it fully".

    Most values of a journey are such prose, and none of them can be wrong for a field
    that takes any text, so they skip the general path."""
    if type(node) is Scalar and node.tag is None:
        value = node.resolved  # prose is settled by the composer; the rest goes the long way
        if type(value) is str and value.strip():
            return value
    return None


def _safe_value(node: Scalar) -> Any:
    try:
        return node.value
    except TagValueError:
        return _INVALID


class Reader:
    """Reads one document into model objects, collecting findings for ``path``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.bad: set[tuple[int, str]] = set()

    # --- reporting -------------------------------------------------------------------

    def report(self, code: Code, mark: Mark, message: str, location: str = "") -> None:
        self.findings.append(codes.make(code, self.path, mark.line, mark.column, message,
                                        location))

    @staticmethod
    def _value_mark(value: Node, key: Node | None) -> Mark:
        """Findings about a value point at it, or at its key when it is empty or null."""
        if key is not None and isinstance(value, Scalar) and not value.text.strip() \
                and value.style not in ("|", ">"):
            return key.start
        return value.start

    # --- objects ---------------------------------------------------------------------

    def read_object(self, node: Node, cls: type, location: str, key: Node | None = None,
                    label: str = "") -> Any:
        """Read a mapping (or a string, for classes with a string form) into ``cls``."""
        form = string_form(cls)
        if isinstance(node, Scalar) and form is not None and isinstance(_safe_value(node), str):
            text = self.read_text(node, key, label or form, location)
            if text is _INVALID:
                return _INVALID
            return cls(**{form: text}, node=node)
        if not isinstance(node, Mapping):
            expected = "a mapping or text" if form else "a mapping"
            self.report(codes.WRONG_TYPE, self._value_mark(node, key),
                        f"{label or 'this value'} must be {expected}, not {describe(node)}",
                        location)
            return _INVALID
        return self._read_mapping(node, cls, location)

    def _read_mapping(self, node: Mapping, cls: type, location: str) -> Any:
        """Build ``cls`` even when some fields fail (they keep their defaults and are noted
        in ``self.bad``), so the cross-field checks still see the rest of the file."""
        fields = field_map(cls)
        values: dict[str, Any] = {}
        extensions: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        bad: list[str] = []
        for merge in node.merges:
            self._check_merge(merge, location)
        for key, value in node.pairs:
            if type(key) is Scalar and key.tag is None and type(key.resolved) is str:
                name: str | None = key.text  # the common key, without a call
            else:
                name = self._key_name(key, location)
            if name is None:
                continue
            if name in seen:
                self.report(codes.DUPLICATE_KEY, key.start,
                            f"duplicate key '{name}' (first on line {seen[name].start.line})",
                            _join(location, name))
                continue
            seen[name] = key
            if name.startswith("x-"):
                extensions[name] = to_python(value)
                continue
            field = fields.get(name)
            if field is None:
                self._unknown_key(key, name, fields, location)
                continue
            if field.plain_text:  # most fields are prose, which any text field takes
                text = _plain_text(value)
                if text is not None:
                    values[field.name] = text
                    continue
            before = len(self.findings)
            result = self.read_field(field, key, value, _join(location, name))
            if result is not _INVALID and result is not None:
                values[field.name] = result
            if len(self.findings) > before:
                bad.append(field.name)
        for field in required_fields(cls):
            if field.key not in seen:
                self.report(codes.MISSING_KEY, node.first_key_mark,
                            f"missing required key '{field.key}'", _join(location, field.key))
                values[field.name] = _PLACEHOLDERS[field.shapes[0].kind]
                bad.append(field.name)
            elif field.name not in values:
                values[field.name] = _PLACEHOLDERS[field.shapes[0].kind]
        result = cls(**values, extensions=extensions, node=node)
        if bad:
            self.bad.update((id(result), name) for name in bad)
        return result

    def is_bad(self, obj: Any, name: str) -> bool:
        """True when field ``name`` of ``obj`` was missing or invalid (already reported)."""
        return (id(obj), name) in self.bad

    def _key_name(self, key: Node, location: str) -> str | None:
        """The name of a key that is not plain text (_read_mapping settles those)."""
        # A tagged key (`!foo title:`, `!!int title:`) is a tag error, not "a key must be
        # text, not text" as it read before.
        if self._foreign_tag(key, location):
            return None
        if isinstance(key, Scalar) and _safe_value(key) is _INVALID:
            self.read_scalar(Shape("string"), key, None, "a key", location, {})
            return None
        if isinstance(key, Scalar) and isinstance(_safe_value(key), str | int | float | bool):
            return key.text
        if isinstance(key, Scalar) and _safe_value(key) is None:
            self.report(codes.WRONG_TYPE, key.start, "a key must be text, not null", location)
            return None
        self.report(codes.WRONG_TYPE, key.start, f"a key must be text, not {describe(key)}",
                    location)
        return None

    def _check_merge(self, merge: Node, location: str) -> None:
        sources = merge.items if isinstance(merge, Sequence) else [merge]
        for source in sources:
            if not isinstance(source, Mapping):
                self.report(codes.WRONG_TYPE, source.start,
                            f"a merge key (<<) takes a mapping or a list of mappings, not "
                            f"{describe(source)}", location)

    def _unknown_key(self, key: Node, name: str, fields: dict[str, FieldShape],
                     location: str) -> None:
        self.report(codes.UNKNOWN_KEY, key.start,
                    f"unknown key '{name}'{did_you_mean(name, fields)}",
                    _join(location, name))

    # --- fields ----------------------------------------------------------------------

    def read_field(self, field: FieldShape, key: Node, value: Node, location: str) -> Any:
        """A field's value; None when absent (null optional), _INVALID when reported.
        (Prose in a plain-text field is settled by _read_mapping before this.)"""
        if self._foreign_tag(value, location):
            return _INVALID
        if _is_null(value):
            if field.required:
                self.report(codes.WRONG_TYPE, key.start,
                            f"'{field.key}' must be {_expected(field.shapes)}, not null",
                            location)
                return _INVALID
            return None
        return self.read_value(field.shapes, value, key, f"'{field.key}'", location,
                               field.meta)

    def read_value(self, shapes: tuple[Shape, ...], node: Node, key: Node | None, label: str,
                   location: str, meta: dict[str, Any]) -> Any:
        for shape in shapes:
            if shape.kind == "object" and shape.cls is not None and (
                    isinstance(node, Mapping) or
                    (isinstance(node, Scalar) and string_form(shape.cls))):
                return self.read_object(node, shape.cls, location, key, label)
            if shape.kind == "list" and isinstance(node, Sequence):
                return self.read_list(shape, node, label, location, meta)
            if shape.kind not in ("object", "list") and isinstance(node, Scalar):
                return self.read_scalar(shape, node, key, label, location, meta)
        self.report(codes.WRONG_TYPE, self._value_mark(node, key),
                    f"{label} must be {_expected(shapes)}, not {describe(node)}", location)
        return _INVALID

    def read_list(self, shape: Shape, node: Sequence, label: str, location: str,
                  meta: dict[str, Any]) -> Any:
        minimum = meta.get("min_items")
        if minimum and len(node.items) < minimum:
            self.report(codes.INVALID_VALUE, node.start,
                        f"{label} must have at least {minimum} item"
                        f"{'s' if minimum != 1 else ''}", location)
            return _INVALID
        assert shape.item is not None
        items: list[Any] = []
        item_meta = {"text": True}  # list items are text that must not be empty
        for index, item in enumerate(node.items):
            if shape.item is TEXT:
                text = _plain_text(item)
                if text is not None:
                    items.append(text)
                    continue
            item_location = f"{location}[{index}]"
            item_label = f"an item of {label}"
            if self._foreign_tag(item, item_location):
                continue
            if _is_null(item):
                self.report(codes.WRONG_TYPE, item.start,
                            f"{item_label} must be {_expected([shape.item])}, not null",
                            item_location)
                continue
            value = self.read_value((shape.item,), item, None, item_label, item_location,
                                    item_meta)
            if value is not _INVALID:
                items.append(value)
        return items  # failed items are reported; partial objects stay for later checks

    def read_scalar(self, shape: Shape, node: Scalar, key: Node | None, label: str,
                    location: str, meta: dict[str, Any]) -> Any:
        try:
            value = node.value
        except TagValueError as error:
            self.report(codes.INVALID_VALUE, node.tag_mark or node.start, str(error), location)
            return _INVALID
        reader = _SCALAR_READERS[shape.kind]
        return reader(self, shape, node, value, key, label, location, meta)

    def read_text(self, node: Scalar, key: Node | None, label: str, location: str) -> Any:
        value = _safe_value(node)
        if not isinstance(value, str):
            self.report(codes.WRONG_TYPE, self._value_mark(node, key),
                        f"{label} must be text, not {describe(node)}", location)
            return _INVALID
        if not value.strip():
            self.report(codes.INVALID_VALUE, self._value_mark(node, key),
                        f"{label} must not be empty", location)
            return _INVALID
        return value

    def _foreign_tag(self, node: Node, location: str) -> bool:
        """Report a tag that cannot be honoured: not a core tag, or a core collection tag
        on the other kind of node (``!!map`` on a list, ``!!str`` on a mapping)."""
        if node.tag is None:  # nearly every node
            return False
        problem = _tag_problem(node)
        if problem is None:
            return False
        self.report(codes.INVALID_VALUE, node.tag_mark or node.start, problem, location)
        return True


def _tag_text(tag: str) -> str:
    """A tag as the user wrote it: ``!!int`` rather than ``tag:yaml.org,2002:int``."""
    return "!!" + tag[len(CORE_TAG_PREFIX):] if tag.startswith(CORE_TAG_PREFIX) else tag


# The core tag each kind of collection takes (scalar tags are checked when resolving).
_COLLECTION_TAGS = {Mapping: CORE_TAG_PREFIX + "map", Sequence: CORE_TAG_PREFIX + "seq"}


def _tag_problem(node: Node) -> str | None:
    tag = node.tag
    if tag is None or tag == "!":
        return None
    if node.has_foreign_tag:
        return (f"the tag '{_tag_text(tag)}' is not allowed: only the YAML core tags "
                "(!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) are")
    # Core tags were honoured on scalars only; a mismatched one on a collection was
    # silently ignored before.
    expected = _COLLECTION_TAGS.get(type(node))
    if expected is not None and tag != expected:
        return f"the tag '{_tag_text(tag)}' does not fit {describe(node)}"
    return None


# --- scalar readers, one per shape kind ------------------------------------------------

ScalarReader = Callable[
    [Reader, Shape, Scalar, Any, "Node | None", str, str, dict[str, Any]], Any
]


def _wrong_type(reader: Reader, node: Scalar, key: Node | None, label: str, expected: str,
                location: str) -> Any:
    reader.report(codes.WRONG_TYPE, reader._value_mark(node, key),
                  f"{label} must be {expected}, not {describe(node)}", location)
    return _INVALID


def _read_string(reader: Reader, shape: Shape, node: Scalar, value: Any, key: Node | None,
                 label: str, location: str, meta: dict[str, Any]) -> Any:
    if not isinstance(value, str):
        hint = " (quote it to make it text)" if isinstance(value, int | float | bool) else ""
        return _wrong_type(reader, node, key, label, "text" + hint, location)
    mark = reader._value_mark(node, key)
    if (meta.get("text") or meta.get("slug")) and not value.strip():
        reader.report(codes.INVALID_VALUE, mark, f"{label} must not be empty", location)
        return _INVALID
    if meta.get("slug") and not is_slug(value):
        reader.report(codes.INVALID_VALUE, mark,
                      f"{label} '{value}' is not a valid id: use lower-case a-z, 0-9 and '-', "
                      f"starting with a letter or digit, at most {SLUG_MAX_LENGTH} characters"
                      f" (for example '{slugify(value) or 'stage-1'}')", location)
        return _INVALID
    return value


def _read_integer(reader: Reader, shape: Shape, node: Scalar, value: Any, key: Node | None,
                  label: str, location: str, meta: dict[str, Any]) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        return _wrong_type(reader, node, key, label, "an integer", location)
    return _check_range(reader, node, value, label, location, meta)


def _read_number(reader: Reader, shape: Shape, node: Scalar, value: Any, key: Node | None,
                 label: str, location: str, meta: dict[str, Any]) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _wrong_type(reader, node, key, label, "a number", location)
    if isinstance(value, float) and not math.isfinite(value):
        reader.report(codes.INVALID_VALUE, node.start, f"{label} must be a finite number",
                      location)
        return _INVALID
    return _check_range(reader, node, value, label, location, meta)


def _check_range(reader: Reader, node: Scalar, value: float, label: str, location: str,
                 meta: dict[str, Any]) -> Any:
    low, high = meta.get("minimum"), meta.get("maximum")
    if (low is not None and value < low) or (high is not None and value > high):
        reader.report(codes.INVALID_VALUE, node.start,
                      f"{label} must be between {low} and {high}, not {node.text}", location)
        return _INVALID
    return value


def _read_date(reader: Reader, shape: Shape, node: Scalar, value: Any, key: Node | None,
               label: str, location: str, meta: dict[str, Any]) -> Any:
    if not isinstance(value, str):
        return _wrong_type(reader, node, key, label, "a date (YYYY-MM-DD)", location)
    try:
        if not _DATE.match(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        reader.report(codes.INVALID_VALUE, reader._value_mark(node, key),
                      f"{label} must be a real date written YYYY-MM-DD, not '{value}'",
                      location)
        return _INVALID


def _read_enum(reader: Reader, shape: Shape, node: Scalar, value: Any, key: Node | None,
               label: str, location: str, meta: dict[str, Any]) -> Any:
    if isinstance(value, str) and value in shape.choices:
        return value
    if not isinstance(value, str):
        return _wrong_type(reader, node, key, label, "text", location)
    choices = ", ".join(shape.choices)
    reader.report(codes.INVALID_VALUE, reader._value_mark(node, key),
                  f"{label} must be one of {choices}, not '{value}'", location)
    return _INVALID


_SCALAR_READERS: dict[str, ScalarReader] = {
    "string": _read_string,
    "integer": _read_integer,
    "number": _read_number,
    "date": _read_date,
    "enum": _read_enum,
}


def _join(location: str, key: str) -> str:
    return f"{location}.{key}" if location else key


# --- the journey -------------------------------------------------------------------------


def read_journey(document: Document, path: str, default_id: str,
                 personas: dict[str, Persona] | None = None,
                 personas_configured: bool = False) -> tuple[Journey | None, list[Finding]]:
    """Validate ``document`` as a journey. Returns the journey (None when invalid) and the
    findings, sorted and without repeats."""
    reader = Reader(path)
    root = _root_mapping(reader, document)
    if root is None:
        return None, _tidy(reader.findings)
    if _unsupported_version(reader, root):
        return None, _tidy(reader.findings)
    journey = reader.read_object(root, Journey, "")
    ids = _check_stage_ids(reader, journey.stages)
    for index, stage in enumerate(journey.stages):
        for metric_index, metric in enumerate(stage.metrics):
            _check_metric(reader, metric, f"stages[{index}].metrics[{metric_index}]")
    stages_node = root.get("stages")
    all_stages_read = (isinstance(stages_node, Sequence)
                       and len(journey.stages) == len(stages_node.items))
    if ids is not None and all_stages_read:
        for key in ("peak", "end"):
            moment = getattr(journey, key)
            if moment is not None and not reader.is_bad(moment, "stage"):
                _check_stage_reference(reader, moment, key, ids)
    if isinstance(journey.persona, str):
        _check_persona_reference(reader, journey, personas, personas_configured)
    if reader.findings:
        return None, _tidy(reader.findings)
    return _finish_journey(journey, ids or [], default_id, personas), []


def _root_mapping(reader: Reader, document: Document) -> Mapping | None:
    if document.second_document is not None:
        reader.report(codes.INVALID_ROOT, document.second_document,
                      "a journey file holds exactly one YAML document; remove the second one")
    root = document.root
    if root is None or _is_null(root):
        reader.report(codes.INVALID_ROOT, Mark(1, 1),
                      "the file is empty: a journey is a mapping with cxj, title and stages")
        return None
    if not isinstance(root, Mapping):
        reader.report(codes.INVALID_ROOT, Mark(1, 1),
                      f"the root must be a mapping of journey keys, not {describe(root)}")
        return None
    if reader._foreign_tag(root, ""):  # `--- !foo` on the root was ignored before
        return None
    return root


def _unsupported_version(reader: Reader, root: Mapping) -> bool:
    """An integer `cxj` other than 1 is the only error reported for the file."""
    node = root.get("cxj")
    if not isinstance(node, Scalar) or node.has_foreign_tag:
        return False
    value = _safe_value(node)
    if isinstance(value, int) and not isinstance(value, bool) and value != FORMAT_VERSION:
        reader.findings.clear()
        reader.report(codes.UNSUPPORTED_VERSION, node.start,
                      f"format version {value} is not supported: this cxj reads version "
                      f"{FORMAT_VERSION}", "cxj")
        return True
    return False


def _derived_id(stage: Stage) -> str:
    return stage.id or slugify(stage.name)


def _check_stage_ids(reader: Reader, stages: list[Stage]) -> list[str] | None:
    """Report empty and duplicate stage ids; the ids in order, or None if one is unknown."""
    first_seen: dict[str, Node] = {}
    ids: list[str] = []
    complete = True
    for stage in stages:
        if reader.is_bad(stage, "id") or (not stage.id and reader.is_bad(stage, "name")):
            complete = False  # its id is unknown; the error is reported already
            continue
        source = stage.value_node("id") if stage.id else stage.value_node("name")
        stage_id = _derived_id(stage)
        if not stage_id:
            mark = source.start if source is not None else Mark(1, 1)
            reader.report(codes.INVALID_VALUE, mark,
                          f"the stage name '{stage.name}' gives an empty id; add `id`",
                          "stages.name")
            complete = False
            continue
        ids.append(stage_id)
        if source is None:  # built without a node (cannot happen for parsed files)
            continue
        if stage_id in first_seen:
            reader.report(codes.DUPLICATE_ID, source.start,
                          f"duplicate stage id '{stage_id}' (first used on line "
                          f"{first_seen[stage_id].start.line})", f"stages[{stage_id}].id")
        else:
            first_seen[stage_id] = source
    return ids if complete else None


# "an nps metric" but "a csat metric", "a ces metric" (it read "an csat" before).
_ARTICLES = {"nps": "an"}


def _check_metric(reader: Reader, metric: Metric, location: str) -> None:
    if reader.is_bad(metric, "type"):
        return
    if metric.direction is not None and metric.type != "custom":
        direction = metric.key_node("direction")
        mark = direction.start if direction is not None else Mark(1, 1)
        reader.report(codes.INVALID_VALUE, mark,
                      f"'direction' is only allowed on custom metrics; {metric.type} is "
                      "higher-is-better", f"{location}.direction")
    limits = METRIC_RANGES.get(metric.type)
    if limits is None:
        return
    low, high = limits
    for key in ("target", "actual"):
        value = getattr(metric, key)
        node = metric.value_node(key)
        if value is not None and not low <= value <= high and node is not None:
            reader.report(codes.INVALID_VALUE, node.start,
                          f"'{key}' of {_ARTICLES.get(metric.type, 'a')} {metric.type} "
                          f"metric must be between {low} and "
                          f"{high}, not {value:g}", f"{location}.{key}")


def _check_stage_reference(reader: Reader, moment: Moment, key: str, ids: list[str]) -> None:
    if moment.stage in ids:
        return
    node = moment.value_node("stage")
    mark = node.start if node is not None else Mark(1, 1)
    reader.report(codes.UNKNOWN_REFERENCE, mark,
                  f"{key}.stage '{moment.stage}' is not the id of a stage"
                  # each id once: with duplicate ids it listed 'buy, buy'
                  f"{did_you_mean(moment.stage, ids)}; stage ids: {', '.join(dict.fromkeys(ids))}",
                  f"{key}.stage")


def _check_persona_reference(reader: Reader, journey: Journey,
                             personas: dict[str, Persona] | None,
                             personas_configured: bool) -> None:
    reference = journey.persona
    assert isinstance(reference, str)
    node = journey.value_node("persona")
    mark = node.start if node is not None else Mark(1, 1)
    if not personas_configured:
        reader.report(codes.UNKNOWN_REFERENCE, mark,
                      f"persona '{reference}' refers to a personas file, but none is "
                      "configured (set `personas` in cxj.toml or [tool.cxj])", "persona")
    elif personas is None or reference not in personas:
        known = sorted(personas or {})
        reader.report(codes.UNKNOWN_REFERENCE, mark,
                      f"persona '{reference}' is not in the personas file"
                      f"{did_you_mean(reference, known)}", "persona")


def stages_ids(journey: Journey) -> list[str]:
    return [_derived_id(stage) for stage in journey.stages]


def _finish_journey(journey: Journey, ids: list[str], default_id: str,
                    personas: dict[str, Persona] | None) -> Journey:
    """Fill in derived ids and resolve a persona reference."""
    stages = [
        stage if stage.id == stage_id else records.replace(stage, id=stage_id)
        for stage, stage_id in zip(journey.stages, ids, strict=True)
    ]
    persona = journey.persona
    if isinstance(persona, str) and personas is not None:
        persona = personas[persona]
    return records.replace(journey, id=journey.id or default_id, stages=stages,
                               persona=persona)


def _tidy(found: list[Finding]) -> list[Finding]:
    """Sorted, each finding once (an alias repeats the findings of what it points to)."""
    return sorted(set(found))


# --- the personas file ---------------------------------------------------------------


def read_personas(document: Document, path: str) -> tuple[dict[str, Persona], list[Finding]]:
    """Validate a personas file (a list of persona mappings, each with an `id`).

    Returns its valid entries by id, and the findings."""
    reader = Reader(path)
    root = document.root
    if document.second_document is not None:
        reader.report(codes.INVALID_ROOT, document.second_document,
                      "a personas file holds exactly one YAML document")
    if root is None or _is_null(root) or not isinstance(root, Sequence):
        what = "empty" if root is None or _is_null(root) else describe(root)
        reader.report(codes.INVALID_ROOT, Mark(1, 1),
                      f"a personas file is a list of personas, each with an id; this one is "
                      f"{what}")
        return {}, _tidy(reader.findings)
    valid: dict[str, Persona] = {}
    first_line: dict[str, int] = {}
    for index, item in enumerate(root.items):
        before = len(reader.findings)
        persona = reader.read_object(item, Persona, f"[{index}]", label="a persona")
        if persona is _INVALID:
            continue
        if persona.id is None and reader.is_bad(persona, "id"):
            continue  # an invalid id is reported already; it is not also missing
        if persona.id is None:
            mark = item.first_key_mark if isinstance(item, Mapping) else item.start
            reader.report(codes.MISSING_KEY, mark, "missing required key 'id'", f"[{index}].id")
            continue
        id_node = persona.value_node("id")
        if persona.id in first_line and id_node is not None:
            reader.report(codes.DUPLICATE_ID, id_node.start,
                          f"duplicate persona id '{persona.id}' (first used on line "
                          f"{first_line[persona.id]})", f"[{persona.id}].id")
            continue
        if len(reader.findings) == before and id_node is not None:
            first_line[persona.id] = id_node.start.line
            valid[persona.id] = persona
    return valid, _tidy(reader.findings)
