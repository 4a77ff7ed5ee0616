"""Parse YAML text into a small node tree that knows where every node came from.

The tree is built from the parser's event stream rather than by ruamel's composer:

* we count nodes and depth on the events *before* any tree grows, so a "billion laughs"
  file or 50,000 nested ``[`` is stopped at the first node over the limit (recursive
  composers and the C loaders crash on such input);
* duplicate keys survive (ruamel's round-trip loader stops at the first one), so the
  validator can report all of them;
* nothing is ever constructed from a tag: scalars stay text until the validator asks for
  a YAML 1.2 core-schema value.

The events come from libyaml through ``ruamel.yaml.clib`` when it is installed, else from
ruamel's pure-Python parser; both give the same lines and columns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, Protocol, cast

CORE_TAG_PREFIX = "tag:yaml.org,2002:"
CORE_TAGS = frozenset(
    CORE_TAG_PREFIX + name for name in ("str", "int", "float", "bool", "null", "seq", "map")
)
MERGE_KEY = "<<"


class Mark(NamedTuple):
    """A 1-based line and column (columns count code points)."""

    line: int
    column: int


class ParserMark(Protocol):
    """A position as the parsers report it: 0-based line and column."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class Node:
    """A node of the tree: where it starts and ends, and its tag if one was written.

    The node keeps the parser's own marks (0-based ``line`` and ``column``) and makes a
    :class:`Mark` of one only when asked: findings ask for a few, and building two per
    node for a file that has none was a tenth of a load.
    """

    __slots__ = ("_end", "_start", "tag", "tag_mark")

    def __init__(self, start: ParserMark, end: ParserMark, tag: str | None) -> None:
        self._start = start
        self._end = end
        self.tag = tag
        self.tag_mark: Mark | None = None

    @property
    def start(self) -> Mark:
        return _mark(self._start)

    @property
    def end(self) -> Mark:
        return _mark(self._end)

    @property
    def has_foreign_tag(self) -> bool:
        """True when the node carries a tag outside the YAML core schema."""
        return self.tag is not None and self.tag != "!" and self.tag not in CORE_TAGS


UNRESOLVED: Any = object()  # Scalar.resolved before anything has resolved the scalar


class Scalar(Node):
    """A scalar: its text as written (after YAML's folding and escapes) and its style."""

    __slots__ = ("resolved", "style", "text")

    def __init__(self, text: str, style: str | None, start: ParserMark, end: ParserMark,
                 tag: str | None):
        # Node.__init__'s assignments, inlined: scalars are most of a file's nodes.
        self._start = start
        self._end = end
        self.tag = tag
        self.tag_mark = None
        self.text = text
        self.style = style  # None for plain, else one of ' " | >
        # The core-schema value once known: the composer settles prose and quoted text,
        # `value` the rest on demand. Hot paths may test it for a str to skip `value`.
        self.resolved: Any = UNRESOLVED

    @property
    def is_plain(self) -> bool:
        return not self.style

    @property
    def value(self) -> Any:
        """The YAML 1.2 core-schema value (str, int, float, bool or None).

        Raises :class:`TagValueError` when a core tag does not fit the text."""
        if self.resolved is UNRESOLVED:
            self.resolved = resolve_scalar(self)
        return self.resolved

    def __repr__(self) -> str:
        return f"Scalar({self.text!r} @{self.start.line}:{self.start.column})"


class Sequence(Node):
    __slots__ = ("items",)

    def __init__(self, start: ParserMark, end: ParserMark, tag: str | None) -> None:
        self._start, self._end, self.tag, self.tag_mark = start, end, tag, None  # as Node's
        self.items: list[Node] = []

    def __repr__(self) -> str:
        return f"Sequence({len(self.items)} items @{self.start.line}:{self.start.column})"


class Mapping(Node):
    """A mapping with its pairs in source order, merge keys (``<<``) already applied.

    ``pairs`` keeps every written pair, duplicates included; merged pairs come after the
    written ones and only for keys the mapping does not write itself.
    """

    __slots__ = ("merges", "pairs")

    def __init__(self, start: ParserMark, end: ParserMark, tag: str | None) -> None:
        self._start, self._end, self.tag, self.tag_mark = start, end, tag, None  # as Node's
        self.pairs: list[tuple[Node, Node]] = []
        self.merges: list[Node] = []

    @property
    def first_key_mark(self) -> Mark:
        """Where a finding about the whole mapping points: its first key, else its start."""
        return self.pairs[0][0].start if self.pairs else self.start

    def get(self, key: str) -> Node | None:
        for key_node, value in self.pairs:
            if isinstance(key_node, Scalar) and key_node.text == key:
                return value
        return None

    def key_node(self, key: str) -> Node | None:
        for key_node, _ in self.pairs:
            if isinstance(key_node, Scalar) and key_node.text == key:
                return key_node
        return None

    def __repr__(self) -> str:
        return f"Mapping({len(self.pairs)} pairs @{self.start.line}:{self.start.column})"


class Limits(NamedTuple):
    max_depth: int = 64
    max_nodes: int = 100_000


DEFAULT_LIMITS = Limits()


class Document(NamedTuple):
    """A parsed file: its root node and where its quoted and block scalars lie.

    The scalar spans let the comment scanner tell a real ``#`` comment from a ``#`` inside
    a string without a second, comment-preserving parse.
    """

    root: Node | None
    text_spans: tuple[tuple[Mark, Mark], ...]
    second_document: Mark | None = None


class YamlSyntaxError(Exception):
    def __init__(self, message: str, mark: Mark) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class LimitError(Exception):
    def __init__(self, message: str, mark: Mark) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


# --- event sources ---------------------------------------------------------------------

try:  # libyaml through ruamel.yaml.clib: the fast path
    import _ruamel_yaml  # type: ignore[import-not-found]
    from _ruamel_yaml import CParser as _CParser

    HAVE_C_PARSER = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_C_PARSER = False


class EventKinds(NamedTuple):
    """The classes of the frequent events of one parser, in the composer's order."""

    scalar: type
    mapping_start: type
    sequence_start: type
    mapping_end: type
    sequence_end: type


@functools.cache
def _ruamel_event_kinds() -> EventKinds:
    from ruamel.yaml import events

    return EventKinds(events.ScalarEvent, events.MappingStartEvent,
                      events.SequenceStartEvent, events.MappingEndEvent,
                      events.SequenceEndEvent)


@functools.cache
def _c_event_kinds() -> EventKinds:
    """libyaml's events as flat classes, installed where its binding looks them up.

    ruamel's ``ScalarEvent(…)`` runs three ``__init__`` (its own, NodeEvent's, Event's)
    and libyaml makes an event per scalar and per collection start and end: a twentieth
    of a journey's load. The subclasses below set the same slots in one call. The binding
    finds the classes by name in its module at each event, so installing them there is
    all it takes; as subclasses of ruamel's they behave as those for any other reader.
    """
    ruamel = _ruamel_event_kinds()

    def scalar(self: Any, anchor: Any, tag: Any, implicit: Any, value: Any,
               start_mark: Any = None, end_mark: Any = None, style: Any = None,
               comment: Any = None) -> None:
        self.start_mark, self.end_mark, self.comment = start_mark, end_mark, comment
        self.anchor, self.ctag, self.implicit = anchor, tag, implicit
        self.value, self.style = value, style

    def collection_start(self: Any, anchor: Any, tag: Any, implicit: Any,
                         start_mark: Any = None, end_mark: Any = None,
                         flow_style: Any = None, comment: Any = None,
                         nr_items: int | None = None) -> None:
        self.start_mark, self.end_mark, self.comment = start_mark, end_mark, comment
        self.anchor, self.ctag, self.implicit = anchor, tag, implicit
        self.flow_style, self.nr_items = flow_style, nr_items

    def collection_end(self: Any, start_mark: Any = None, end_mark: Any = None,
                       comment: Any = None) -> None:
        self.start_mark, self.end_mark, self.comment = start_mark, end_mark, comment

    inits = (scalar, collection_start, collection_start, collection_end, collection_end)
    flat = EventKinds(*(type(base.__name__, (base,), {"__slots__": (), "__init__": init})
                        for base, init in zip(ruamel, inits, strict=True)))
    for cls in flat:
        setattr(_ruamel_yaml, cls.__name__, cls)
    return flat


def _c_events(text: str) -> Iterator[Any]:
    # get_event returns None after StreamEnd, so iter() stops there: no generator frame to
    # resume per event. The parser is freed with the iterator (dispose() is a no-op).
    _c_event_kinds()  # installs the flat event classes on the first call
    parser = _CParser(text)
    return iter(parser.get_event, None)


def _pure_events(text: str) -> Iterator[Any]:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.Scanner = _tab_scanner()
    yield from yaml.parse(text)


@functools.cache
def _tab_scanner() -> type:
    """ruamel's pure scanner with libyaml's rule for tabs, so both parsers agree.

    YAML 1.2 allows tabs as separating white space (``key:<TAB>value``); libyaml accepts
    them in flow context and wherever no simple key may start (after ``key:``), but
    ruamel's pure scanner rejects every tab in block context. Indentation stays spaces
    only, in both.
    """
    from ruamel.yaml.scanner import Scanner

    class TabScanner(Scanner):
        def scan_to_next_token(self) -> Any:
            peek, forward = self.reader.peek, self.reader.forward
            if self.reader.index == 0 and peek() == "\ufeff":
                forward()
            while True:
                while peek() == " " or (peek() == "\t" and (
                        self.flow_level or not self.allow_simple_key)):
                    forward()
                if peek() == "#":
                    while peek() not in "\0\r\n\x85\u2028\u2029":
                        forward()
                if not self.scan_line_break():
                    return None
                if not self.flow_level:
                    self.allow_simple_key = True

    return TabScanner


def events(text: str, *, pure: bool = False) -> Iterator[Any]:
    """The parser's event stream for ``text``: libyaml unless ``pure`` or it is missing."""
    if pure or not HAVE_C_PARSER:
        return _pure_events(text)
    return _c_events(text)


# --- composing ---------------------------------------------------------------------------


_new_tuple = tuple.__new__  # Mark(…) without NamedTuple's Python-level __new__


def _mark(raw: Any) -> Mark:
    return _new_tuple(Mark, (raw.line + 1, raw.column + 1))


class _Open(NamedTuple):
    node: Sequence | Mapping
    first_count: int  # node count when the collection opened
    anchor: str | None


class _Composer:
    """Turns events into nodes while enforcing depth and node-count limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.count = 0
        self.stack: list[_Open] = []
        self.anchors: dict[str, Node] = {}
        self.sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (node count, height)
        self.heights: list[int] = []  # height of the deepest child of each open collection
        self.root: Node | None = None
        self.spans: list[tuple[Mark, Mark]] = []
        self.pending_key: list[Node | None] = []
        self.line_starts: list[int] | None = None  # computed on the first tag only

    def _count(self, n: int, mark: Mark) -> None:
        self.count += n
        if self.count > self.limits.max_nodes:
            raise LimitError(
                f"the document expands to more than {self.limits.max_nodes:,} nodes "
                "(limit max-nodes; aliases count once for every node they repeat)",
                mark,
            )

    def _check_depth(self, depth: int, mark: Mark) -> None:
        if depth > self.limits.max_depth:
            raise LimitError(
                f"collections are nested more than {self.limits.max_depth} deep "
                "(limit max-depth)",
                mark,
            )

    def _attach(self, node: Node, height: int) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1].node
        if height > self.heights[-1]:
            self.heights[-1] = height
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = self.pending_key[-1]
        if key is None:
            self.pending_key[-1] = node
            return
        self.pending_key[-1] = None
        if isinstance(key, Scalar) and key.is_plain and key.text == MERGE_KEY:
            parent.merges.append(node)
        else:
            parent.pairs.append((key, node))

    def _tagged(self, node: Node, event: Any, text: str) -> Node:
        if event.ctag is not None:
            if self.line_starts is None:
                self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
            node.tag_mark = _find_tag_mark(text, self.line_starts, node.start)
        return node

    def scalar(self, event: Any, text: str) -> None:
        self.count += 1
        if self.count > self.limits.max_nodes:
            self._count(0, _mark(event.start_mark))  # reports the limit
        style = event.style or None
        node = Scalar(event.value, style, event.start_mark, event.end_mark, event.tag)
        if event.tag is not None:
            self._tagged(node, event, text)
        if style:
            self.spans.append((node.start, node.end))
        if event.anchor:
            self.anchors[event.anchor] = node
            self.sizes[id(node)] = (1, 0)
        self._attach(node, 0)

    def alias(self, event: Any) -> None:
        start = _mark(event.start_mark)
        target = self.anchors.get(event.anchor)
        if target is None:
            raise YamlSyntaxError(f"found undefined alias '{event.anchor}'", start)
        size, height = self.sizes.get(id(target), (1, 0))
        self._check_depth(len(self.stack) + height, start)
        self._count(size, start)
        self._attach(target, height)

    def start_collection(self, node: Sequence | Mapping, event: Any, text: str) -> None:
        self._count(1, node.start)
        self._check_depth(len(self.stack) + 1, node.start)
        self._tagged(node, event, text)
        self.stack.append(_Open(node, self.count, event.anchor))
        self.heights.append(0)
        self.pending_key.append(None)
        if event.anchor:  # visible to aliases inside itself only as a syntax error
            self.anchors.pop(event.anchor, None)

    def end_collection(self, event: Any) -> None:
        opened = self.stack.pop()
        height = self.heights.pop() + 1
        self.pending_key.pop()
        node = opened.node
        node._end = event.end_mark
        if isinstance(node, Mapping):
            _apply_merges(node)
        if opened.anchor:
            self.anchors[opened.anchor] = node
            self.sizes[id(node)] = (self.count - opened.first_count + 1, height)
        self._attach(node, height)


def _plain_scalar(composer: _Composer, event: Any) -> None:
    """``_Composer.scalar`` for the common case — no anchor, no tag, inside a collection —
    in one function: most events of a journey are such scalars."""
    composer.count += 1
    if composer.count > composer.limits.max_nodes:
        composer._count(0, _mark(event.start_mark))  # reports the limit
    style = event.style or None
    text = event.value
    node = Scalar(text, style, event.start_mark, event.end_mark, None)
    if style:
        composer.spans.append((node.start, node.end))
        node.resolved = text  # an untagged quoted or block scalar is its text
    elif text and text[0] not in _NUMBER_START and text not in NULL_TEXTS and text not in _BOOL:
        # Plain prose, settled here: _resolve_plain's first tests, inlined because a call
        # per scalar costs 3 % of a load (tests/test_yamltree.py keeps the two in step).
        node.resolved = text
    parent = composer.stack[-1].node
    if type(parent) is Sequence:
        parent.items.append(node)
        return
    pending = composer.pending_key
    key = pending[-1]
    if key is None:
        pending[-1] = node
        return
    pending[-1] = None
    assert isinstance(parent, Mapping)
    if type(key) is Scalar and key.text == MERGE_KEY and key.is_plain:
        parent.merges.append(node)
    else:
        parent.pairs.append((key, node))


def _apply_merges(mapping: Mapping) -> None:
    """Add merged pairs for keys the mapping does not write itself (YAML merge keys)."""
    if not mapping.merges:
        return
    written = {k.text for k, _ in mapping.pairs if isinstance(k, Scalar)}
    sources: list[Node] = []
    for merge in mapping.merges:
        sources.extend(merge.items if isinstance(merge, Sequence) else [merge])
    for source in sources:
        if not isinstance(source, Mapping):
            continue  # the validator reports a merge of a non-mapping
        for key, value in source.pairs:
            if isinstance(key, Scalar) and key.text not in written:
                written.add(key.text)
                mapping.pairs.append((key, value))


def _find_tag_mark(text: str, line_starts: list[int], start: Mark) -> Mark:
    """The position of the ``!`` of a node's tag (the node may start with an anchor)."""
    line_start = line_starts[start.line - 1]
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    column = line.find("!", start.column - 1)
    return Mark(start.line, column + 1) if column >= 0 else start


def compose(text: str, limits: Limits = DEFAULT_LIMITS, *, pure: bool = False) -> Document:
    """Parse ``text`` (one YAML document expected) into a :class:`Document`.

    Raises :class:`YamlSyntaxError` or :class:`LimitError`; a second document is not an
    exception but is noted in ``Document.second_document`` for the validator.
    """
    try:
        return _compose(text, limits, pure=pure)
    except YamlSyntaxError:
        if pure or not HAVE_C_PARSER:
            raise
    # libyaml reads YAML 1.1 and rejects some YAML 1.2 (a plain `1:20` in a flow sequence);
    # the pure-Python parser reads 1.2, so on a syntax error it decides. Both paths then
    # report the same problem at the same place, and valid files never pay for this.
    return _compose(text, limits, pure=True)


def _compose(text: str, limits: Limits, *, pure: bool) -> Document:
    from ruamel.yaml.error import YAMLError  # both parsers raise this family
    from ruamel.yaml.events import AliasEvent, DocumentStartEvent

    pure = pure or not HAVE_C_PARSER
    scalar_event, mapping_start, sequence_start, mapping_end, sequence_end = (
        _ruamel_event_kinds() if pure else _c_event_kinds())
    composer = _Composer(limits)
    documents = 0
    second: Mark | None = None
    try:
        for event in events(text, pure=pure):
            kind = type(event)
            # `ctag` is the tag as parsed; ruamel's `tag` is a property that wraps it in
            # str(), a Python call per event that only a tagged node needs.
            if kind is scalar_event:
                if event.anchor or event.ctag is not None or not composer.stack:
                    composer.scalar(event, text)  # the general path
                else:
                    _plain_scalar(composer, event)
            elif kind is mapping_start:
                start = event.start_mark
                tag = None if event.ctag is None else event.tag
                composer.start_collection(Mapping(start, start, tag), event, text)
            elif kind is sequence_start:
                start = event.start_mark
                tag = None if event.ctag is None else event.tag
                composer.start_collection(Sequence(start, start, tag), event, text)
            elif kind is mapping_end or kind is sequence_end:
                composer.end_collection(event)
            elif kind is AliasEvent:
                composer.alias(event)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents == 2:
                    second = _mark(event.start_mark)
                    break
    except (YamlSyntaxError, LimitError):
        raise
    except YAMLError as error:
        raise _syntax_error(error) from None
    return Document(composer.root, tuple(composer.spans), second)


# --- errors from the parsers ---------------------------------------------------------

# libyaml and ruamel's pure parser word the same problems differently; one wording each
# keeps the two paths' reports identical. (Compiled on the first syntax error only.)
_PROBLEM_WORDING = [
    (r"mapping values are not allowed", "mapping values are not allowed here"),
    (r"did not find expected key|expected <block end>, but found '<block mapping",
     "a key is indented differently from its siblings (or a '-' is missing)"),
    (r"did not find expected '-' indicator|expected <block end>, but found '\?'",
     "expected a '-' list item at this indentation"),
    (r"expected <block end>, but found '-'|did not find expected <block end>",
     "a list item is indented differently from its siblings"),
    (r"did not find expected ',' or ']'|expected ',' or ']'",
     "expected ',' or ']' in this flow sequence"),
    (r"did not find expected ',' or '}'|expected ',' or '}'",
     "expected ',' or '}' in this flow mapping"),
    (r"found character '\\t'", "found a tab character where YAML allows only spaces "
     "(indent with spaces)"),
    (r"cannot start any token", "found a character that cannot start any token"),
    (r"found unknown escape character", "found an unknown escape character"),
    (r"expected '<document start>'|did not find expected <document start>",
     "unexpected content after the end of the document"),
]


def _syntax_error(error: Exception) -> YamlSyntaxError:
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    raw_mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    mark = _mark(raw_mark) if raw_mark is not None else Mark(1, 1)
    for pattern, wording in _PROBLEM_WORDING:
        if re.search(pattern, problem):
            problem = wording
            break
    message = f"{problem} ({context})" if context else problem
    return YamlSyntaxError(message, mark)


# --- YAML 1.2 core schema --------------------------------------------------------------

NULL_TEXTS = frozenset({"", "~", "null", "Null", "NULL"})  # the plain scalars that are null
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NUMBER_START = frozenset("0123456789+-.")  # every int, float, .inf and .nan starts so
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")


def _decimal_int(text: str) -> int | float:
    """An integer; one longer than Python converts (4,300 digits, a guard against slow
    conversions) is the float it rounds to, ±inf, which every range check then rejects."""
    try:
        return int(text)
    except ValueError:
        return float(text)


def _resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema for a plain scalar. Most scalars are prose, so the cheap set
    lookups and the first character settle them before any regular expression runs."""
    if text in NULL_TEXTS:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if text[0] not in _NUMBER_START:
        return text
    if _INT.fullmatch(text):
        return _decimal_int(text)
    if _OCT.fullmatch(text):
        return int(text[2:], 8)
    if _HEX.fullmatch(text):
        return int(text[2:], 16)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INF.fullmatch(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.fullmatch(text):
        return float("nan")
    return text


# The Python types the core scalar tags accept (a !!float may be written as an integer).
_TAG_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int, "float": (int, float), "bool": bool, "null": type(None)}


class TagValueError(ValueError):
    """A core tag the text does not fit, e.g. ``!!int abc``."""


def resolve_scalar(node: Scalar) -> Any:
    tag = node.tag
    if tag is None:
        return _resolve_plain(node.text) if node.is_plain else node.text
    if tag in ("!", CORE_TAG_PREFIX + "str"):
        return node.text
    kind = tag[len(CORE_TAG_PREFIX):] if tag.startswith(CORE_TAG_PREFIX) else None
    value = _resolve_plain(node.text)
    expected = _TAG_TYPES.get(kind or "")
    if expected is None or isinstance(value, bool) != (kind == "bool"):
        raise TagValueError(f"'{node.text}' is not a valid !!{kind}")
    if not isinstance(value, expected):
        raise TagValueError(f"'{node.text}' is not a valid !!{kind}")
    return float(cast(float, value)) if kind == "float" else value


def to_python(node: Node) -> Any:
    """Plain Python data for a node (used for ``x-`` extension values)."""
    if isinstance(node, Scalar):
        try:
            return node.value
        except TagValueError:
            return node.text
    if isinstance(node, Sequence):
        return [to_python(item) for item in node.items]
    if isinstance(node, Mapping):
        return {_key_text(k): to_python(v) for k, v in node.pairs}
    return None  # pragma: no cover


def _key_text(node: Node) -> str:
    return node.text if isinstance(node, Scalar) else repr(node)


def walk(node: Node) -> Iterable[Node]:
    """Every node below and including ``node``, once each (aliases are shared)."""
    seen: set[int] = set()
    todo = [node]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, Sequence):
            todo.extend(reversed(current.items))
        elif isinstance(current, Mapping):
            for key, value in reversed(current.pairs):
                todo.extend((value, key))
