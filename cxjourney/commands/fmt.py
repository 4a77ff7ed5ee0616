"""``cxj fmt PATH...``: canonical key order and indentation, comments preserved.

A file is written only when its formatted text loads to the same data and journey and
keeps every comment; otherwise fmt refuses (exit 2) and leaves the file alone.
"""

from __future__ import annotations

import dataclasses
import difflib
import sys
from dataclasses import dataclass
from pathlib import Path

from cxjourney import output
from cxjourney.files import Input
from cxjourney.findings import DUPLICATE_KEY as DUPLICATE
from cxjourney.findings import ENCODING, LIMIT_EXCEEDED, YAML_SYNTAX, Finding
from cxjourney.loader import FileLimits, load_bytes
from cxjourney.model import Journey

# What keeps a file from being formatted: it does not parse into one tree of unique keys.
STOPPERS = frozenset({YAML_SYNTAX.code, DUPLICATE.code, LIMIT_EXCEEDED.code, ENCODING.code})


@dataclass(frozen=True)
class Outcome:
    """One file: its formatted text (None when it could not be formatted), whether that
    differs from the file, and what stopped it."""

    display: str
    original: str
    formatted: str | None = None
    changed: bool = False
    findings: tuple[Finding, ...] = ()
    problem: str | None = None
    stdin: bool = False


def run(paths: list[str], *, check: bool, diff: bool, config: str | None, isolated: bool,
        stdin_filename: str | None, force_exclude: bool) -> int:
    from cxjourney.config import load_settings
    from cxjourney.files import select_and_report

    settings = load_settings(Path(config) if config else None, isolated=isolated)
    selection = select_and_report(paths, settings, force_exclude=force_exclude,
                                  stdin_filename=stdin_filename)
    if not selection.inputs:
        return 2 if selection.missing else 0
    outcomes = [format_input(item, settings.file_limits) for item in selection.inputs]
    code = max([_report(outcome, check=check, diff=diff) for outcome in outcomes] +
               [2 if selection.missing else 0])
    if not (check or diff) and any(item.source is not None for item in selection.inputs):
        _summary(outcomes)
    return code


def format_input(item: Input, limits: FileLimits) -> Outcome:
    try:
        data = sys.stdin.buffer.read() if item.source is None else item.source.read_bytes()
    except OSError as error:
        return Outcome(item.display, "", problem=f"cannot read {item.display}: "
                                                 f"{error.strerror or error}")
    outcome = format_bytes(data, item.display, limits)
    return dataclasses.replace(outcome, stdin=item.source is None)


DEFAULT_LIMITS = FileLimits()


def format_bytes(data: bytes, display: str, limits: FileLimits = DEFAULT_LIMITS) -> Outcome:
    """Format one file's bytes; nothing is written here."""
    from cxjourney.formatter import FormatError, comments, format_text, same_data

    loaded = load_bytes(data, display, limits=limits)
    stoppers = tuple(finding for finding in loaded.findings if finding.code in STOPPERS)
    if stoppers or loaded.text is None:
        return Outcome(display, "", findings=stoppers)
    text = loaded.text.replace("\r\n", "\n")
    try:
        formatted = format_text(text)
    except FormatError as error:
        return Outcome(display, text, problem=f"cannot format {display}: {error}")
    if not same_data(text, formatted) or comments(text) != comments(formatted) or \
            not _same_journey(loaded.journey, formatted, display, limits):
        return Outcome(display, text, problem=(
            f"refusing to write {display}: the formatted text would not load to the same "
            "journey (a cxj bug; please report it with the file)"))
    original = data.decode("utf-8", errors="replace")
    return Outcome(display, original, formatted, formatted != original)


def _same_journey(journey: Journey | None, formatted: str, display: str,
                  limits: FileLimits) -> bool:
    """The journey (when the file is valid) is equal after formatting; nodes aside."""
    if journey is None:
        return True
    again = load_bytes(formatted.encode("utf-8"), display, limits=limits).journey
    # repr leaves the nodes out and, unlike ==, treats NaN as equal to itself
    return again is not None and repr(again) == repr(journey)


def _report(outcome: Outcome, *, check: bool, diff: bool) -> int:
    """Print or write one outcome; its exit code."""
    if outcome.problem:
        output.error(outcome.problem)
        return 2
    if outcome.formatted is None:
        for finding in outcome.findings:
            print(f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.label} "
                  f"{finding.code} {finding.rule}: {finding.message}")
        return 1
    if diff:
        sys.stdout.write(unified_diff(outcome))
        return 1 if outcome.changed else 0
    if check:
        if outcome.changed:
            print(f"would reformat {outcome.display}")
        return 1 if outcome.changed else 0
    if outcome.stdin:
        sys.stdout.write(outcome.formatted)
    elif outcome.changed:
        output.write_atomic(Path(outcome.display), outcome.formatted)
    return 0


def unified_diff(outcome: Outcome) -> str:
    if not outcome.changed or outcome.formatted is None:
        return ""
    lines = difflib.unified_diff(outcome.original.splitlines(keepends=True),
                                 outcome.formatted.splitlines(keepends=True),
                                 fromfile=outcome.display, tofile=outcome.display)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def _summary(outcomes: list[Outcome]) -> None:
    changed = sum(1 for outcome in outcomes if outcome.changed and outcome.formatted)
    same = sum(1 for outcome in outcomes if not outcome.changed and outcome.formatted)
    parts = []
    if changed:
        parts.append(f"{changed} file{'s' if changed != 1 else ''} reformatted")
    if same:
        parts.append(f"{same} file{'s' if same != 1 else ''} left unchanged")
    if parts:
        print(f"cxj: {', '.join(parts)}", file=sys.stderr)
