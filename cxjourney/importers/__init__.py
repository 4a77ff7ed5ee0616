"""Importers: other formats (grids, word-processor tables, Mermaid) → journey data.

Each importer returns an :class:`Imported`: plain journey data without ids, plus the
language its labels were written in and any warnings. :func:`finish` gives the stages
their explicit ids and puts the keys in order, so the written file always validates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cxjourney.ids import slugify
from cxjourney.model import SLUG_MAX_LENGTH, Journey
from cxjourney.shapes import fields_of


class ImportProblem(Exception):
    """The input cannot be interpreted (exit 1); ``line`` is a line of the input file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


@dataclass
class Imported:
    data: dict[str, Any]
    lang: str | None = None
    warnings: list[tuple[int, str]] = field(default_factory=list)


def finish(imported: Imported, path: str = "-") -> dict[str, Any]:
    """The journey data to write: ``cxj: 1`` first, ``lang`` when Finnish (unless the
    input says), stage ids filled in, known keys in §2 order. Without a title in the
    input, the file name (without its suffix) is the title."""
    data = dict(imported.data)
    data["cxj"] = 1
    if not data.get("title"):
        data["title"] = title_from_path(path)
    if imported.lang == "fi" and "lang" not in data:
        data["lang"] = "fi"
    data["stages"] = with_ids(data.get("stages", []))
    known = [item.key for item in fields_of(Journey)]
    ordered = {key: data[key] for key in known if key in data}
    ordered.update((key, value) for key, value in data.items() if key not in ordered)
    return ordered


def title_from_path(path: str) -> str:
    if path in ("", "-"):
        return "Journey"
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.split(".", 1)[0] or name


def with_ids(stages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each stage with an explicit ``id`` first: its own, else the slug of its name, else
    ``stage-N``; a repeated id gets ``-2``, ``-3`` …"""
    taken = {stage["id"] for stage in stages if stage.get("id")}
    result = []
    for number, stage in enumerate(stages, 1):
        stage_id = stage.get("id")
        if not stage_id:
            base = slugify(str(stage.get("name", ""))) or f"stage-{number}"
            stage_id = _free(base, taken)
            taken.add(stage_id)
        rest = {key: value for key, value in stage.items() if key != "id"}
        result.append({"id": stage_id, **rest})
    return result


def _free(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    suffix = 2
    while _suffixed(base, suffix) in taken:
        suffix += 1
    return _suffixed(base, suffix)


def _suffixed(base: str, suffix: int) -> str:
    """``base-N`` within the 64-character limit of ids."""
    tail = f"-{suffix}"
    return base[:SLUG_MAX_LENGTH - len(tail)].rstrip("-") + tail
