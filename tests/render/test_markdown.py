"""Markdown: markdown-it-py (CommonMark + GFM tables) reads every page as cxj meant it —
consistent tables whose cells hold the journey's text, no stray markup — and its Mermaid
block is drawn by the real Mermaid library (SPEC §8 "Markdown escaping")."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from support import FLAGSHIP, all_journeys, load

from cxjourney.labels import LANES
from cxjourney.model import Journey
from cxjourney.rendering import render
from cxjourney.rendering.context import item_text
from cxjourney.rendering.escape import md_cell, md_text


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def plain(inline: Token) -> str:
    """The text a reader sees in an inline token: <br> and hard breaks are line breaks."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (
                child.type == "html_inline" and child.content == "<br>"):
            parts.append("\n")
        elif child.type == "html_inline":
            parts.append(f"[html {child.content}]")  # never expected: fails the comparison
    return "".join(parts)


def tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Each table as rows of cell texts; raises if a row has a cell count of its own."""
    found: list[list[list[str]]] = []
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            found[-1].append([])
        elif token.type == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            found[-1][-1].append(plain(token))
    return found


def cell_text(lane: str, items: list[Any]) -> str:
    prefix = "• " if len(items) > 1 else ""
    return "\n".join(prefix + "\n".join(line.strip() for line in
                                        item_text(lane, item).splitlines()) for item in items)


def flat(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines())


@pytest.mark.parametrize("journey", all_journeys(), ids=lambda journey: journey.id)
def test_tables_are_consistent_and_hold_the_journeys_text(journey: Journey) -> None:
    source = render(journey, "md")
    assert isinstance(source, str)
    tokens = parser().parse(source)
    grid, *rest = tables(tokens)
    assert all(len(row) == len(journey.stages) + 1 for row in grid)
    header = grid[0]
    for number, (stage, cell) in enumerate(zip(journey.stages, header[1:], strict=True), 1):
        assert cell.startswith(f"{number}. {flat(stage.name)}\n")
    rows = {row[0]: row[1:] for row in grid[1:]}
    for lane in LANES:
        items = [getattr(stage, lane) for stage in journey.stages]
        label = {"pain_points": "Pain points"}.get(lane, lane.capitalize()) \
            if journey.lang != "fi" else None
        if label is None or not any(items):
            continue
        assert rows[label] == [cell_text(lane, lane_items) for lane_items in items]
    if rest and journey.stages[0].metrics:
        metrics = rest[0]
        assert all(len(row) == 7 for row in metrics)
        assert metrics[1][1] == flat(journey.stages[0].metrics[0].name)
    html = parser().render(source)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    headings = [token.tag for token in tokens if token.type == "heading_open"]
    assert headings.count("h1") == 1
    assert all(token.type != "html_block" for token in tokens)


@pytest.mark.parametrize("journey", all_journeys(), ids=lambda journey: journey.id)
def test_the_mermaid_block_is_the_mermaid_format(journey: Journey,
                                                 mermaid: Callable[[str], Any]) -> None:
    source = render(journey, "md")
    fences = [token for token in parser().parse(source)  # type: ignore[arg-type]
              if token.type == "fence"]
    assert [fence.info for fence in fences] == ["mermaid"]
    assert fences[0].content == render(journey, "mermaid")
    assert "error" not in mermaid(fences[0].content)


def test_flagship_markdown_reads_as_a_finnish_map() -> None:
    source = render(load(FLAGSHIP), "md")
    assert isinstance(source, str)
    grid = tables(parser().parse(source))[0]
    assert grid[0][0] == "Vaihe"
    assert grid[0][3] == "3. Ostaminen\n+2.0 erittäin myönteinen · Peak"
    assert [row[0] for row in grid[1:]] == ["Tekee", "Tuntee", "Kosketuspisteet", "Kanava",
                                            "Kehittämiskohteet", "Mittarit", "Peak", "End"]
    assert "## Asiakaspersoona: 35-vuotias nainen" in source
    assert "## Kehittämiskohteet" in source


@pytest.mark.parametrize(("text", "written"), [
    ("a | b", r"a \| b"),
    ("<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;"),
    ("*x* _y_ `z` [l](u) ~s~ $m$ \\", r"\*x\* \_y\_ \`z\` \[l\](u) \~s\~ \$m\$ \\"),
    ("# h", r"\# h"),
    ("12. item", r"12\. item"),
    ("6.3 metres", "6.3 metres"),
    ("one\ntwo", "one<br>two"),
])
def test_markdown_cell_escapes(text: str, written: str) -> None:
    assert md_cell(text) == written


def test_markdown_text_breaks_lines_hard_and_protects_line_starts() -> None:
    assert md_text("a\n- b\n> c") == "a\\\n\\- b\\\n&gt; c"  # an entity: never a quote
    html = parser().render(md_text("a\n- b\n> c\n1. d"))
    assert re.sub(r"\s", "", html) == "<p>a<br/>-b<br/>&gt;c<br/>1.d</p>"
