"""JSON and CSV exactly as SPEC §8 "json" and "csv"; the CSV is lossless: a reader that
follows the SPEC's rules gets back a journey whose JSON is the same."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import EXAMPLE_FILES, EXAMPLES, FLAGSHIP, all_journeys, hostile_document, load

from cxjourney.labels import LANES
from cxjourney.loader import load_bytes
from cxjourney.model import Journey
from cxjourney.rendering import render
from cxjourney.rendering.labels import EN, FI
from cxjourney.yamltree import compose, to_python

JOURNEY_KEYS = ["cxj", "id", "title", "description", "lang", "owner", "tags", "updated",
                "persona", "stages", "peak", "end"]
STAGE_KEYS = ["id", "mean_score", "name", "description", "actions", "thoughts", "emotions",
              "touchpoints", "channels", "pain_points", "opportunities", "metrics",
              "backstage"]
METRIC_KEYS = ["name", "type", "family", "target", "actual", "unit", "direction", "source",
               "measured_at"]


def as_json(journey: Journey) -> dict[str, Any]:
    text = render(journey, "json")
    assert isinstance(text, str)
    return json.loads(text)  # type: ignore[no-any-return]


def test_json_has_every_key_in_spec_order_with_defaults_filled_in() -> None:
    text = render(load(FLAGSHIP), "json")
    assert isinstance(text, str)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '\n  "title": "Talvitakin osto lapselle",\n' in text  # 2 spaces, no \u escapes
    data = json.loads(text)
    assert list(data) == JOURNEY_KEYS
    assert data["lang"] == "fi" and data["tags"] == [] and data["owner"] is None
    stage = data["stages"][1]
    assert list(stage) == STAGE_KEYS
    assert stage["mean_score"] == 0.5
    assert stage["touchpoints"][0] == {"name": "Fyysinen liiketila ja siellä olevat tuotteet",
                                       "channel": None, "description": None}
    assert list(stage["metrics"][0]) == METRIC_KEYS
    assert stage["metrics"][0]["type"] == "custom"
    assert stage["metrics"][0]["direction"] == "higher"
    assert data["peak"] == {"stage": "ostaminen", "reason": data["peak"]["reason"]}


def test_json_keeps_x_keys_dates_and_lower_directions() -> None:
    data = as_json(load(EXAMPLES / "winter-coat-online.journey.yaml"))
    assert data["updated"] == "2026-11-24"
    assert list(data)[-1] == "x-jira" and data["x-jira"] == "CX-402"
    search = data["stages"][1]
    assert list(search)[-1] == "x-jira"
    chat = data["stages"][2]["metrics"][0]
    assert (chat["direction"], chat["measured_at"]) == ("lower", "2026-11-15")
    nps = data["stages"][6]["metrics"][0]
    assert (nps["type"], nps["direction"]) == ("nps", "higher")


def test_json_resolves_a_string_persona_keeping_its_id(cxj: Callable[..., Any],
                                                       workdir: Path) -> None:
    (workdir / "cxj.toml").write_text('personas = "personas.yaml"\n', encoding="utf-8")
    (workdir / "personas.yaml").write_text(
        "- id: parent\n  name: Busy parent\n  goals: [Warm coat]\n", encoding="utf-8")
    (workdir / "a.journey.yaml").write_text(
        "cxj: 1\ntitle: T\npersona: parent\nstages:\n  - name: S\n", encoding="utf-8")
    run = cxj("render", "a.journey.yaml", "-f", "json", "-o", "-")
    assert run.code == 0, run.err
    assert json.loads(run.out)["persona"] == {
        "id": "parent", "name": "Busy parent", "description": None, "goals": ["Warm coat"],
        "needs": [], "frustrations": []}


# --- csv ----------------------------------------------------------------------------------


def csv_rows(journey: Journey) -> list[list[str]]:
    text = render(journey, "csv")
    assert isinstance(text, str)
    assert text.startswith("\ufeff")
    # A cell can outgrow the csv module's default 128 KB field limit (a reader must
    # raise it; `cxj import --from csv` too).
    csv.field_size_limit(16 * 1024 * 1024)
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_csv_is_rfc_4180_with_bom_and_crlf(cxj: Callable[..., Any], workdir: Path) -> None:
    run = cxj("render", str(FLAGSHIP), "-f", "csv", "-o", "out.csv")
    assert run.code == 0, run.err
    data = (workdir / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfVaihe,Havahtuminen,Vertailu,")
    assert data.endswith(b"\r\n")
    # 9 grid rows, the empty row, 5 key/value rows; a \r only ever ends a record.
    assert data.count(b"\r\n") == 15
    assert data.count(b"\r") == 15


def test_csv_grid_rows_follow_the_spec_order_in_the_journeys_language() -> None:
    rows = csv_rows(load(FLAGSHIP))
    labels = [row[0] for row in rows]
    assert labels[:labels.index("")] == ["Vaihe", "Tekee", "Tuntee", "Kosketuspisteet",
                                         "Kanava", "Kehittämiskohteet", "Mittarit", "Peak",
                                         "End"]
    assert all(len(row) == 6 for row in rows)  # every record has the same width
    peak = rows[labels.index("Peak")]
    assert peak[1:3] == ["", ""] and peak[3].startswith("Tämä, koska")
    assert rows[labels.index("End")][1:] == ["", "", "", "On", ""]
    emotions = rows[labels.index("Tuntee")][2].split("\n")
    assert emotions == ["{text: Äiti yrittää innostaa lasta valinnassa, score: 0}",
                        "{text: Aluksi lapsi empii eri vaihtoehtojen välillä mutta löytää "
                        "lopulta mieleisen vaihtoehdon, score: 1}"]
    pairs = {row[0]: row[1] for row in rows[labels.index("") + 1:]}
    assert pairs["cxj"] == "1" and pairs["lang"] == "fi" and pairs["id"] == "talvitakki"
    assert pairs["persona"].startswith('{name: "35-vuotias nainen", description: ')


def _flow(text: str) -> Any:
    """A one-line YAML flow node, read the way cxj reads YAML (1.2 core schema)."""
    document = compose(text)
    assert document.root is not None
    return to_python(document.root)


def _item(text: str) -> Any:
    return _flow(text) if text.startswith(("{", '"', "'")) else text


STRING_KEYS = {"id", "title", "description", "lang", "owner"}


def read_back(rows: list[list[str]]) -> dict[str, Any]:
    """A reader written from SPEC §8 "csv" alone (what `cxj import --from csv` must do)."""
    blank = rows.index([""] * len(rows[0]))
    grid, pairs = rows[:blank], rows[blank + 1:]
    stages: list[dict[str, Any]] = [{"name": _item(name)} for name in grid[0][1:]]
    lanes = {labels[key]: key for key in LANES for labels in (EN, FI)}
    moments: dict[str, Any] = {}
    for label, *cells in grid[1:]:
        for stage, cell in zip(stages, cells, strict=True):
            if not cell:
                continue
            if label == "id":
                stage["id"] = cell
            elif label == "description":
                stage["description"] = _item(cell)
            elif label in lanes:
                key = lanes[label]
                items = [_item(item) for item in cell.split("\n")]
                wrap = {"emotions": "text", "metrics": "name"}.get(key)
                stage[key] = [{wrap: item} if wrap and isinstance(item, str) else item
                              for item in items]
            elif label.startswith("x-"):
                stage[label] = _flow(cell)
            else:
                stage_id = stage.get("id") or stage["name"].lower()
                value = {} if cell == "*" else _item(cell)
                moment = value if isinstance(value, dict) else {"reason": value}
                moments[label.lower()] = {"stage": stage_id, **moment}
    document: dict[str, Any] = {}
    for key, value, *_ in pairs:
        document[key] = value if key in STRING_KEYS else _flow(value)
    return {**document, "stages": stages, **moments}


@pytest.mark.parametrize("journey", all_journeys(), ids=lambda journey: journey.id)
def test_csv_round_trip_is_lossless(journey: Journey) -> None:
    document = read_back(csv_rows(journey))
    for stage, original in zip(document["stages"], journey.stages, strict=True):
        stage.setdefault("id", original.id)  # the id row is only written when needed
        for key in ("peak", "end"):
            moment = document.get(key)
            if moment and moment["stage"] in (stage["name"].lower(), original.name.lower()):
                moment["stage"] = original.id
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    loaded = load_bytes(data, "again.journey.yaml")
    assert loaded.journey is not None, loaded.findings
    assert as_json(loaded.journey) == as_json(journey)


@pytest.mark.parametrize("name", [*(path.name for path in EXAMPLE_FILES), "hostile"])
def test_cxj_import_reads_the_csv_back_to_the_same_journey(name: str, cxj: Callable[..., Any],
                                                           workdir: Path) -> None:
    source = workdir / "source.journey.yaml"
    if name == "hostile":
        source.write_bytes(json.dumps(hostile_document(), ensure_ascii=False).encode())
    else:
        source.write_bytes((EXAMPLES / name).read_bytes())
    assert cxj("render", str(source), "-f", "csv", "-o", "grid.csv").code == 0
    run = cxj("import", "grid.csv", "--from", "csv", "-o", "again.journey.yaml")
    assert run.code == 0, run.err
    first = cxj("render", str(source), "-f", "json", "-o", "-").out
    again = cxj("render", "again.journey.yaml", "-f", "json", "-o", "-").out
    assert json.loads(again) == json.loads(first)


def test_an_empty_stage_description_survives_the_csv_round_trip(
        cxj: Callable[..., Any], workdir: Path) -> None:
    source = workdir / "source.journey.yaml"
    source.write_text('cxj: 1\ntitle: T\nstages:\n  - name: A\n    description: ""\n'
                      "  - name: B\n", encoding="utf-8")
    assert cxj("render", str(source), "-f", "csv", "-o", "grid.csv").code == 0
    assert cxj("import", "grid.csv", "--from", "csv", "-o", "again.journey.yaml").code == 0
    first = json.loads(cxj("render", str(source), "-f", "json", "-o", "-").out)
    again = json.loads(cxj("render", "again.journey.yaml", "-f", "json", "-o", "-").out)
    assert [stage["description"] for stage in again["stages"]] == ["", None]
    assert again == first
