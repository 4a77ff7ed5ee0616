"""Inline suppressions: ``# cxj: ignore[...]`` and ``# cxj: ignore-file[...]`` (SPEC §4).

Only real YAML comments count. The fast parser drops comments, so they are found with a
line scan that knows where the quoted and block scalars lie (``Document.text_spans``): a
``#`` at the start of a line or after white space, outside every such scalar, starts a
comment.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

from cxjourney.yamltree import Mark

DIRECTIVE = re.compile(r"cxj:\s*ignore(-file)?(\s*\[[^\]]*\])?")
ALL_RULES = "*"  # what a bare `cxj: ignore` lists


class Suppression(NamedTuple):
    """One comment's directive: what it lists and which lines it covers (None: the file)."""

    mark: Mark  # the comment's '#'
    selectors: list[str]
    line: int | None
    used: set[str]  # the selectors that suppressed a finding (filled while linting)

    def covers(self, line: int) -> bool:
        return self.line is None or self.line == line


def find(text: str, spans: tuple[tuple[Mark, Mark], ...]) -> list[Suppression]:
    """Every suppression comment in ``text``; cheap when the text has none."""
    if "cxj:" not in text:
        return []
    lines = text.split("\n")
    spans = _content_spans(lines, spans)
    starts = [span[0] for span in spans]
    result = []
    for number, line in enumerate(lines, 1):
        if "cxj:" not in line:
            continue
        column = _comment_column(line, number, spans, starts)
        if column is None:
            continue
        comment = line[column:]
        for match in DIRECTIVE.finditer(comment):
            whole_file = match.group(1) is not None
            target = None if whole_file else _covered_line(lines, number, column)
            result.append(Suppression(Mark(number, column + 1), _selectors(match.group(2)),
                                      target, set()))
    return result


# A block scalar's header: optional tag and anchor, then `|` or `>` and its indicators.
_BLOCK_HEADER = re.compile(r"(?:[!&]\S*\s+)*[|>]")


def _content_spans(lines: list[str], spans: tuple[tuple[Mark, Mark], ...]
                   ) -> tuple[tuple[Mark, Mark], ...]:
    """The spans with each block scalar starting on the line after its header.

    The parser's span of a block scalar starts at its `|` / `>`, but the rest of that line
    is not content: `description: |  # cxj: ignore[...]` is a real comment.
    """
    result = []
    for start, end in spans:
        line = lines[start.line - 1] if start.line <= len(lines) else ""
        if _BLOCK_HEADER.match(line, start.column - 1):
            start = Mark(start.line + 1, 1)
        result.append((start, end))
    return tuple(result)


def _selectors(listed: str | None) -> list[str]:
    if listed is None:
        return [ALL_RULES]
    inner = listed.strip()[1:-1]
    return [part.strip() for part in inner.split(",") if part.strip()] or [ALL_RULES]


def _comment_column(line: str, number: int, spans: tuple[tuple[Mark, Mark], ...],
                    starts: list[Mark]) -> int | None:
    """The 0-based column of the comment's '#' on this line, if the line has a comment."""
    for column, char in enumerate(line):
        if char != "#" or (column and not line[column - 1].isspace()):
            continue
        if not _inside_scalar(Mark(number, column + 1), spans, starts):
            return column
    return None


def _inside_scalar(mark: Mark, spans: tuple[tuple[Mark, Mark], ...],
                   starts: list[Mark]) -> bool:
    index = bisect.bisect_right(starts, mark) - 1
    # Spans do not nest (scalars cannot contain scalars), so only the nearest start counts.
    return index >= 0 and spans[index][0] <= mark < spans[index][1]


def _covered_line(lines: list[str], number: int, column: int) -> int:
    """A trailing comment covers its own line; a comment alone on its line covers the next
    line that is neither blank nor a comment."""
    if lines[number - 1][:column].strip():
        return number
    for following in range(number + 1, len(lines) + 1):
        stripped = lines[following - 1].strip()
        if stripped and not stripped.startswith("#"):
            return following
    return number


def iter_selectors(suppressions: list[Suppression]) -> Iterator[tuple[Suppression, str]]:
    for suppression in suppressions:
        for selector in suppression.selectors:
            yield suppression, selector
