"""Which files a command works on: paths given, folders searched, include and exclude globs.

Globs are gitignore-style and relative to the configuration's folder: ``**/`` matches zero
or more folders, ``*`` and ``?`` stay within one path segment, a pattern without a slash
matches a name at any depth, and a pattern that matches a folder excludes all below it.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from cxjourney.config import Settings

STDIN = "-"
ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules",
                            "__pycache__"})


class Input(NamedTuple):
    """One file to process: the path findings report, and where to read it (None: stdin)."""

    display: str
    source: Path | None


class Selection(NamedTuple):
    inputs: list[Input]
    missing: list[str]  # paths that do not exist (exit 2)


@functools.cache
def compile_glob(pattern: str) -> re.Pattern[str]:
    """A gitignore-style glob as a regex over '/'-separated relative paths."""
    anchored = "/" in pattern.rstrip("/")
    body = pattern.strip("/") if anchored else pattern.rstrip("/")
    regex = []
    index = 0
    while index < len(body):
        if body.startswith("**/", index):
            regex.append("(?:.*/)?")
            index += 3
        elif body.startswith("**", index):
            regex.append(".*")
            index += 2
        elif body[index] == "*":
            regex.append("[^/]*")
            index += 1
        elif body[index] == "?":
            regex.append("[^/]")
            index += 1
        elif body[index] == "[" and "]" in body[index + 1:]:
            end = body.index("]", index + 1)
            content = body[index + 1:end].replace("\\", "\\\\")
            if content.startswith("!"):
                content = "^" + content[1:]
            regex.append(f"[{content}]")
            index = end + 1
        else:
            regex.append(re.escape(body[index]))
            index += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{''.join(regex)}$")


def matches_any(relative: str, patterns: Iterable[str]) -> bool:
    return any(compile_glob(pattern).match(relative) for pattern in patterns)


def excluded(relative: str, patterns: list[str]) -> bool:
    """True when the path or one of its parent folders matches an exclude glob."""
    if not patterns:
        return False
    parts = relative.split("/")
    return any(matches_any("/".join(parts[:end]), patterns) for end in range(1, len(parts) + 1))


def clean(path: str) -> str:
    """A path as reported: '/' separators, no leading './', no trailing '/'."""
    text = path.replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    if len(text) > 1:
        text = text.rstrip("/")
    return text or "."


def relative_to_root(path: Path, settings: Settings) -> str:
    """The path the globs see: relative to the configuration folder when inside it."""
    # abspath, not resolve(): a symlink keeps the path it was found under
    absolute = Path(os.path.abspath(path))  # noqa: PTH100
    try:
        return absolute.relative_to(settings.root).as_posix()
    except ValueError:
        return absolute.as_posix()


def select(paths: list[str], settings: Settings, *, force_exclude: bool = False,
           stdin_filename: str | None = None) -> Selection:
    """Expand ``paths`` into the files to process, sorted by reported path, each once."""
    config = settings.config
    found: dict[str, Input] = {}
    missing: list[str] = []
    for given in paths or ["."]:
        if given == STDIN:
            display = clean(stdin_filename) if stdin_filename else STDIN
            if not (force_exclude and stdin_filename and
                    excluded(relative_to_root(Path(stdin_filename), settings), config.exclude)):
                found.setdefault(display, Input(display, None))
            continue
        path = Path(given)
        if path.is_dir():
            for item in _search(path, clean(given), settings):
                found.setdefault(item.display, item)
        elif path.exists():
            if force_exclude and excluded(relative_to_root(path, settings), config.exclude):
                continue
            display = clean(given)
            found.setdefault(display, Input(display, path))
        else:
            missing.append(given)
    return Selection(sorted(found.values()), missing)


def select_and_report(paths: list[str], settings: Settings, *, force_exclude: bool = False,
                      stdin_filename: str | None = None) -> Selection:
    """:func:`select`, telling the user on standard error about missing paths and about
    finding no journey file at all (the commands that work file by file share this)."""
    from cxjourney import output

    selection = select(paths, settings, force_exclude=force_exclude,
                       stdin_filename=stdin_filename)
    for missing in selection.missing:
        output.error(f"path not found: {missing}")
    if not selection.inputs and not selection.missing:
        output.warn("no journey files found")
    return selection


def _search(folder: Path, display: str, settings: Settings) -> Iterator[Input]:
    include, exclude = settings.config.include, settings.config.exclude
    top = str(folder)
    for current, dirs, names in os.walk(top):  # never follows symlinked folders
        # Paths are joined as strings, once per folder for what pathlib would redo per
        # file: `cxj lint` in CI walks thousands of files before the first is read.
        relative_here = relative_to_root(Path(current), settings)
        inside_here = current[len(top):].lstrip(os.sep).replace(os.sep, "/")
        dirs[:] = sorted(name for name in dirs if name not in ALWAYS_SKIPPED and
                         not excluded(_join(relative_here, name), exclude))
        for name in sorted(names):
            relative = _join(relative_here, name)
            if not matches_any(relative, include) or excluded(relative, exclude):
                continue
            file_path = os.path.join(current, name)  # noqa: PTH118 (see above)
            # Regular files only (symlinks to them included): reading a FIFO or socket
            # that merely matches the globs blocked the whole run. Named files are read
            # whatever they are, so `cxj validate <(git show ...)` still works.
            if os.path.isfile(file_path):  # noqa: PTH113
                inside = _join(inside_here, name)
                shown = inside if display == "." else f"{display}/{inside}"
                yield Input(shown, Path(file_path))


def _join(folder: str, name: str) -> str:
    """``folder/name`` for '/'-separated relative paths, where ``folder`` may be '.'."""
    return name if folder in (".", "") else f"{folder}/{name}"
