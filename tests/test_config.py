"""Configuration (SPEC §4, §8 "Config files", "Limits"): discovery, validation, limits."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import tomllib
from cxj_foundation_support import INVALID, VALID, Result, write

from cxjourney.config import Config, LimitsConfig, load_settings, read_table, show_settings
from cxjourney.errors import ConfigError

Cxj = Callable[..., Result]


def source_of(cxj: Cxj) -> str:
    """The first line of --show-settings: where the configuration came from."""
    result = cxj("validate", "--show-settings")
    assert result.code == 0, result.err
    return result.out.splitlines()[0]


# --- discovery -------------------------------------------------------------------------------

def test_no_configuration(cxj: Cxj, project: Path) -> None:
    assert source_of(cxj) == "# from built-in defaults"


def test_found_walking_up_from_a_subfolder(cxj: Cxj, project: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    config = write(project / "cxj.toml", "")
    (project / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(project / "a" / "b")
    assert source_of(cxj) == f"# from {config}"


def test_the_nearest_wins(cxj: Cxj, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "cxj.toml", "")
    nearer = write(project / "a" / "pyproject.toml", "[tool.cxj]\nlang = 'fi'\n")
    (project / "a" / "b").mkdir()
    monkeypatch.chdir(project / "a" / "b")
    assert source_of(cxj) == f"# from {nearer}"


def test_cxj_toml_beats_pyproject_in_the_same_folder(cxj: Cxj, project: Path) -> None:
    write(project / "pyproject.toml", "[tool.cxj]\nlang = 'fi'\n")
    own = write(project / "cxj.toml", "")
    assert source_of(cxj) == f"# from {own}"


@pytest.mark.parametrize("pyproject", [
    "[project]\nname = 'x'\n",
    "# cxj is mentioned, but there is no table\n[tool.black]\nline-length = 1\n",
    "[tool.cxjourney-other]\nx = 1\n",
])
def test_pyproject_without_tool_cxj_is_passed_over(cxj: Cxj, project: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   pyproject: str) -> None:
    outer = write(project / "cxj.toml", "")
    write(project / "sub" / "pyproject.toml", pyproject)
    monkeypatch.chdir(project / "sub")
    assert source_of(cxj) == f"# from {outer}"


def test_config_option_names_one(cxj: Cxj, project: Path) -> None:
    write(project / "cxj.toml", "lang = 'en'\n")
    write(project / "other" / "my.toml", "lang = 'fi'\n")
    result = cxj("validate", "--show-settings", "--config", "other/my.toml")
    assert result.out.splitlines()[0] == "# from other/my.toml"
    assert tomllib.loads(result.out)["lang"] == "fi"


def test_isolated_uses_none_even_a_broken_one(cxj: Cxj, project: Path) -> None:
    write(project / "cxj.toml", "this is = not [toml\n")
    write(project / "a.journey.yaml", VALID)
    assert cxj("validate").code == 2
    result = cxj("validate", "--isolated")
    assert (result.code, result.err) == (0, "")
    assert cxj("validate", "--isolated", "--show-settings").out.splitlines()[0] == \
        "# from built-in defaults"


def test_globs_are_relative_to_the_config_folder(cxj: Cxj, project: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "cxj.toml", 'include = ["journeys/**/*.yaml"]\n'
                                'exclude = ["journeys/drafts/**"]\n')
    write(project / "journeys" / "a.yaml", VALID)
    write(project / "journeys" / "deep" / "b.yaml", VALID)
    write(project / "journeys" / "drafts" / "c.yaml", VALID)
    write(project / "journeys" / "x.journey.yml", VALID)  # include replaced the defaults
    write(project / "other" / "journeys" / "d.yaml", VALID)  # not journeys/ at the root
    assert cxj("validate", "--show-files").out == "journeys/a.yaml\njourneys/deep/b.yaml\n"
    monkeypatch.chdir(project / "journeys")
    assert cxj("validate", "--show-files").out == "a.yaml\ndeep/b.yaml\n"
    assert cxj("validate", "--show-files", "drafts").out == ""


# --- bad configuration: exit 2, naming the file, the key and what is allowed -------------------

@pytest.mark.parametrize(("text", "problems"), [
    ("lnag = 'fi'\n",
     ["unknown key 'lnag' (did you mean 'lang'?); allowed: include, exclude, lang, personas, "
      "channels, schema, lint, render, limits"]),
    ("lang = 'de'\n", ["'lang' must be one of en, fi, not 'de'"]),
    ("include = 'journeys/*.yaml'\n", ["'include' must be an array, not a string"]),
    ("channels = ['web', 3]\n", ["'channels[1]' must be a string, not an integer"]),
    ("[lint]\nfail-on = 'sometimes'\n",
     ["'lint.fail-on' must be one of error, warning, info, not 'sometimes'"]),
    ("[lint]\nchannels = []\n",
     ["unknown key 'lint.channels'; it belongs at the top level; allowed: select, ignore, "
      "extend-select, fail-on, severity, per-file-ignores, max-age-days"]),
    ("[lint.severity]\nmissing-peak = 'loud'\n",
     ["'lint.severity.\"missing-peak\"' must be one of error, warning, info, not 'loud'"]),
    ("[lint]\nmax-age-days = -1\n", ["'lint.max-age-days' must be at least 0, not -1"]),
    ("[limits]\nmax-depth = 0\nmax-nodes = true\nmax_file_size = 3\n",
     ["'limits.max-depth' must be at least 1, not 0",
      "'limits.max-nodes' must be an integer, not a boolean",
      "unknown key 'limits.max_file_size' (did you mean 'max-file-size'?); allowed: "
      "max-file-size, max-depth, max-nodes"]),
    ("[render]\nformat = 'pdf'\n",
     ["'render.format' must be one of html, md, mermaid, dot, svg, png, json, csv, not 'pdf'"]),
    ("lint = 1\n", ["'lint' must be a table, not an integer"]),
])
def test_bad_values_and_unknown_keys(cxj: Cxj, project: Path, text: str,
                                     problems: list[str]) -> None:
    config = write(project / "cxj.toml", text)
    write(project / "a.journey.yaml", INVALID)
    result = cxj("validate")
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines() == [f"cxj: error: {config}: {problem}"
                                       for problem in problems]


def test_pyproject_keys_are_named_with_their_table(cxj: Cxj, project: Path) -> None:
    config = write(project / "pyproject.toml", "[tool.cxj]\nlang = 'sv'\n"
                                               "[tool.cxj.lint]\nselct = ['ALL']\n")
    result = cxj("validate")
    assert result.code == 2
    assert result.err.splitlines() == [
        f"cxj: error: {config}: 'tool.cxj.lang' must be one of en, fi, not 'sv'",
        f"cxj: error: {config}: unknown key 'tool.cxj.lint.selct' (did you mean 'select'?); "
        "allowed: select, ignore, extend-select, fail-on, severity, per-file-ignores, "
        "max-age-days",
    ]


def test_tool_cxj_must_be_a_table(cxj: Cxj, project: Path) -> None:
    config = write(project / "pyproject.toml", "[tool]\ncxj = 1\n")
    result = cxj("validate")
    assert (result.code, result.err) == (2, f"cxj: error: {config}: [tool.cxj] must be a table\n")


def test_broken_toml(cxj: Cxj, project: Path) -> None:
    config = write(project / "cxj.toml", "include = [\n")
    result = cxj("validate")
    assert result.code == 2
    assert result.err.startswith(f"cxj: error: {config}: invalid TOML: ")
    assert len(result.err.splitlines()) == 1


def test_broken_pyproject_mentioning_cxj_is_reported(cxj: Cxj, project: Path) -> None:
    config = write(project / "pyproject.toml", "[tool.cxj\nlang = 'fi'\n")
    result = cxj("validate")
    assert result.code == 2
    assert result.err.startswith(f"cxj: error: {config}: invalid TOML: ")


def test_config_not_utf8(cxj: Cxj, project: Path) -> None:
    config = write(project / "cxj.toml", b"lang = '\xe4'\n")
    result = cxj("validate")
    assert (result.code, result.err) == (
        2, f"cxj: error: cannot read the configuration file {config}: it is not UTF-8\n")


def test_missing_config_option_file(cxj: Cxj, project: Path) -> None:
    result = cxj("validate", "--config", "nope.toml")
    assert (result.code, result.err) == (
        2, "cxj: error: cannot read the configuration file nope.toml: "
           "No such file or directory\n")


# --- limits from the configuration ----------------------------------------------------------

@pytest.mark.parametrize(("table", "expected"), [
    ("[limits]\nmax-file-size = 30\n",
     "a.journey.yaml:1:1: error CXJ011 limit-exceeded: the file is 52 bytes; the limit is 30 "
     "(limit max-file-size)"),
    ("[limits]\nmax-depth = 2\n",
     "a.journey.yaml:4:5: error CXJ011 limit-exceeded: collections are nested more than 2 "
     "deep (limit max-depth)"),
    ("[limits]\nmax-nodes = 6\n",
     "a.journey.yaml:4:3: error CXJ011 limit-exceeded: the document expands to more than 6 "
     "nodes (limit max-nodes; aliases count once for every node they repeat)"),
])
def test_limits_are_configurable(cxj: Cxj, project: Path, table: str, expected: str) -> None:
    write(project / "a.journey.yaml", VALID)
    assert cxj("validate").code == 0
    write(project / "cxj.toml", table)
    result = cxj("validate")
    assert result.code == 1
    assert result.out.splitlines() == [expected,
                                       "Checked 1 file: 1 error, 0 warnings, 0 infos."]


def test_limits_in_pyproject(cxj: Cxj, project: Path) -> None:
    write(project / "pyproject.toml", "[tool.cxj.limits]\nmax-depth = 2\n")
    write(project / "a.journey.yaml", VALID)
    assert cxj("validate").out.startswith("a.journey.yaml:4:5: error CXJ011 limit-exceeded:")


def test_limits_apply_to_the_personas_file(cxj: Cxj, project: Path) -> None:
    write(project / "cxj.toml", "personas = 'p.yaml'\n[limits]\nmax-nodes = 4\n")
    write(project / "p.yaml", "- id: a\n  name: A\n")
    write(project / "a.journey.yaml", "cxj: 1\n")
    result = cxj("validate", "--format", "json")
    paths = [(f["path"], f["code"]) for f in json.loads(result.out)["findings"]]
    assert ("p.yaml", "CXJ011") in paths


# --- the library side --------------------------------------------------------------------------

def test_settings_root_is_the_config_folder(project: Path) -> None:
    write(project / "cfg" / "cxj.toml", "personas = 'people.yaml'\n")
    settings = load_settings(project / "cfg" / "cxj.toml")
    assert settings.root == (project / "cfg").resolve()
    assert settings.personas_path == (project / "cfg").resolve() / "people.yaml"


def test_show_settings_reads_back_as_the_same_config(project: Path) -> None:
    config = write(project / "cxj.toml", (
        'include = ["j/**/*.yaml"]\nexclude = ["x/**"]\nlang = "fi"\nchannels = ["web"]\n'
        '[lint]\nselect = ["CXJ1"]\nfail-on = "info"\nmax-age-days = 30\n'
        'severity = { missing-peak = "error" }\nper-file-ignores = { "a/**" = ["CXJ2"] }\n'
        '[render]\nformat = "md"\n[limits]\nmax-nodes = 10\n'))
    settings = load_settings(config)
    shown = show_settings(settings)
    assert shown.splitlines()[0] == f"# from {config}"
    problems: list[str] = []
    assert read_table(Config, tomllib.loads(shown), "", problems) == settings.config
    assert problems == []


def test_config_error_type(project: Path) -> None:
    write(project / "cxj.toml", "foo = 1\n")
    with pytest.raises(ConfigError):
        load_settings()
    assert LimitsConfig().max_file_size == 5_242_880
