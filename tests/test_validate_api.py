"""The library (SPEC §7): ``cxjourney.load`` and ``cxjourney.validate``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from cxj_foundation_support import EXAMPLES, INVALID, VALID, write

import cxjourney
from cxjourney.checker import Report, check
from cxjourney.config import Config, LimitsConfig, Settings
from cxjourney.errors import CxjError, JourneyError
from cxjourney.loader import FileLimits
from cxjourney.model import Journey, Persona


def test_load_a_valid_journey(project: Path) -> None:
    write(project / "Käytön Loppu.journey.yaml", VALID + "  - name: Käyttö\n")
    journey = cxjourney.load("Käytön Loppu.journey.yaml")
    assert isinstance(journey, Journey)
    assert journey.id == "kayton-loppu"  # from the file name
    assert [stage.id for stage in journey.stages] == ["awareness", "kaytto"]
    assert journey.node is not None and journey.node.start.line == 1


def test_load_an_invalid_journey_raises_with_every_finding(project: Path) -> None:
    write(project / "bad.journey.yaml", INVALID)
    with pytest.raises(JourneyError) as raised:
        cxjourney.load(Path("bad.journey.yaml"))
    error = raised.value
    assert error.path == "bad.journey.yaml"
    assert [(f.line, f.column, f.code) for f in error.findings] == [
        (4, 5, "CXJ005"), (5, 5, "CXJ005"), (6, 1, "CXJ004")]
    assert str(error) == ("invalid journey bad.journey.yaml:4:5: missing required key 'name' "
                          "(and 2 more)")


def test_load_missing_or_a_folder(project: Path) -> None:
    with pytest.raises(FileNotFoundError):
        cxjourney.load("nope.journey.yaml")
    (project / "dir.journey.yaml").mkdir()
    with pytest.raises(FileNotFoundError):
        cxjourney.load("dir.journey.yaml")


def test_load_uses_the_discovered_configuration(project: Path) -> None:
    write(project / "cxj.toml", 'personas = "p.yaml"\n[limits]\nmax-nodes = 1000\n')
    write(project / "p.yaml", "- id: parent\n  name: Budget-minded parent\n")
    write(project / "a.journey.yaml", VALID + "persona: parent\n")
    journey = cxjourney.load("a.journey.yaml")
    assert isinstance(journey.persona, Persona)
    assert journey.persona.name == "Budget-minded parent"
    with pytest.raises(JourneyError) as raised:
        cxjourney.load("a.journey.yaml", Settings(root=project))  # no personas file
    assert [f.code for f in raised.value.findings] == ["CXJ009"]


def test_load_with_explicit_settings(project: Path) -> None:
    write(project / "a.journey.yaml", VALID)
    tight = Settings(config=Config(limits=LimitsConfig(max_nodes=3)), root=project)
    assert tight.file_limits == FileLimits(max_nodes=3)
    with pytest.raises(JourneyError) as raised:
        cxjourney.load("a.journey.yaml", tight)
    assert [f.code for f in raised.value.findings] == ["CXJ011"]


def test_load_when_the_personas_file_is_missing(project: Path) -> None:
    write(project / "cxj.toml", 'personas = "p.yaml"\n')
    write(project / "a.journey.yaml", VALID)
    with pytest.raises(CxjError, match=r"cannot read the personas file p\.yaml"):
        cxjourney.load("a.journey.yaml")


def test_validate_returns_a_report(project: Path) -> None:
    write(project / "j" / "good.journey.yaml", VALID)
    write(project / "j" / "bad.journey.yaml", INVALID)
    report = cxjourney.validate(["j", "missing.yaml"])
    assert isinstance(report, Report)
    assert [result.path for result in report.files] == ["j/bad.journey.yaml",
                                                        "j/good.journey.yaml"]
    assert [result.valid for result in report.files] == [False, True]
    assert report.files[1].journey is not None and report.files[1].journey.id == "good"
    assert report.files[0].journey is None
    assert report.problems == ("path not found: missing.yaml",)
    assert report.exit_code() == 2
    assert [(f.path, f.code) for f in report.findings] == [
        ("j/bad.journey.yaml", "CXJ005"), ("j/bad.journey.yaml", "CXJ005"),
        ("j/bad.journey.yaml", "CXJ004")]


def test_validate_one_path_and_exit_codes(project: Path) -> None:
    write(project / "good.journey.yaml", VALID)
    write(project / "bad.journey.yaml", INVALID)
    assert cxjourney.validate("good.journey.yaml").exit_code() == 0
    assert cxjourney.validate(Path("bad.journey.yaml")).exit_code() == 1
    assert cxjourney.validate(["bad.journey.yaml"]).exit_code(exit_zero=True) == 0
    assert cxjourney.validate([]).files == cxjourney.validate(["."]).files


def test_validate_the_examples() -> None:
    report = cxjourney.validate([EXAMPLES], Settings(root=EXAMPLES))
    assert len(report.files) >= 3
    assert report.findings == [] and report.problems == ()


def test_import_cxjourney_stays_cheap() -> None:
    code = ("import sys, cxjourney; print(sorted(m for m in sys.modules "
            "if m.startswith(('cxjourney.', 'ruamel', 'typer', 'jinja2', 'rich'))))")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               check=True, timeout=60)
    assert completed.stdout.strip() == "[]"


@pytest.mark.parametrize(("name", "journey_id"), [
    ("winter-coat.journey.yaml", "winter-coat"), ("Talvi Takki.journey.yml", "talvi-takki"),
    ("Ääni.YAML", "aani"), ("plain.yml", "plain"), ("???.journey.yaml", "journey"),
    ("x" * 70 + ".journey.yaml", "x" * 64), ("a.b.json", "a-b-json"),
])
def test_default_journey_ids_from_file_names(project: Path, name: str, journey_id: str) -> None:
    write(project / name, VALID)
    assert cxjourney.load(name).id == journey_id


def test_default_ids_on_standard_input(project: Path) -> None:
    settings = Settings(root=project)
    plain = check(["-"], settings, stdin=VALID.encode())
    assert [(r.path, r.journey.id if r.journey else None) for r in plain.files] == [
        ("-", "stdin")]
    named = check(["-"], settings, stdin=VALID.encode(),
                  stdin_filename="./j/Winter Coat.journey.yml")
    assert [(r.path, r.journey.id if r.journey else None) for r in named.files] == [
        ("j/Winter Coat.journey.yml", "winter-coat")]
    explicit = check(["-"], settings, stdin=b"id: mine\n" + VALID.encode())
    assert explicit.files[0].journey is not None and explicit.files[0].journey.id == "mine"
