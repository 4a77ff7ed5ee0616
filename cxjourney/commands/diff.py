"""``cxj diff OLD NEW`` / ``cxj diff FILE --rev REV``: the semantic diff as text, Markdown
(for a pull-request comment) or JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from cxjourney import output
from cxjourney.diff import Change, Diff, compare, curve, match_stages
from cxjourney.errors import ToolMissingError, UsageError
from cxjourney.model import Journey
from cxjourney.rendering.escape import md_cell  # the renders' Markdown escaping
from cxjourney.text import number_text, score_text

STDIN = "-"


class _Invalid(Exception):
    def __init__(self, lines: list[str]) -> None:
        super().__init__("invalid journey")
        self.lines = lines


def run(old: str, new: str | None, *, rev: str | None, format: str, output: str | None,
        exit_code: bool, config: str | None, isolated: bool) -> int:
    from cxjourney.config import load_settings

    settings = load_settings(Path(config) if config else None, isolated=isolated)
    if (new is None) == (rev is None):
        raise UsageError("give two files (cxj diff OLD NEW) or one file and --rev REV")
    try:
        if rev is not None:
            before = _load(git_show(rev, old), f"{rev}:{old}", old, settings)
            after = _load(_read(old), old, old, settings)
        else:
            assert new is not None
            before = _load(_read(old), old, old, settings)
            after = _load(_read(new), new, new, settings)
    except _Invalid as invalid:
        for line in invalid.lines:
            print(line, file=sys.stderr)
        return 1
    result = compare(before, after)
    _emit(FORMATS[format](result), output)
    return 1 if exit_code and result.differ else 0


def _emit(text: str, target: str | None) -> None:
    output.emit(text, Path(target) if target else None)


def _read(path: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None


def git_show(rev: str, path: str) -> bytes:
    """The file's content at ``rev`` (``git show REV:./PATH``, relative to the cwd)."""
    relative = Path(path)
    spec = f"{rev}:./{relative.as_posix()}" if not relative.is_absolute() else f"{rev}:{path}"
    try:
        result = subprocess.run(["git", "show", spec], capture_output=True, check=False)
    except FileNotFoundError:
        raise ToolMissingError("git is not installed (needed for --rev); install git or "
                               "compare two files: cxj diff OLD NEW") from None
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git show {spec} failed: {reason[-1] if reason else 'no output'}")
    return result.stdout


def _load(data: bytes, display: str, id_path: str, settings: Any) -> Journey:
    from cxjourney.checker import check

    report = check([STDIN], settings, stdin=data, stdin_filename=id_path)
    result = next((item for item in report.files if item.journey is not None), None)
    if result is None or result.journey is None:
        lines = [f"cxj: error: {display} is not a valid journey; run cxj validate on it"]
        lines += [f"{display}:{finding.line}:{finding.column}: {finding.code} "
                  f"{finding.rule}: {finding.message}" for finding in report.findings
                  if finding.code < "CXJ100"]
        raise _Invalid(lines)
    return result.journey


# --- formats -------------------------------------------------------------------------


def as_json(diff: Diff) -> str:
    body = {"version": 1, "changes": [change.as_json() for change in diff.changes]}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def as_text(diff: Diff) -> str:
    if not diff.differ:
        return "No changes.\n"
    lines = [f"{_where(change)}: {describe(change)}" for change in diff.changes]
    if diff.curve_changed:
        lines += ["", "Emotion curve:", f"  before: {_curve_line(diff.old)}",
                  f"  after:  {_curve_line(diff.new)}"]
    count = len(diff.changes)
    lines += ["", f"{count} change{'s' if count != 1 else ''}."]
    return "\n".join(lines) + "\n"


def as_markdown(diff: Diff) -> str:
    title = md_cell(diff.new.title)
    if not diff.differ:
        return f"### Journey changes: {title}\n\nNo changes.\n"
    lines = [f"### Journey changes: {title}", "", "| Stage | Change |", "| --- | --- |"]
    lines += [f"| {md_cell(_where(change))} | {md_cell(describe(change))} |"
              for change in diff.changes]
    if diff.curve_changed:
        lines += ["", "#### Emotion curve", "", "| Stage | Before | After |",
                  "| --- | --- | --- |"]
        lines += _curve_rows(diff)
    return "\n".join(lines) + "\n"


def _curve_rows(diff: Diff) -> list[str]:
    """Before and after per new stage (a renamed stage compares with its old self)."""
    pairs, _, _ = match_stages(diff.old.stages, diff.new.stages)
    before = {pair.new.id: pair.old.mean_score for pair in pairs}
    rows = []
    for stage_id, name, score in curve(diff.new):
        old = score_text(before[stage_id]) if stage_id in before else "(new)"
        rows.append(f"| {md_cell(name)} | {old} | {score_text(score)} |")
    return rows


def _curve_line(journey: Journey) -> str:
    return " → ".join(f"{name} {score_text(score)}" for _, name, score in curve(journey))


def _where(change: Change) -> str:
    return change.stage if change.stage is not None else "journey"


def describe(change: Change) -> str:
    """One line a reviewer reads."""
    details = change.details
    kind = change.kind
    simple = {
        "stage-added": lambda: f"stage added: {details['name']} (position "
                               f"{details['position']})",
        "stage-removed": lambda: f"stage removed: {details['name']} (was position "
                                 f"{details['position']})",
        "stage-renamed": lambda: f"stage renamed: {details['old_name']} ({details['old_id']}) "
                                 f"→ {details['new_name']} ({details['new_id']})",
        "stage-moved": lambda: f"stage moved: position {details['old_position']} → "
                               f"{details['new_position']}",
        "score-changed": lambda: f"score {score_text(details['old'])} → "
                                 f"{score_text(details['new'])}",
        "title-changed": lambda: f"title: {details['old']} → {details['new']}",
        "persona-changed": lambda: f"persona: {details['old'] or '–'} → "
                                   f"{details['new'] or '–'}",
    }
    if kind in simple:
        return simple[kind]()
    if kind in ("peak-moved", "end-moved"):
        return f"{kind.split('-')[0]} moved: {details['old'] or '–'} → {details['new'] or '–'}"
    thing, _, what = kind.partition("-")
    if what == "changed":
        fields = ", ".join(f"{key} {_value(value['old'])} → {_value(value['new'])}"
                           for key, value in details["fields"].items())
        return f"{thing} changed: {details['name']}: {fields}"
    return f"{thing} {what}: {details['name']}"


def _value(value: Any) -> str:
    return number_text(value) if isinstance(value, int | float) or value is None else str(value)


FORMATS = {"text": as_text, "md": as_markdown, "json": as_json}
