"""``import --from mermaid``: a Mermaid ``journey`` diagram (SPEC §8 "Mermaid import"),
from a ``.mmd`` file or the first journey block of a Markdown document.

Reads what Mermaid's own ``journey`` grammar reads (case-insensitive keywords, ``%%`` and
``#`` comments, front matter, ``accTitle``/``accDescr``, tasks ``name: score: actors``).
Each section becomes a stage, each task an action, and a scored task also an emotion
with the score moved from Mermaid's 1…5 to −2…2.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cxjourney.importers import Imported, ImportProblem, title_from_path, with_ids

MARKDOWN_SUFFIXES = (".md", ".markdown")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*mermaid\b", re.IGNORECASE)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)  # Mermaid's lineBreakRegex
_ENTITY = re.compile(r"#(\w+);")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_KEYWORD = {
    "title": re.compile(r"^title\s(.*)$", re.IGNORECASE),
    "section": re.compile(r"^section\s(.*)$", re.IGNORECASE),
    "acc_title": re.compile(r"^accTitle\s*:(.*)$", re.IGNORECASE),
    "acc_descr": re.compile(r"^accDescr\s*:(.*)$", re.IGNORECASE),
    "acc_descr_block": re.compile(r"^accDescr\s*\{(.*)$", re.IGNORECASE),
}
# Entity codes (``#58;``) are decoded, as Mermaid does before drawing; while the line is
# read they stand in private-use characters so their '#' is no comment.
_OPEN, _CLOSE = "\ue000", "\ue001"
MIN_SCORE, MAX_SCORE = 1, 5


@dataclass
class _Stage:
    name: str
    actions: list[str] = field(default_factory=list)
    emotions: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Diagram:
    title: str | None = None
    description: str | None = None
    stages: list[_Stage] = field(default_factory=list)
    loose: _Stage | None = None  # tasks before the first section
    actors: Counter[str] = field(default_factory=Counter)
    first_seen: dict[str, int] = field(default_factory=dict)
    warnings: list[tuple[int, str]] = field(default_factory=list)


def read_mermaid(text: str, path: str) -> Imported:
    """The journey data of a Mermaid journey in ``text`` (a Markdown file when ``path``
    ends in ``.md`` or ``.markdown``)."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if path.lower().endswith(MARKDOWN_SUFFIXES):
        lines, offset = _markdown_block(lines)
    else:
        offset = 0
    diagram = _Diagram()
    start = _front_matter(lines, diagram, offset)
    _statements(lines, start, offset, diagram)
    return _imported(diagram, title_from_path(path), offset)


# --- where the diagram is -------------------------------------------------------------


def _markdown_block(lines: list[str]) -> tuple[list[str], int]:
    """The first fenced ``mermaid`` block whose first statement is ``journey``, and the
    number of lines before its first line."""
    first_fence: int | None = None
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        first_fence = index + 1 if first_fence is None else first_fence
        fence = match.group(1)
        end = index + 1
        while end < len(lines) and not (lines[end].strip().startswith(fence) and
                                        set(lines[end].strip()) == {fence[0]}):
            end += 1
        block = lines[index + 1:end]
        if _starts_with_journey(block):
            return block, index + 1
        index = end + 1
    raise ImportProblem(first_fence or 1, "no Mermaid journey diagram: no ```mermaid block "
                                          "starts with `journey`")


def _starts_with_journey(block: list[str]) -> bool:
    start = _front_matter(block, _Diagram(), 0)
    for line in block[start:]:
        stripped = line.strip()
        if not stripped or stripped.startswith("%%"):
            continue
        return stripped.lower().startswith("journey")
    return False


def _front_matter(lines: list[str], diagram: _Diagram, offset: int) -> int:
    """Read ``---`` … ``---`` at the top (its ``title:``); the index after it."""
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        return 0
    end = next((index for index in range(first + 1, len(lines))
                if lines[index].strip() == "---"), None)
    if end is None:
        raise ImportProblem(offset + first + 1, "the front matter starting here has no "
                                                "closing ---")
    title = _front_matter_title("\n".join(lines[first + 1:end]))
    if title:
        diagram.title = _clean(title)
    return end + 1


def _front_matter_title(text: str) -> str | None:
    from cxjourney.yamltree import LimitError, YamlSyntaxError, compose, to_python

    try:
        document = compose(text)
    except (YamlSyntaxError, LimitError):
        return None
    data = to_python(document.root) if document.root is not None else None
    title = data.get("title") if isinstance(data, dict) else None
    return str(title) if title is not None else None


# --- statements -------------------------------------------------------------------------


def _statements(lines: list[str], start: int, offset: int, diagram: _Diagram) -> None:
    seen_journey = False
    index = start
    while index < len(lines):
        number = offset + index + 1
        line = _hide_entities(lines[index])
        index += 1
        stripped = line.strip()
        if not stripped or stripped.startswith("%%"):
            continue
        stripped = stripped.split("#", 1)[0].strip()  # '#' starts a comment in Mermaid
        if not stripped:
            continue
        if not seen_journey:
            if not stripped.lower().startswith("journey"):
                raise ImportProblem(max(offset, 1),
                                    "no Mermaid journey diagram: the first statement is "
                                    f"not `journey` (line {number}: '{_show(stripped)}')")
            seen_journey = True
            continue
        block = _KEYWORD["acc_descr_block"].match(stripped)
        if block:
            index = _description_block(lines, index, block.group(1), diagram)
            continue
        _statement(stripped, number, diagram)
    if not seen_journey:
        raise ImportProblem(max(offset, 1), "no Mermaid journey diagram: the "
                                                     "file has no `journey` statement")


def _statement(text: str, number: int, diagram: _Diagram) -> None:
    title = _KEYWORD["title"].match(text)
    if title:
        diagram.title = _clean(title.group(1).split(";", 1)[0])
        return
    if _KEYWORD["acc_title"].match(text):
        return
    description = _KEYWORD["acc_descr"].match(text)
    if description:
        diagram.description = _decode(description.group(1).strip()) or None
        return
    section = _KEYWORD["section"].match(text)
    if section:
        diagram.stages.append(_Stage(_clean(re.split(r"[:;]", section.group(1))[0])))
        return
    _task(text, number, diagram)


def _description_block(lines: list[str], index: int, first: str, diagram: _Diagram) -> int:
    """``accDescr { … }`` over lines: its lines trimmed, joined by newlines."""
    collected = [first]
    while "}" not in collected[-1] and index < len(lines):
        collected.append(lines[index])
        index += 1
    text = "\n".join(collected).split("}", 1)[0]
    parts = [part.strip() for part in text.split("\n")]
    diagram.description = _decode("\n".join(part for part in parts if part)) or None
    return index


def _task(text: str, number: int, diagram: _Diagram) -> None:
    name, _, data = text.partition(":")
    name = _clean(name)
    if not name:
        raise ImportProblem(number, f"a task needs a name before ':' ('{_show(text)}')")
    pieces = data.split(":")
    score_text = pieces[0].strip()
    actors = [_clean(actor) for actor in pieces[1].split(",")] if len(pieces) > 1 else []
    stage = _current_stage(diagram)
    stage.actions.append(name)
    if score_text:
        score = _score(score_text, number, diagram)
        stage.emotions.append({"text": name, "score": score - 3})
    for actor in actors:
        if actor:
            diagram.actors[actor] += 1
            diagram.first_seen.setdefault(actor, len(diagram.first_seen))


def _current_stage(diagram: _Diagram) -> _Stage:
    if diagram.stages:
        return diagram.stages[-1]
    if diagram.loose is None:
        diagram.loose = _Stage("")
    return diagram.loose


def _score(text: str, number: int, diagram: _Diagram) -> int:
    """Mermaid's 1…5: clamped into range, else rounded half away from zero."""
    if not _NUMBER.match(text):
        raise ImportProblem(number, f"the task score '{_show(text)}' is not a number "
                                    "(Mermaid scores run from 1 to 5)")
    value = Decimal(text)
    if value < MIN_SCORE or value > MAX_SCORE:
        clamped = min(max(value, Decimal(MIN_SCORE)), Decimal(MAX_SCORE))
        diagram.warnings.append((number, f"score {text} is outside 1…5; clamped to "
                                         f"{int(clamped)}"))
        return int(clamped)
    rounded = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if rounded != value:
        diagram.warnings.append((number, f"score {text} is not a whole number; rounded to "
                                         f"{rounded}"))
    return rounded


# --- text -------------------------------------------------------------------------------


def _hide_entities(line: str) -> str:
    return _ENTITY.sub(lambda match: f"{_OPEN}{match.group(1)}{_CLOSE}", line)


def _decode(text: str) -> str:
    """Entity codes back to characters: ``#58;`` → ``:``, ``#amp;`` → ``&``."""
    def entity(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.isdigit():
            return chr(int(code)) if int(code) < 0x110000 else match.group(0)
        decoded = html.unescape(f"&{code};")
        return f"#{code};" if decoded == f"&{code};" else decoded

    return re.sub(f"{_OPEN}(\\w+){_CLOSE}", entity, text)


def _clean(text: str) -> str:
    """Trimmed, Mermaid line breaks (``<br>``, ``<br/>``, ``<BR />``) as spaces."""
    return _decode(_LINE_BREAK.sub(" ", text)).strip()


def _show(text: str) -> str:
    return _decode(text)


# --- the result -------------------------------------------------------------------------


def _imported(diagram: _Diagram, fallback_title: str, offset: int) -> Imported:
    title = diagram.title or fallback_title
    stages = list(diagram.stages)
    if diagram.loose is not None:
        diagram.loose.name = title
        stages.insert(0, diagram.loose)
    if not stages:
        raise ImportProblem(max(offset, 1), "the journey diagram has no "
                                                         "sections or tasks")
    data: dict[str, Any] = {"title": title}
    if diagram.description:
        data["description"] = diagram.description
    persona = _persona(diagram)
    if persona:
        data["persona"] = {"name": persona}
    data["stages"] = with_ids([_stage_data(stage) for stage in stages])
    return Imported(data, None, diagram.warnings)


def _persona(diagram: _Diagram) -> str | None:
    """The actor named most often; ties go to the one seen first."""
    if not diagram.actors:
        return None
    return min(diagram.actors, key=lambda actor: (-diagram.actors[actor],
                                                  diagram.first_seen[actor]))


def _stage_data(stage: _Stage) -> dict[str, Any]:
    data: dict[str, Any] = {"name": stage.name or "Stage"}
    if stage.actions:
        data["actions"] = stage.actions
    if stage.emotions:
        data["emotions"] = stage.emotions
    return data
