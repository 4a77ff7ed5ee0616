"""Mermaid: every diagram cxj writes is drawn by the real Mermaid library, with the
journey's own section and task texts (SPEC §8 "Mermaid mapping")."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from support import FLAGSHIP, all_journeys, hostile_journey, load, one_line

from cxjourney.model import Journey
from cxjourney.rendering import render
from cxjourney.rendering.escape import clip, mermaid_text

Draw = Callable[[str], dict[str, Any]]


def drawn_text(text: str) -> str:
    """What Mermaid should draw for a name: one line, clipped to 200 code points."""
    return clip(one_line(text), 200)


def expected_tasks(journey: Journey) -> list[str]:
    return [drawn_text(task) for stage in journey.stages for task in (stage.actions or
                                                                      [stage.name])]


@pytest.mark.parametrize("journey", all_journeys(), ids=lambda journey: journey.id)
def test_mermaid_draws_the_journeys_sections_and_tasks(journey: Journey,
                                                      mermaid: Draw) -> None:
    source = render(journey, "mermaid")
    assert isinstance(source, str)
    drawn = mermaid(source)
    assert "error" not in drawn, drawn.get("error")
    assert drawn["sections"] == [drawn_text(stage.name) for stage in journey.stages]
    assert drawn["tasks"] == expected_tasks(journey)
    assert drawn["title"] == drawn_text(journey.title)
    assert drawn["scripts"] == 0


def test_the_actor_is_the_persona_with_its_commas_kept(mermaid: Draw) -> None:
    journey = hostile_journey()
    drawn = mermaid(render(journey, "mermaid"))  # type: ignore[arg-type]
    assert drawn["legend"] == ["pipe | and || double"]


def test_the_flagship_scores_and_lines_follow_the_mapping() -> None:
    lines = render(load(FLAGSHIP), "mermaid").splitlines()  # type: ignore[union-attr]
    assert lines[:3] == ["journey", "    title Talvitakin osto lapselle",
                         "    section Havahtuminen"]
    # −1 → 2, +0.5 → 4 (half away from zero), +2 → 5, +1 → 4, −1 → 2
    scores = [int(line.split(": ")[1]) for line in lines if line.startswith("      ")]
    assert scores == [2, 4, 5, 4, 2]
    assert all(line.endswith(": 35-vuotias nainen") for line in lines[3::2])


def test_a_stage_without_actions_is_one_task_with_the_neutral_score(mermaid: Draw) -> None:
    journey = load(FLAGSHIP)
    bare = journey.stages[0].__class__(id="bare", name="Odottaa")
    journey = journey.__class__(cxj=1, id="x", title="T", lang="fi", stages=[bare])
    source = render(journey, "mermaid")
    assert source == "journey\n    title T\n    section Odottaa\n      Odottaa: 3: Asiakas\n"
    assert mermaid(source)["tasks"] == ["Odottaa"]  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "written"), [
    ("a: b; c # d % e", "a#58; b#59; c #35; d #37; e"),
    ("  two\nlines  ", "two lines"),
    ("Title case", "#84;itle case"),
    ("accDescr: x", "#97;ccDescr#58; x"),
    ("<br>", "#60;br>"),
])
def test_mermaid_escapes(text: str, written: str) -> None:
    assert mermaid_text(text) == written


def test_actor_commas_are_escaped() -> None:
    assert mermaid_text("Me, you", actor=True) == "Me#44; you"
    assert re.fullmatch(r"[^,]*", mermaid_text("a,b,c", actor=True))
