"""``cxj show``: the terminal view, readable in 80 columns."""

from __future__ import annotations

from pathlib import Path

from authoring_support import EXAMPLES, FLAGSHIP, Run, load
from rich.console import Console

from cxjourney import linter
from cxjourney.checker import check
from cxjourney.config import Settings
from cxjourney.show import curve_lines, render


def view(path: Path, width: int = 80) -> str:
    report = check([str(path)], Settings(), analyzer=linter.analyze)
    result = report.files[-1]
    assert result.journey is not None
    console = Console(width=width, record=True, color_system=None, force_terminal=False)
    render(result.journey, list(result.findings), console)
    return console.export_text()


def test_every_example_fits_in_80_columns() -> None:
    for example in sorted(EXAMPLES.glob("*.journey.yaml")):
        lines = view(example).splitlines()
        assert max(len(line) for line in lines) <= 80, example.name


def test_the_flagship_view_shows_persona_stages_curve_peak_end_and_lint() -> None:
    text = view(FLAGSHIP)
    for expected in ("Talvitakin osto lapselle", "Asiakaspersoona: 35-vuotias nainen",
                     "3. Ostaminen (ostaminen)  score +2.0  [PEAK]",
                     "4. Käyttö (kaytto)  score +1.0  [END]",
                     "Peak: Ostaminen — Tämä, koska ainut kontakti", "End: Käyttö — On",
                     "Scores: 1 Havahtuminen -1.0, 2 Vertailu +0.5, 3 Ostaminen +2.0",
                     "0 errors, 2 warnings, 8 infos", "CXJ103 end-not-last"):
        assert expected in text, expected


def test_the_curve_marks_each_stage_on_its_rounded_score() -> None:
    journey = load(FLAGSHIP.read_bytes(), FLAGSHIP.name)
    lines = curve_lines(journey, 80)
    rows = {line[:2]: line for line in lines[:5]}
    assert rows["+2"].count("●") == 1  # Ostaminen
    assert rows["+1"].count("●") == 2  # Vertailu (+0.5 rounds away from zero), Käyttö
    assert rows["-1"].count("●") == 2
    assert "–" not in lines[-2]


def test_a_stage_without_a_score_shows_a_dash() -> None:
    journey = load("cxj: 1\ntitle: T\nstages:\n  - name: A\n  - name: B\n"
                   "    emotions: [{text: x, score: 2}]\n")
    lines = curve_lines(journey, 80)
    assert lines[-2].split() == ["–", "+2.0"]
    assert lines[-1] == "Scores: 1 A –, 2 B +2.0"


def test_twelve_stages_still_fit(tmp_path: Path) -> None:
    stages = "".join(f"  - name: Stage number {index}\n    emotions: [{{text: x, score: "
                     f"{index % 5 - 2}}}]\n" for index in range(12))
    path = tmp_path / "long.journey.yaml"
    path.write_text(f"cxj: 1\ntitle: Long\nstages:\n{stages}", encoding="utf-8")
    assert max(len(line) for line in view(path).splitlines()) <= 80


def test_the_command_prints_the_view_and_exits_0(cli: Run) -> None:
    result = cli("show", str(FLAGSHIP), "--color", "never")
    assert result.code == 0
    assert "Emotion curve" in result.out and "\x1b[" not in result.out


def test_an_invalid_journey_exits_1_with_its_findings(cli: Run, workdir: Path) -> None:
    (workdir / "bad.journey.yaml").write_text("cxj: 1\ntitle: T\n", encoding="utf-8")
    result = cli("show", "bad.journey.yaml")
    assert result.code == 1
    assert "CXJ005 missing-key" in result.out
    assert "not a valid journey" in result.err


def test_standard_input(cli: Run, workdir: Path) -> None:
    result = cli("show", "-", stdin=FLAGSHIP.read_bytes())
    assert result.code == 0
    assert "Talvitakin osto lapselle" in result.out
