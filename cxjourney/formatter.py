"""``cxj fmt``'s engine: canonical key order and indentation, everything else kept.

Two passes over the text:

1. ruamel.yaml's round trip re-indents (mappings 2, sequences 4 with the dash at offset 2,
   no wrapping) and keeps comments, blank lines, block scalars, flow style and quoting;
2. a line-level pass puts keys in §2 order. Each key owns a *chunk*: the comment block
   directly above it, its line and its value's lines. Chunks are permuted; the blank lines
   and detached comments between chunks stay where they were, so blank-line groups keep
   their places. Full-line comments are then indented like the line they stand above.

The caller checks that the result loads to the same data (``same_data``) before writing.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cxjourney.model import Journey
from cxjourney.shapes import fields_of
from cxjourney.yamltree import Mapping, Node, Scalar, Sequence, compose, to_python, walk

MAX_PASSES = 3  # a second pass settles what the first moved; the third proves it


class FormatError(Exception):
    """The text could not be formatted safely (ruamel.yaml cannot read it, or the result
    would not hold the same data)."""


def format_text(text: str) -> str:
    """``text`` in canonical form; idempotent."""
    result = text
    for _ in range(MAX_PASSES):
        formatted = _one_pass(result)
        if formatted == result:
            return formatted
        result = formatted
    return result


def _one_pass(text: str) -> str:
    reindented = _reindent(text)
    lines = reindented.split("\n")
    document = compose(reindented)
    if document.root is None:
        return reindented
    protected = protected_lines(document.root, lines)
    anchored = _aliased_lines(document.root)
    for plan in reversed(list(_plans(document.root, Journey, lines, protected))):
        if not any(plan.chunks[0].lead <= line < plan.chunks[-1].end for line in anchored):
            plan.apply(lines)  # (moving an anchor below its alias would break the file)
    _flow_reorders(document.root, Journey, lines)
    text = "\n".join(lines)
    return "\n".join(_align_comments(lines, protected_lines(compose(text).root, lines)))


# --- pass 1: indentation --------------------------------------------------------------


def _aliased_lines(root: Node) -> set[int]:
    """0-based start lines of the nodes that aliases (and merge keys) refer to."""
    counts: dict[int, int] = {}
    nodes: dict[int, Node] = {}
    todo = [root]
    while todo:
        node = todo.pop()
        counts[id(node)] = counts.get(id(node), 0) + 1
        if counts[id(node)] > 1:
            continue
        nodes[id(node)] = node
        if isinstance(node, Mapping):
            todo.extend(value for _, value in node.pairs)
            todo.extend(node.merges)
        elif isinstance(node, Sequence):
            todo.extend(node.items)
    return {nodes[key].start.line - 1 for key, count in counts.items() if count > 1}


def _reindent(text: str) -> str:
    from ruamel.yaml.error import YAMLError

    from cxjourney.yamlwrite import round_trip_yaml

    if not any(line.strip() and not _is_comment(line) for line in text.split("\n")):
        return text.rstrip("\n") + "\n" if text.strip() else text  # nothing but comments
    yaml = round_trip_yaml(verbatim=True)
    try:
        documents = list(yaml.load_all(text))
        stream = io.StringIO()
        if len(documents) == 1:
            yaml.dump(documents[0], stream)
        else:
            yaml.dump_all(documents, stream)
    except YAMLError as error:
        raise FormatError(f"ruamel.yaml cannot round-trip this file: "
                          f"{str(error).splitlines()[0]}") from None
    result = stream.getvalue()
    if result.endswith("...\n") and not text.rstrip().endswith("..."):
        result = result[:-4]  # ruamel marks the end of a bare scalar document
    return result.rstrip("\n") + "\n"


# --- which lines are what ----------------------------------------------------------------


def protected_lines(root: Node | None, lines: list[str]) -> set[int]:
    """0-based lines inside multi-line scalars and flow collections: never comments,
    never blank separators, never re-indented."""
    protected: set[int] = set()
    if root is None:
        return protected
    for node in walk(root):
        flow = isinstance(node, (Mapping, Sequence)) and _is_flow(node, lines)
        if not isinstance(node, Scalar) and not flow:
            continue
        last = node.end.line - 1 if node.end.column == 1 else node.end.line
        protected.update(range(node.start.line, last))  # 0-based lines after the first
    return protected


def _is_flow(node: Node, lines: list[str]) -> bool:
    """True for a flow collection (its first character is '{' or '[')."""
    index = node.start.line - 1
    line = lines[index] if index < len(lines) else ""
    return line[node.start.column - 1:node.start.column] in ("{", "[")


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _is_blank(line: str) -> bool:
    return not line.strip()


# --- pass 2: key order ---------------------------------------------------------------


@dataclass
class _Chunk:
    key: str
    lead: int  # first line: the comment block directly above the key
    line: int  # the key's line
    end: int  # one past its last content line


@dataclass
class _Plan:
    """A permutation of one block mapping's chunks (0-based line indices)."""

    chunks: list[_Chunk]
    order: list[int]
    column: int  # the keys' column
    inline: bool  # the first key shares its line with a '- ' (a sequence item)

    def apply(self, lines: list[str]) -> None:
        pieces = [lines[chunk.lead:chunk.end] for chunk in self.chunks]
        key_offsets = [chunk.line - chunk.lead for chunk in self.chunks]
        prefix = lines[self.chunks[0].line][:self.column]
        rebuilt: list[str] = []
        cursor = self.chunks[0].lead
        for slot, source in enumerate(self.order):
            chunk = self.chunks[slot]
            rebuilt.extend(lines[cursor:chunk.lead])  # the gap before this slot stays
            piece = list(pieces[source])
            offset = key_offsets[source]
            body = piece[offset][self.column:]
            piece[offset] = (prefix if slot == 0 else " " * self.column) + body
            rebuilt.extend(piece)
            cursor = chunk.end
        lines[self.chunks[0].lead:self.chunks[-1].end] = rebuilt


def _plans(root: Node, cls: type, lines: list[str], protected: set[int]) -> Iterator[_Plan]:
    """The reorderings of every block mapping, outermost first."""
    seen: set[int] = set()
    root_cls = cls if isinstance(root, Mapping) else None  # a list is no journey
    yield from _node_plans(root, root_cls, lines, protected, len(lines), seen)


def _node_plans(node: Node, cls: type | None, lines: list[str], protected: set[int],
                end: int, seen: set[int]) -> Iterator[_Plan]:
    if id(node) in seen:
        return  # an alias: the anchored node is handled where it is written
    seen.add(id(node))
    if isinstance(node, Sequence) and not _is_flow(node, lines):
        yield from _sequence_plans(node, cls, lines, protected, end, seen)
    elif isinstance(node, Mapping) and not _is_flow(node, lines) and node.pairs:
        yield from _mapping_plans(node, cls, lines, protected, end, seen)


def _sequence_plans(node: Sequence, cls: type | None, lines: list[str],
                    protected: set[int], end: int, seen: set[int]) -> Iterator[_Plan]:
    starts = [item.start.line - 1 for item in node.items]
    for index, item in enumerate(node.items):
        following = starts[index + 1] if index + 1 < len(starts) else end
        item_end = _content_end(lines, protected, starts[index], following)
        yield from _node_plans(item, cls, lines, protected, item_end, seen)


def _mapping_plans(node: Mapping, cls: type | None, lines: list[str], protected: set[int],
                   end: int, seen: set[int]) -> Iterator[_Plan]:
    pairs = [(key, value) for key, value in node.pairs
             if isinstance(key, Scalar) and node.start.line <= key.start.line <= end]
    # (key lines are 1-based, ``end`` is a 0-based exclusive index: same bound)
    if not pairs or len({key.start.line for key, _ in pairs}) != len(pairs):
        return
    chunks = _chunks(pairs, lines, protected, end)
    order = _canonical_order([chunk.key for chunk in chunks], cls)
    inline = bool(lines[chunks[0].line][:pairs[0][0].start.column - 1].strip())
    if inline:
        chunks[0].lead = chunks[0].line  # comments above '- ' belong to the item
    if cls is not None and not node.merges and order != list(range(len(chunks))):
        yield _Plan(chunks, order, pairs[0][0].start.column - 1, inline)
    for (key, value), chunk in zip(pairs, chunks, strict=True):
        child = _child_class(cls, key.text)
        yield from _node_plans(value, child, lines, protected, chunk.end, seen)


def _chunks(pairs: list[tuple[Scalar, Node]], lines: list[str], protected: set[int],
            end: int) -> list[_Chunk]:
    key_lines = [key.start.line - 1 for key, _ in pairs]
    chunks: list[_Chunk] = []
    for index, (key, _) in enumerate(pairs):
        line = key_lines[index]
        following = key_lines[index + 1] if index + 1 < len(key_lines) else end
        lead = _comment_block_start(lines, protected, line)
        if chunks:
            lead = max(lead, chunks[-1].end)
        chunk_end = _content_end(lines, protected, line, following)
        if index + 1 < len(key_lines):
            chunk_end = min(chunk_end, _comment_block_start(lines, protected, following))
        chunks.append(_Chunk(key.text, lead, line, max(chunk_end, line + 1)))
    return chunks


def _comment_block_start(lines: list[str], protected: set[int], line: int) -> int:
    """The first line of the comment block directly above ``line`` (``line`` if none)."""
    start = line
    while start > 0 and start - 1 not in protected and _is_comment(lines[start - 1]):
        start -= 1
    return start


def _content_end(lines: list[str], protected: set[int], start: int, limit: int) -> int:
    """One past the last line in [start, limit) that is content (not blank, not comment)."""
    last = start
    for index in range(start, min(limit, len(lines))):
        if index in protected or not (_is_blank(lines[index]) or _is_comment(lines[index])):
            last = index
    return last + 1


def _canonical_order(keys: list[str], cls: type | None) -> list[int]:
    """Known keys in §2 order, then the others (unknown, ``x-``) as written."""
    known = [item.key for item in fields_of(cls)] if cls is not None else []
    rank = {key: position for position, key in enumerate(known)}
    indexed = list(enumerate(keys))
    return [index for index, _ in sorted(indexed, key=lambda pair: (
        rank.get(pair[1], len(known)), pair[0]))]


def _child_class(cls: type | None, key: str) -> type | None:
    """The model class of the mapping(s) under ``key``: directly or as list items."""
    if cls is None:
        return None
    for field_shape in fields_of(cls):
        if field_shape.key != key:
            continue
        for shape in field_shape.shapes:
            target = shape.item if shape.kind == "list" else shape
            if target is not None and target.kind == "object":
                return target.cls
    return None


# --- flow mappings ----------------------------------------------------------------------


def _flow_reorders(root: Node, cls: type, lines: list[str]) -> None:
    """Reorder one-line flow mappings in place (``{score: 1, text: x}``)."""
    for node, node_cls in _typed_nodes(root, cls):
        if isinstance(node, Mapping) and _is_flow(node, lines) \
                and node.start.line == node.end.line:
            _reorder_flow(node, node_cls, lines)


def _typed_nodes(root: Node, cls: type | None) -> Iterator[tuple[Node, type | None]]:
    todo: list[tuple[Node, type | None]] = [(root, cls)]
    seen: set[int] = set()
    while todo:
        node, node_cls = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node, node_cls
        if isinstance(node, Mapping):
            todo.extend((value, _child_class(node_cls, key.text if isinstance(key, Scalar)
                                             else "")) for key, value in node.pairs)
        elif isinstance(node, Sequence):
            todo.extend((item, node_cls) for item in node.items)


def _reorder_flow(node: Mapping, cls: type | None, lines: list[str]) -> None:
    if cls is None or node.merges:
        return
    index = node.start.line - 1
    line = lines[index]
    spans = []
    for key, value in node.pairs:
        if not isinstance(key, Scalar) or value.start.line != key.start.line \
                or value.start < key.start or value.end.line != key.start.line:
            return  # an alias or a multi-line value: leave this mapping as written
        empty = isinstance(value, Scalar) and value.is_plain and not value.text
        stop = key.end.column - 1 if empty else value.end.column - 1
        spans.append((key.start.column - 1, stop, key.text))
    if "#" in line[spans[0][0]:spans[-1][1]] if spans else True:
        return
    order = _canonical_order([key for _, _, key in spans], cls)
    if order == list(range(len(spans))):
        return
    texts = [line[start:stop] for start, stop, _ in spans]
    rebuilt, cursor = [], spans[0][0]
    for slot, source in enumerate(order):
        start, stop, _ = spans[slot]
        rebuilt.append(line[cursor:start])
        rebuilt.append(texts[source])
        cursor = stop
    lines[index] = line[:spans[0][0]] + "".join(rebuilt) + line[cursor:]


# --- comments ----------------------------------------------------------------------------


def _align_comments(lines: list[str], protected: set[int]) -> list[str]:
    """Indent each full-line comment like the content line below it."""
    result = list(lines)
    indent = 0
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if index in protected or _is_blank(line):
            continue
        if _is_comment(line):
            result[index] = " " * indent + line.lstrip()
        else:
            indent = len(line) - len(line.lstrip(" "))
    return result


# --- the safety check -------------------------------------------------------------------


def same_data(before: str, after: str) -> bool:
    """True when both texts hold the same YAML data (mappings compared as mappings)."""
    first, second = compose(before).root, compose(after).root
    return bool(_plain(first) == _plain(second))


def _plain(node: Node | None) -> Any:
    return None if node is None else _nan_safe(to_python(node))


def _nan_safe(value: Any) -> Any:
    """NaN is not equal to itself; compare it as text."""
    if isinstance(value, float) and value != value:
        return "<nan>"
    if isinstance(value, dict):
        return {key: _nan_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_nan_safe(item) for item in value]
    return value


def comments(text: str) -> list[str]:
    """The comments of ``text``, stripped and sorted (to prove none was lost)."""
    from cxjourney.suppressions import _comment_column

    spans = compose(text).text_spans
    starts = [span[0] for span in spans]
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if "#" not in line:
            continue
        column = _comment_column(line, number, spans, starts)
        if column is not None:
            found.append(line[column:].strip())
    return sorted(found)
