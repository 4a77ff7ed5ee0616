"""DOT, SVG and PNG: Graphviz accepts every timeline without a warning and draws the
journey's own texts, clipped to 200 code points (SPEC §8 "DOT")."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from support import FLAGSHIP, all_journeys, dot_quoted_strings, load, run_dot

from cxjourney.model import Journey
from cxjourney.rendering import render
from cxjourney.rendering.escape import clip, dot_string

SVG = "{http://www.w3.org/2000/svg}"


def svg_node_texts(svg: str) -> dict[str, list[str]]:
    """The text lines Graphviz drew for each node, by node name (its <title>)."""
    root = ET.fromstring(svg)
    nodes: dict[str, list[str]] = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "node":
            continue
        name = group.findtext(f"{SVG}title") or ""
        nodes[name] = [text.text or "" for text in group.iter(f"{SVG}text")]
    return nodes


def squeeze(lines: list[str]) -> str:
    return "".join("".join(lines).split())


@pytest.mark.parametrize("journey", all_journeys(), ids=lambda journey: journey.id)
def test_graphviz_accepts_the_timeline_without_warnings(journey: Journey) -> None:
    dot_text = render(journey, "dot")
    assert isinstance(dot_text, str)
    result = run_dot(dot_text)
    assert result.returncode == 0
    assert result.stderr == ""
    assert all(len(text) <= 200 for text in dot_quoted_strings(dot_text))
    nodes = svg_node_texts(result.stdout)
    for number, stage in enumerate(journey.stages, 1):
        # Long names are wrapped into lines: compare the characters, not the breaks.
        assert squeeze(nodes[f"s{number}"][:-1]) == squeeze([clip(stage.name, 170)])
        for index, point in enumerate(stage.touchpoints, 1):
            drawn = squeeze(nodes[f"t{number}_{index}"])
            assert drawn.startswith(squeeze([clip(point.name, 170)]))


def test_stage_nodes_show_score_peak_and_end_and_colour() -> None:
    dot_text = render(load(FLAGSHIP), "dot")
    nodes = svg_node_texts(run_dot(dot_text).stdout)  # type: ignore[arg-type]
    assert nodes["s1"] == ["Havahtuminen", "-1.0"]
    assert nodes["s3"] == ["Ostaminen", "+2.0 · Peak"]
    assert nodes["s4"] == ["Käyttö", "+1.0 · End"]
    assert 'fillcolor="#9ddba9"' in dot_text  # +2: the strongest green


def test_a_stage_without_score_is_grey_with_a_dash() -> None:
    journey = load(FLAGSHIP)
    bare = journey.stages[0].__class__(id="bare", name="Odottaa")
    journey = journey.__class__(cxj=1, id="x", title="T", stages=[bare])
    dot_text = render(journey, "dot")
    assert 'fillcolor="#d9d9d9"' in dot_text  # type: ignore[operator]
    assert svg_node_texts(run_dot(dot_text).stdout)["s1"] == ["Odottaa", "–"]  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "written"), [
    ('say "hi"', r'"say \"hi\""'),
    ("back\\slash \\N", r'"back\\slash \\N"'),
    ("<b> & </b>", '"&lt;b&gt; &amp; &lt;/b&gt;"'),
    ("two\nlines", r'"two\nlines"'),
    ("x" * 201, '"' + "x" * 199 + '…"'),
    ("x" * 200, '"' + "x" * 200 + '"'),
])
def test_dot_strings(text: str, written: str) -> None:
    assert dot_string(text) == written


def test_svg_and_png_come_from_graphviz(cxj: Callable[..., object], workdir: Path) -> None:
    run = cxj("render", str(FLAGSHIP), "-f", "svg", "-o", "out.svg")
    assert run.code == 0, run.err  # type: ignore[attr-defined]
    svg = (workdir / "out.svg").read_text(encoding="utf-8")
    assert "Ostaminen" in svg
    assert ET.fromstring(svg.split("\n", 3)[-1]).tag == f"{SVG}svg"
    run = cxj("render", str(FLAGSHIP), "-f", "png", "-o", "-")
    assert run.code == 0  # type: ignore[attr-defined]
    assert run.out_bytes.startswith(b"\x89PNG\r\n\x1a\n")  # type: ignore[attr-defined]


def test_missing_graphviz_is_exit_2_with_an_install_hint(
        cxj: Callable[..., object], workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = workdir / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    run = cxj("render", str(FLAGSHIP), "-f", "svg", "-o", "out.svg")
    assert run.code == 2  # type: ignore[attr-defined]
    assert "cxj: error: the svg and png formats need Graphviz 'dot'" in run.err  # type: ignore[attr-defined]
    assert "apt-get install graphviz" in run.err  # type: ignore[attr-defined]
    assert "Traceback" not in run.err  # type: ignore[attr-defined]
    assert not (workdir / "out.svg").exists()
    assert [path.name for path in workdir.iterdir()] == ["empty-bin"]
