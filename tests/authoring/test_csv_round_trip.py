"""``render -f csv`` then ``import --from csv`` gives back the same journey (SPEC §8 "csv"),
and what spreadsheet users hand in (``;``, no BOM, Finnish labels) imports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from authoring_support import EXAMPLES, Run, load, normal_form
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxjourney.commands.importer import convert, journey_text
from cxjourney.ids import slugify
from cxjourney.importers import ImportProblem
from cxjourney.model import Journey
from cxjourney.rendering import render
from cxjourney.yamlwrite import dump


def csv_of(journey: Journey) -> str:
    grid = render(journey, "csv")
    return grid.decode("utf-8") if isinstance(grid, bytes) else grid


def round_trip(journey: Journey, path: str = "journey.journey.yaml") -> Journey:
    text = journey_text(convert(csv_of(journey), "csv", "grid.csv"), "grid.csv")
    return load(text, path)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.journey.yaml")),
                         ids=lambda path: path.name)
def test_every_example_survives_the_round_trip(example: Path) -> None:
    journey = load(example.read_bytes(), example.name)
    assert normal_form(round_trip(journey, example.name)) == normal_form(journey)


# --- generated journeys ------------------------------------------------------------------

# Text as people type it, plus what could be misread in a cell: leading quotes and braces,
# `*`, edge spaces, line breaks, commas, semicolons, YAML-looking words.
_CHARS = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"),
                       exclude_characters="\u2028\u2029\x85\ufeff")
_TRICKY = st.sampled_from(["{a: 1}", '"quoted"', "'single'", "*", " edge ", "a\nb", "On",
                           "yes", "1:20", "017", "null", "x, y; z", "# not a comment",
                           "- dash", "[list]", "Käyttö", "–", "a\tb"])
TEXT = st.one_of(_TRICKY, st.text(_CHARS, min_size=1, max_size=12)).filter(
    lambda text: text.strip() != "")
SLUG = st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True)
NUMBER = st.one_of(st.integers(-1000, 1000),
                   st.floats(-1000, 1000, allow_nan=False).map(lambda x: round(x, 2)))
EXTENSION = st.dictionaries(st.sampled_from(["x-owner", "x-note", "x-weight"]),
                            st.one_of(TEXT, NUMBER, st.booleans(), st.lists(TEXT,
                                                                            max_size=2)),
                            max_size=1)


def _with(base: dict[str, Any], optional: dict[str, Any]) -> dict[str, Any]:
    return {**base, **{key: value for key, value in optional.items() if value is not None}}


@st.composite
def emotions(draw: st.DrawFn) -> dict[str, Any]:
    return _with({"text": draw(TEXT)}, {"score": draw(st.none() | st.integers(-2, 2))})


@st.composite
def touchpoints(draw: st.DrawFn) -> Any:
    if draw(st.booleans()):
        return draw(TEXT)
    return _with({"name": draw(TEXT)}, {"channel": draw(st.none() | TEXT),
                                        "description": draw(st.none() | TEXT),
                                        **draw(EXTENSION)})


@st.composite
def metrics(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["custom", "nps", "csat", "ces", None]))
    low, high = {"nps": (-100, 100), "csat": (0, 100), "ces": (1, 7)}.get(kind or "",
                                                                        (-1000, 1000))
    value = st.none() | st.integers(low, high)
    metric = _with({"name": draw(TEXT)}, {
        "type": kind, "family": draw(st.none() | st.sampled_from(["outcome", "experience"])),
        "target": draw(value if kind not in (None, "custom") else st.none() | NUMBER),
        "actual": draw(value), "unit": draw(st.none() | st.just("%")),
        "source": draw(st.none() | TEXT),
        "measured_at": draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1))),
    })
    if kind in (None, "custom") and draw(st.booleans()):
        metric["direction"] = draw(st.sampled_from(["higher", "lower"]))
    return metric


@st.composite
def stages(draw: st.DrawFn, number: int) -> dict[str, Any]:
    name = draw(TEXT)
    stage: dict[str, Any] = {"name": name}
    if draw(st.booleans()) or not slugify(name):
        stage = {"id": f"s{number}-{draw(SLUG)}", **stage}
    lanes = {
        "description": draw(st.none() | TEXT),
        "actions": draw(st.lists(TEXT, max_size=2)) or None,
        "thoughts": draw(st.lists(TEXT, max_size=1)) or None,
        "emotions": draw(st.lists(emotions(), max_size=2)) or None,
        "touchpoints": draw(st.lists(touchpoints(), max_size=2)) or None,
        "channels": draw(st.lists(TEXT, max_size=1)) or None,
        "pain_points": draw(st.lists(TEXT, max_size=1)) or None,
        "opportunities": draw(st.lists(TEXT, max_size=1)) or None,
        "metrics": draw(st.lists(metrics(), max_size=2)) or None,
        "backstage": draw(st.lists(TEXT, max_size=1)) or None,
    }
    return {**_with(stage, lanes), **draw(EXTENSION)}


@st.composite
def journeys(draw: st.DrawFn) -> dict[str, Any]:
    count = draw(st.integers(1, 4))
    items = [draw(stages(number)) for number in range(count)]
    ids = [stage.get("id") or slugify(stage["name"]) for stage in items]
    for index, stage_id in enumerate(ids):
        if stage_id in ids[:index]:  # keep ids unique: an explicit one
            items[index] = {"id": f"s{index}-dup", **{k: v for k, v in items[index].items()
                                                       if k != "id"}}
            ids[index] = f"s{index}-dup"
    persona = draw(st.none() | st.builds(lambda name, description, goals: _with(
        {"name": name}, {"description": description, "goals": goals or None}),
        TEXT, st.none() | TEXT, st.lists(TEXT, max_size=2)))
    data = _with({"cxj": 1}, {
        "id": draw(st.none() | SLUG), "title": draw(TEXT),
        "description": draw(st.none() | TEXT), "lang": draw(st.none() | st.sampled_from(
            ["en", "fi"])), "owner": draw(st.none() | TEXT),
        "tags": draw(st.lists(TEXT, max_size=2)) or None,
        "updated": draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1))),
        "persona": persona, "stages": items,
    })
    for key in ("peak", "end"):
        if draw(st.booleans()):
            data[key] = _with({"stage": draw(st.sampled_from(ids))},
                              {"reason": draw(st.none() | TEXT), **draw(EXTENSION)})
    data.update(draw(EXTENSION))
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys())
def test_a_generated_journey_survives_the_round_trip(data: dict[str, Any]) -> None:
    journey = load(dump(data))
    assert normal_form(round_trip(journey)) == normal_form(journey)


# --- what people hand in ---------------------------------------------------------------

EXCEL_FI = (
    "\ufeffVaihe;Havahtuminen;Vertailu\r\n"
    "Tekee;\"Huomaa, että takki on pieni\nEtsii netistä\";Vertailee\r\n"
    "Tuntee;Harmittaa;{text: Innostunut, score: 1}\r\n"
    "Kosketuspisteet;{name: Mainos, channel: web};Myymälä\r\n"
    "Mittarit;;{name: NPS, type: nps, target: 40}\r\n"
    "Peak;;Tärkein hetki\r\n"
    "End;;*\r\n"
)


def test_finnish_excel_with_semicolons_and_a_bom_imports(cli: Run, workdir: Path) -> None:
    (workdir / "grid.csv").write_text(EXCEL_FI, encoding="utf-8")
    result = cli("import", "grid.csv", "--from", "csv")
    assert result.code == 0, result.err
    assert result.out == (
        "cxj: 1\ntitle: grid\nlang: fi\nstages:\n"
        "  - id: havahtuminen\n    name: Havahtuminen\n    actions:\n"
        "      - Huomaa, että takki on pieni\n      - Etsii netistä\n"
        "    emotions:\n      - text: Harmittaa\n    touchpoints:\n"
        "      - name: Mainos\n        channel: web\n"
        "  - id: vertailu\n    name: Vertailu\n    actions:\n      - Vertailee\n"
        "    emotions:\n      - text: Innostunut\n        score: 1\n"
        "    touchpoints:\n      - Myymälä\n    metrics:\n"
        "      - name: NPS\n        type: nps\n        target: 40\n"
        "peak:\n  stage: vertailu\n  reason: Tärkein hetki\nend:\n  stage: vertailu\n")


def test_english_synonyms_case_and_tabs(cli: Run) -> None:
    grid = "STAGE\tAwareness\tAwareness\nDoes\tnotices\t\nthoughts:\t\tcompares\n"
    result = cli("import", "-", "--from", "tsv", stdin=grid)
    assert result.code == 0, result.err
    journey = load(result.out)
    assert journey.lang is None
    assert [stage.id for stage in journey.stages] == ["awareness", "awareness-2"]
    assert journey.stages[0].actions == ["notices"]
    assert journey.stages[1].thoughts == ["compares"]


@pytest.mark.parametrize(("grid", "line", "message"), [
    ("Stage,A\nColour,red\n", 2, "unknown row 'Colour'"),
    ("Stage,A\nActions,\"x\ny\"\nEmotions,{text: [\n", 4, "cannot read '{text: ['"),
    ("Stage,A,B\nPeak,x,y\n", 2, "marks more than one stage"),
    ("Actions,A\n", 1, "the first row must name the stages"),
    ("Stage,A\nActions,x,y\n", 2, "more cells than there are stages"),
    ("Stage,A\n\ncolour,red\n", 3, "unknown journey key 'colour'"),
    ("", 1, "the file is empty"),
])
def test_what_cannot_be_read_names_its_line(grid: str, line: int, message: str) -> None:
    with pytest.raises(ImportProblem) as problem:
        convert(grid, "csv", "grid.csv")
    assert (problem.value.line, message in problem.value.message) == (line, True)


def test_a_grid_cell_that_is_not_a_valid_item_exits_1(cli: Run) -> None:
    result = cli("import", "-", "--from", "csv", stdin="Stage,A\nEmotions,\"{score: 1}\"\n")
    assert result.code == 1
    assert "the imported journey is not valid" in result.err
    assert "missing required key 'text'" in result.err
