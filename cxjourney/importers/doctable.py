"""``import --from doc-table``: a word-processor table exported as text (SPEC §8
"doc-table import"), like the seed ``examples/seeds/talvitakki.txt``.

The export writes each table cell as a line starting with a tab (a line holding only a tab
is an empty cell); the cell's further paragraphs follow on lines of their own, and a
blank line ends a table row. Above the stage header, cells pair up as label and value
(title, persona); below it each row is a lane label and one cell per stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cxjourney.importers import Imported, ImportProblem, with_ids
from cxjourney.labels import LANES, LabelLang, header_key, language_of, row_key

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_NAME_END = re.compile(r"[,.(]")
# Paragraph → item per lane (SPEC: emotions without score, metrics as names).
_ITEM_KEY = {"emotions": "text", "metrics": "name"}


@dataclass
class Cell:
    line: int
    paragraphs: list[str] = field(default_factory=list)
    blank_after: bool = False  # a blank line follows the cell (ends a header row)

    @property
    def empty(self) -> bool:
        return not self.paragraphs

    @property
    def first(self) -> str:
        return self.paragraphs[0] if self.paragraphs else ""


def read_doc_table(text: str) -> Imported:
    """The journey data of a doc-table export (``text`` already decoded)."""
    cells = _cells(text.removeprefix("\ufeff").replace("\r", ""))
    header = next((index for index, cell in enumerate(cells) if cell.empty), None)
    if header is None:
        line = cells[-1].line if cells else 1
        raise ImportProblem(line, "no stage header found: the header row starts with an "
                                  "empty cell followed by the stage names")
    votes: list[LabelLang | None] = []
    data = _top(cells[:header], votes)
    names, rows_start = _stage_names(cells, header)
    stages: list[dict[str, Any]] = [{"name": name} for name in names]
    moments = _rows(cells[rows_start:], stages, votes)
    stages = with_ids(stages)
    data["stages"] = [_ordered(stage) for stage in stages]
    for key, (index, reason) in moments.items():
        data[key] = {"stage": stages[index]["id"], **({"reason": reason} if reason else {})}
    return Imported(data, language_of(votes))


# --- lines → cells -------------------------------------------------------------------------


def _cells(text: str) -> list[Cell]:
    cells: list[Cell] = []
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip(" ").startswith("\t"):
            cells.append(Cell(number))
            _add_paragraph(cells[-1], line.lstrip(" ")[1:])
        elif line.strip():
            if not cells:
                raise ImportProblem(number, "text before the first cell (cells start with "
                                            "a tab)")
            _add_paragraph(cells[-1], line)
        elif cells:
            cells[-1].blank_after = True
    return cells


def _add_paragraph(cell: Cell, raw: str) -> None:
    paragraph = _BOOKMARK.sub("", raw).strip()
    if not paragraph:
        return
    if paragraph.startswith("(") and paragraph.endswith(")") and cell.paragraphs:
        cell.paragraphs[-1] = f"{cell.paragraphs[-1]} {paragraph}"
    else:
        cell.paragraphs.append(paragraph)


# --- the parts of the table ---------------------------------------------------------------


def _top(cells: list[Cell], votes: list[LabelLang | None]) -> dict[str, Any]:
    """The label/value pairs above the stage header: title and persona."""
    if len(cells) % 2:
        raise ImportProblem(cells[-1].line, f"the label '{cells[-1].first}' has no value "
                                            "cell before the stage header")
    data: dict[str, Any] = {}
    for label_cell, value_cell in zip(cells[::2], cells[1::2], strict=True):
        meaning = header_key(label_cell.first)
        if meaning is None:
            raise ImportProblem(label_cell.line, f"unknown label '{label_cell.first}' "
                                                 "above the stages; expected Asiakaskokemus, "
                                                 "Otsikko, Title, Asiakaspersoona or Persona")
        key, lang = meaning
        votes.append(lang)
        if value_cell.empty:
            continue
        if key == "title":
            data["title"] = " ".join(value_cell.paragraphs)
        else:
            description = "\n".join(value_cell.paragraphs)
            name = _NAME_END.split(description, 1)[0].strip() or description
            data["persona"] = {"name": name, "description": description}
    return data


def _stage_names(cells: list[Cell], header: int) -> tuple[list[str], int]:
    """The stage names: the cells after the header's empty cell up to the blank line."""
    names: list[str] = []
    index = header
    while not cells[index].blank_after and index + 1 < len(cells):
        index += 1
        cell = cells[index]
        if cell.empty:
            raise ImportProblem(cell.line, "a stage name in the header row is empty")
        names.append(" ".join(cell.paragraphs))
    if not names:
        raise ImportProblem(cells[header].line, "the header row names no stages")
    return names, index + 1


def _rows(cells: list[Cell], stages: list[dict[str, Any]],
          votes: list[LabelLang | None]) -> dict[str, tuple[int, str]]:
    """Fill the stages from the lane rows; returns the peak and end (stage index, reason)."""
    moments: dict[str, tuple[int, str]] = {}
    count = len(stages)
    index = 0
    while index < len(cells):
        lane_cell = cells[index]
        meaning = row_key(lane_cell.first)
        if meaning is None or meaning[0] == "stage":
            raise ImportProblem(lane_cell.line, f"expected a lane name (Tekee, Tuntee, "
                                                f"Kosketuspisteet, Mittarit …), found "
                                                f"'{lane_cell.first}'")
        key, lang = meaning
        votes.append(lang)
        row = cells[index + 1:index + 1 + count]
        if len(row) < count:
            raise ImportProblem(lane_cell.line, f"the row '{lane_cell.first}' has "
                                                f"{len(row)} cells; there are {count} stages")
        if key in ("peak", "end"):
            moment = _moment(lane_cell, row)
            if moment is not None:
                moments[key] = moment
        else:
            for stage, cell in zip(stages, row, strict=True):
                _fill(stage, key, cell)
        index += 1 + count
    return moments


def _moment(lane_cell: Cell, row: list[Cell]) -> tuple[int, str] | None:
    chosen = [(index, cell) for index, cell in enumerate(row) if not cell.empty]
    if len(chosen) > 1:
        raise ImportProblem(chosen[1][1].line, f"the {lane_cell.first} row marks more than "
                                               "one stage")
    if not chosen:
        return None
    index, cell = chosen[0]
    return index, " ".join(cell.paragraphs)


def _fill(stage: dict[str, Any], key: str, cell: Cell) -> None:
    if cell.empty:
        return
    if key == "id":
        stage["id"] = cell.first
    elif key == "description":
        stage["description"] = "\n".join(cell.paragraphs)
    else:
        item_key = _ITEM_KEY.get(key)
        items = [{item_key: text} if item_key else text for text in cell.paragraphs]
        stage.setdefault(key, []).extend(items)


def _ordered(stage: dict[str, Any]) -> dict[str, Any]:
    order = ["id", "name", "description", *LANES]
    return {key: stage[key] for key in order if key in stage}
