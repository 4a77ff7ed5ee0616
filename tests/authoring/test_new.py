"""``cxj new``: starter journeys that validate, lint clean and carry the editor modeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from authoring_support import Run, load

STAGES = {
    ("purchase", "en"): ["Awareness", "Comparison", "Purchase", "Use", "End of use"],
    ("purchase", "fi"): ["Havahtuminen", "Vertailu", "Ostaminen", "Käyttö",
                         "Käytön lopettaminen"],
}


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_purchase_starter_has_the_seeds_five_stages(cli: Run, workdir: Path,
                                                        lang: str) -> None:
    result = cli("new", "--lang", lang)
    assert result.code == 0
    journey = load(result.out)
    assert [stage.name for stage in journey.stages] == STAGES[("purchase", lang)]
    assert journey.lang == lang
    assert journey.peak is not None and journey.end is not None
    assert journey.end.stage == journey.stages[-1].id


@pytest.mark.parametrize("starter", ["purchase", "service", "blank"])
@pytest.mark.parametrize("lang", ["en", "fi"])
def test_every_starter_validates_and_is_formatted(cli: Run, workdir: Path, starter: str,
                                                 lang: str) -> None:
    text = cli("new", "--starter", starter, "--lang", lang).out
    load(text)
    assert cli("validate", "-", stdin=text).code == 0
    assert cli("fmt", "--check", "-", stdin=text).code == 0


@pytest.mark.parametrize("starter", ["purchase", "service"])
@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_full_starters_lint_clean(cli: Run, workdir: Path, starter: str,
                                      lang: str) -> None:
    text = cli("new", "--starter", starter, "--lang", lang).out
    result = cli("lint", "-", "--stdin-filename", "new.journey.yaml", stdin=text)
    assert (result.code, result.out) == (
        0, "Checked 1 file: 0 errors, 0 warnings, 0 infos.\n")


def test_title_and_config_language(cli: Run, workdir: Path) -> None:
    (workdir / "cxj.toml").write_text('lang = "fi"\nchannels = ["store"]\n',
                                      encoding="utf-8")
    journey = load(cli("new", "--title", "Talvitakki verkosta").out)
    assert (journey.title, journey.lang) == ("Talvitakki verkosta", "fi")
    touchpoint = journey.stages[0].touchpoints[0]
    assert touchpoint.channel == "store"  # the configured vocabulary's first channel


def test_without_a_schema_there_is_no_modeline_and_a_hint(cli: Run, workdir: Path) -> None:
    result = cli("new")
    assert result.out.startswith("cxj: 1\n")
    assert result.err.startswith("cxj: hint: no `schema` configured")
    assert "cxj schema -o" in result.err


def test_a_schema_path_is_made_relative_to_the_new_file(cli: Run, workdir: Path) -> None:
    (workdir / "cxj.toml").write_text('schema = "schemas/journey.schema.json"\n',
                                      encoding="utf-8")
    result = cli("new", "journeys/retail/coat.journey.yaml")
    assert result.code == 0
    text = (workdir / "journeys" / "retail" / "coat.journey.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/journey.schema."
                           "json\ncxj: 1\n")
    assert "hint" not in result.err
    load(text)


def test_a_schema_url_is_written_as_is(cli: Run, workdir: Path) -> None:
    url = "https://example.com/schemas/journey.schema.json"
    (workdir / "cxj.toml").write_text(f'schema = "{url}"\n', encoding="utf-8")
    assert cli("new").out.startswith(f"# yaml-language-server: $schema={url}\n")


def test_new_never_overwrites(cli: Run, workdir: Path) -> None:
    (workdir / "x.journey.yaml").write_text("mine\n", encoding="utf-8")
    result = cli("new", "x.journey.yaml")
    assert result.code == 2
    assert result.err == "cxj: error: x.journey.yaml exists; cxj new never overwrites a file\n"
    assert (workdir / "x.journey.yaml").read_text(encoding="utf-8") == "mine\n"


def test_a_bad_starter_is_a_usage_error(cli: Run, workdir: Path) -> None:
    assert cli("new", "--starter", "nope").code == 2
