"""``import --from csv|tsv``: the workshop grid (SPEC §8 "csv") read back into a journey.

``cxj render -f csv`` writes the grid (``cxjourney.rendering.formats``); this is its exact
inverse, so ``render -f csv`` then ``import --from csv`` gives back the same journey. Lanes
are rows and stages columns; a cell holds one item per line, plain text or a one-line YAML
flow node. After one empty row come the other journey keys as ``key,value`` rows (strings
as written, the rest as YAML flow). Also accepted: ``;`` or tab separators (Finnish Excel
writes ``;``), no BOM, lane labels in either language, no key/value block.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from cxjourney.importers import Imported, ImportProblem, with_ids
from cxjourney.labels import LANES, LabelLang, language_of, row_key

BOM = "\ufeff"
MISSING_REASON = "*"  # a chosen peak/end stage without a reason
TEXT_KEYS = frozenset({"id", "title", "description", "lang", "owner"})
_FLOW_STARTS = ("{", '"', "'")


def from_csv(text: str, delimiter: str | None = None) -> Imported:
    """Read a grid (``text`` already decoded). Raises :class:`ImportProblem`."""
    text = text.removeprefix(BOM)
    records = list(_records(text, delimiter or _delimiter(text)))
    if not records:
        raise ImportProblem(1, "the file is empty; expected a row of stage names")
    reader = _GridReader(records)
    return reader.read()


def _delimiter(text: str) -> str:
    """The separator: the one that makes the first cell a row label, else the commonest
    one on the first line (Finnish Excel writes ``;``)."""
    first_line = text.split("\n", 1)[0]
    for candidate in ("\t", ";", ","):
        first_cell = next(csv.reader([first_line], delimiter=candidate), [""])
        if first_cell and row_key(first_cell[0]) is not None and candidate in first_line:
            return candidate
    return max(("\t", ";", ","), key=first_line.count) if first_line.strip() else ","


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Each record with the input line it starts on."""
    stream = io.StringIO(text, newline="")
    # The csv module refuses cells over 128 KB by default; a cell can hold as much as the
    # file (which max-file-size already bounds).
    if len(text) > csv.field_size_limit():
        csv.field_size_limit(len(text))
    reader = csv.reader(stream, delimiter=delimiter, strict=False)
    records = []
    start = 1
    try:
        for row in reader:
            records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportProblem(start, f"cannot read the row: {error}") from None
    return records


def _blank(row: list[str]) -> bool:
    return not any(cell.strip() for cell in row)


class _GridReader:
    """Reads the records of one grid into journey data."""

    def __init__(self, records: list[tuple[int, list[str]]]) -> None:
        self.records = records
        self.votes: list[LabelLang | None] = []
        self.names: list[str] = []
        self.stages: list[dict[str, Any]] = []
        self.moments: dict[str, tuple[int, int, str]] = {}  # key → (line, stage, cell)

    def read(self) -> Imported:
        line, header = self.records[0]
        self._header(line, header)
        index = 1
        while index < len(self.records) and not _blank(self.records[index][1]):
            self._row(*self.records[index])
            index += 1
        data: dict[str, Any] = {}
        for line, row in self.records[index + 1:]:
            if not _blank(row):
                self._key_row(line, row, data)
        self.stages = with_ids(self.stages)
        data["stages"] = [self._ordered(stage) for stage in self.stages]
        for key in ("peak", "end"):
            if key in self.moments:
                data[key] = self._moment(key)
        lang = language_of(self.votes)
        return Imported(data, lang if "lang" not in data else str(data["lang"]))

    def _header(self, line: int, header: list[str]) -> None:
        first = header[0] if header else ""
        meaning = row_key(first)
        if first.strip() and (meaning is None or meaning[0] != "stage"):
            raise ImportProblem(line, f"the first row must name the stages, starting with "
                                      f"'Stage' or 'Vaihe', not '{first}'")
        if meaning is not None:
            self.votes.append(meaning[1])
        names = list(header[1:])
        while names and not names[-1].strip():
            names.pop()
        if not names:
            raise ImportProblem(line, "the first row names no stages")
        for number, name in enumerate(names, 1):
            if not name.strip():
                raise ImportProblem(line, f"stage {number} has no name in the first row")
        self.names = [parse_text(line, name) for name in names]
        self.stages = [{"name": name} for name in self.names]

    def _row(self, line: int, row: list[str]) -> None:
        row_label = row[0].strip()
        cells = row[1:]
        extra = [cell for cell in cells[len(self.names):] if cell.strip()]
        if extra:
            raise ImportProblem(line, f"row '{row_label}' has more cells than there are "
                                      f"stages ({len(self.names)})")
        cells = cells + [""] * (len(self.names) - len(cells))
        if row_label.startswith("x-"):
            self._cells(line, row, row_label, lambda _line, cell: parse_flow_or_plain(cell))
            return
        meaning = row_key(row_label)
        if meaning is None:
            raise ImportProblem(line, f"unknown row '{row_label}'; expected a lane such as "
                                      "Actions/Tekee, Emotions/Tuntee, Touchpoints/"
                                      "Kosketuspisteet, Metrics/Mittarit, or Peak, End, id")
        key, lang = meaning
        if key not in ("id", "description"):  # written the same in every language
            self.votes.append(lang)
        if key == "stage":
            raise ImportProblem(line, "a second row of stage names")
        if key in ("peak", "end"):
            self._moment_row(line, row, key)
        elif key == "id":
            self._cells(line, row, "id", lambda _line, cell: cell.strip() or None)
        elif key == "description":
            self._cells(line, row, "description", lambda at, cell: parse_text(at, cell))
        else:
            self._cells(line, row, key, lambda at, cell: _lane_items(at, cell, key))

    def _cells(self, line: int, row: list[str], key: str, parse: Any) -> None:
        offset = row[0].count("\n")
        for index, cell in enumerate(row[1:len(self.names) + 1]):
            at = line + offset
            offset += cell.count("\n")
            if not cell.strip():
                continue
            value = parse(at, cell)
            if value is None:
                continue
            stage = self.stages[index]
            if isinstance(value, list) and isinstance(stage.get(key), list):
                stage[key].extend(value)
            else:
                stage[key] = value

    def _moment_row(self, line: int, row: list[str], key: str) -> None:
        chosen = [(index, cell) for index, cell in enumerate(row[1:]) if cell.strip()]
        if len(chosen) > 1:
            raise ImportProblem(line, f"the {key.capitalize()} row marks more than one stage")
        if chosen:
            index, cell = chosen[0]
            self.moments[key] = (line, index, cell)

    def _moment(self, key: str) -> dict[str, Any]:
        line, index, cell = self.moments[key]
        moment: dict[str, Any] = {"stage": self.stages[index]["id"]}
        text = cell.strip()
        if text == MISSING_REASON:
            return moment
        if text.startswith("{"):
            value = parse_flow(line, text)
            if not isinstance(value, dict):
                raise ImportProblem(line, f"cannot read the {key} cell '{text}'")
            moment.update(value)
            return moment
        moment["reason"] = parse_text(line, cell)
        return moment

    def _key_row(self, line: int, row: list[str], data: dict[str, Any]) -> None:
        key = row[0].strip()
        value = row[1] if len(row) > 1 else ""
        if key == "cxj":
            return
        if key in TEXT_KEYS:
            data[key] = value  # strings are written as they are
        elif key == "persona":
            data[key] = parse_flow(line, value.strip()) if value.strip().startswith("{") \
                else value
        elif key == "tags":
            data[key] = _tags(line, value)
        elif key == "updated":
            data[key] = value.strip()  # written back as a date
        elif key.startswith("x-"):
            data[key] = parse_flow_or_plain(value)
        else:
            raise ImportProblem(line, f"unknown journey key '{key}' after the empty row")

    def _ordered(self, stage: dict[str, Any]) -> dict[str, Any]:
        order = ["id", "name", "description", *LANES]
        known = {key: stage[key] for key in order if key in stage}
        known.update((key, value) for key, value in stage.items() if key not in known)
        return known


def _lane_items(line: int, cell: str, lane: str) -> list[Any]:
    items = []
    for offset, raw in enumerate(cell.replace("\r\n", "\n").split("\n")):
        text = raw.strip()
        if not text:
            continue
        value: Any = parse_flow(line + offset, text) if text.startswith(_FLOW_STARTS) \
            else text
        if lane == "emotions" and not isinstance(value, dict):
            value = {"text": value}
        elif lane == "metrics" and not isinstance(value, dict):
            value = {"name": value}
        items.append(value)
    return items


def parse_flow(line: int, text: str) -> Any:
    """A one-line YAML flow node as plain data; an error names ``line``."""
    from cxjourney.yamltree import LimitError, YamlSyntaxError, compose, to_python

    try:
        document = compose(text)
    except (YamlSyntaxError, LimitError) as error:
        raise ImportProblem(line, f"cannot read '{text}' as YAML: {error.message}") from None
    return None if document.root is None else to_python(document.root)


def parse_text(line: int, cell: str) -> str:
    """A free-text cell: as written (trimmed), or the string a quoted cell holds."""
    text = cell.strip()
    if text.startswith(('"', "'")):
        try:
            value = parse_flow(line, text)
        except ImportProblem:
            return text
        if isinstance(value, str):
            return value
    return text


def parse_flow_or_plain(cell: str) -> Any:
    """An ``x-`` cell: YAML when it reads as YAML, else the text as written."""
    text = cell.strip()
    if "\n" in text and not text.startswith((*_FLOW_STARTS, "[")):
        return text
    try:
        return parse_flow(0, text)
    except ImportProblem:
        return text


def _tags(line: int, cell: str) -> list[Any]:
    text = cell.strip()
    if text.startswith("["):
        value = parse_flow(line, text)
        if not isinstance(value, list):
            raise ImportProblem(line, f"cannot read the tags '{text}'")
        return value
    return [tag.strip() for tag in text.split(",") if tag.strip()]
