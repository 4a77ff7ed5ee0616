"""Selectors (SPEC §8 "Selectors"): codes, names and prefixes everywhere a rule is named;
specificity between `select` and `ignore`; per-file ignores; severity keys; the command
line over the configuration; unknown selectors are exit 2 with a suggestion."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cxj_lint_support import Run, write_config

from cxjourney import fastpath

Lint = Callable[..., Run]

# Fires twelve rules across the three families (and neither CXJ101 nor CXJ105).
SINK = """\
cxj: 1
title: Everything wrong
stages:
  - name: Browse
    pain_points: [Slow]
    touchpoints: [Web shop]
    metrics:
      - {name: Conversion, target: 5, actual: 3}
      - {name: Visits}
  - name: Buy
    emotions:
      - {text: Angry, score: -2}
    actions: [Pay, pay]
peak:
  stage: buy
"""
ALL_SINK = {"CXJ102", "CXJ106", "CXJ201", "CXJ202", "CXJ203", "CXJ204", "CXJ301", "CXJ302",
            "CXJ303", "CXJ304", "CXJ306", "CXJ307"}
CXJ1 = {"CXJ102", "CXJ106"}
CXJ2 = {"CXJ201", "CXJ202", "CXJ203", "CXJ204"}
CXJ3 = {"CXJ301", "CXJ302", "CXJ303", "CXJ304", "CXJ306", "CXJ307"}
USAGE = ("use a code (CXJ201), a prefix (CXJ2), a rule name (stage-without-metrics) or ALL")


def codes(result: Run) -> set[str]:
    assert result.code in (0, 1), result.err
    return {code for _, _, code in result.findings()}


@pytest.mark.parametrize(("config", "expected"), [
    ({}, ALL_SINK),
    ({"select": ["ALL"]}, ALL_SINK),
    ({"select": ["CXJ2"]}, CXJ2),
    ({"select": ["CXJ"], "ignore": ["ALL"]}, ALL_SINK),  # "CXJ" is a (short) prefix
    # An ignore at least as specific as the select wins ...
    ({"select": ["CXJ2"], "ignore": ["CXJ20"]}, set()),
    ({"select": ["ALL"], "ignore": ["ALL"]}, set()),
    ({"select": ["CXJ201"], "ignore": ["stage-without-metrics"]}, set()),
    ({"select": ["stage-without-metrics"], "ignore": ["CXJ201"]}, set()),
    # ... a more specific select wins over the ignore.
    ({"select": ["CXJ20"], "ignore": ["CXJ2"]}, CXJ2),
    ({"select": ["CXJ201"], "ignore": ["CXJ20"]}, {"CXJ201"}),
    ({"select": ["stage-without-metrics", "CXJ3"], "ignore": ["CXJ2", "CXJ30"]},
     {"CXJ201"}),
    ({"select": ["CXJ3"], "ignore": ["ALL"]}, CXJ3),
    ({"ignore": ["CXJ3", "metric-without-target"]}, CXJ1 | CXJ2 - {"CXJ203"}),
    # extend-select adds to select; ignore still judges by specificity.
    ({"select": ["CXJ1"], "extend-select": ["metric-off-target"]}, CXJ1 | {"CXJ204"}),
    ({"select": ["CXJ1"], "extend-select": ["CXJ2"], "ignore": ["CXJ20"]}, CXJ1),
    # A matching per-file-ignores entry always disables, however specific the select.
    ({"select": ["CXJ201"], "per-file-ignores": {"*.journey.yaml": ["CXJ2"]}}, set()),
    ({"per-file-ignores": {"case.journey.yaml": ["stage-without-metrics", "CXJ3"]}},
     ALL_SINK - CXJ3 - {"CXJ201"}),
    ({"per-file-ignores": {"legacy/**": ["ALL"]}}, ALL_SINK),
])
def test_config_selection(lint_source: Lint, config: dict[str, Any],
                          expected: set[str]) -> None:
    assert codes(lint_source(SINK, config)) == expected


@pytest.mark.parametrize(("config", "args", "expected"), [
    ({"select": ["CXJ3"]}, ["--select", "CXJ2"], CXJ2),  # --select replaces
    ({"select": ["CXJ3"]}, ["--select=CXJ2"], CXJ2),
    ({"ignore": ["CXJ201"]}, ["--select", "CXJ2"], CXJ2 - {"CXJ201"}),  # config ignore stays
    ({"ignore": ["CXJ3"]}, ["--ignore", "CXJ1"], CXJ2),  # --ignore adds
    ({"select": ["CXJ1"]}, ["--extend-select", "CXJ3"], CXJ1 | CXJ3),  # --extend-select adds
    ({"select": ["CXJ1"], "extend-select": ["CXJ203"]}, ["--extend-select", "CXJ204"],
     CXJ1 | {"CXJ203", "CXJ204"}),
    ({"extend-select": ["CXJ203"]}, ["--select", "CXJ1"], CXJ1 | {"CXJ203"}),
    ({}, ["--select", "CXJ201,CXJ301"], {"CXJ201", "CXJ301"}),  # comma-separated
    ({}, ["--select", "CXJ201", "--select", "CXJ301"], {"CXJ201", "CXJ301"}),  # repeated
    ({}, ["--select", " CXJ201 , stage-without-touchpoints,"], {"CXJ201", "CXJ301"}),
    ({}, ["--ignore", "CXJ1,CXJ3", "--ignore", "metric-without-target"],
     CXJ2 - {"CXJ203"}),
    ({}, ["--select", "CXJ2", "--ignore", "CXJ20", "--extend-select", "CXJ202"],
     {"CXJ202"}),
])
@pytest.mark.parametrize("command_line", ["fast path", "typer"])
def test_command_line_over_config(lint_source: Lint, monkeypatch: pytest.MonkeyPatch,
                                  command_line: str, config: dict[str, Any], args: list[str],
                                  expected: set[str]) -> None:
    if command_line == "typer":  # both parsers of the command line must agree
        monkeypatch.setattr(fastpath, "run", lambda args: None)
    assert codes(lint_source(SINK, config or None, extra=tuple(args))) == expected


def severities(result: Run) -> dict[str, str]:
    return {f["code"]: f["severity"] for f in result.json()["findings"]}


@pytest.mark.parametrize(("severity", "changed"), [
    ({"CXJ2": "info", "CXJ201": "error"},
     {"CXJ201": "error", "CXJ202": "info", "CXJ203": "info", "CXJ204": "info"}),
    ({"CXJ201": "error", "CXJ2": "info"},  # the order of the keys does not matter
     {"CXJ201": "error", "CXJ202": "info", "CXJ203": "info", "CXJ204": "info"}),
    # Equally specific keys (a code and its name): the one written last wins.
    ({"CXJ201": "error", "stage-without-metrics": "info"}, {"CXJ201": "info"}),
    ({"stage-without-metrics": "info", "CXJ201": "error"}, {"CXJ201": "error"}),
    ({"stage-without-metrics": "warning", "CXJ201": "error", "CXJ2": "info"},
     {"CXJ201": "error", "CXJ202": "info", "CXJ203": "info", "CXJ204": "info"}),
    ({"ALL": "info", "stage-without-metrics": "error", "CXJ30": "warning"},
     dict.fromkeys(ALL_SINK, "info") | {"CXJ201": "error"}
     | {code: "warning" for code in CXJ3 if code.startswith("CXJ30")}),
])
def test_severity_keys_most_specific_wins(lint_source: Lint, severity: dict[str, str],
                                          changed: dict[str, str]) -> None:
    default = severities(lint_source(SINK))
    assert default == {"CXJ102": "warning", "CXJ106": "warning", "CXJ201": "warning",
                       "CXJ202": "error", "CXJ203": "info", "CXJ204": "warning",
                       "CXJ301": "warning", "CXJ302": "info", "CXJ303": "warning",
                       "CXJ304": "warning", "CXJ306": "info", "CXJ307": "info"}
    assert severities(lint_source(SINK, {"severity": severity})) == default | changed


def test_severity_overrides_decide_the_exit_code(lint_source: Lint) -> None:
    result = lint_source(SINK, {"severity": {"ALL": "info"}})
    assert result.json()["summary"] == {"files": 1, "errors": 0, "warnings": 0, "infos": 13}
    assert result.code == 0


@pytest.mark.parametrize(("args", "message"), [
    (["--select", "stage-without-metric"],
     "--select: 'stage-without-metric' matches no lint rule (did you mean "
     f"'stage-without-metrics'?); {USAGE}"),
    (["--ignore", "CXJ201,CXJ2O1"],
     f"--ignore: 'CXJ2O1' matches no lint rule (did you mean 'CXJ201'?); {USAGE}"),
    (["--extend-select", "metric-of-target"],
     "--extend-select: 'metric-of-target' matches no lint rule (did you mean "
     f"'metric-off-target'?); {USAGE}"),
    (["--select", "all"], f"--select: 'all' matches no lint rule (did you mean 'ALL'?); {USAGE}"),
    (["--select", "CXJ006"],
     "--select: 'CXJ006' matches no lint rule (did you mean 'CXJ306'?); validation errors "
     f"(CXJ001-CXJ012) are not lint rules and always reported; {USAGE}"),
    (["--ignore", "CXJ0"],
     "--ignore: 'CXJ0' matches no lint rule (did you mean 'CXJ309'?); validation errors "
     f"(CXJ001-CXJ012) are not lint rules and always reported; {USAGE}"),
    (["--select", "CXJ4"],
     f"--select: 'CXJ4' matches no lint rule (did you mean 'CXJ304'?); {USAGE}"),
])
@pytest.mark.parametrize("command_line", ["fast path", "typer"])
def test_unknown_selector_on_the_command_line(lint_source: Lint,
                                              monkeypatch: pytest.MonkeyPatch,
                                              command_line: str, args: list[str],
                                              message: str) -> None:
    if command_line == "typer":
        monkeypatch.setattr(fastpath, "run", lambda args: None)
    result = lint_source(SINK, extra=tuple(args))
    assert (result.code, result.out, result.err) == (2, "", f"cxj: error: {message}\n")


@pytest.mark.parametrize(("config", "where", "bad", "close"), [
    ({"select": ["CXJ1", "stage-without-metric"]}, "[lint] select",
     "stage-without-metric", "stage-without-metrics"),
    ({"ignore": ["CXJ0"]}, "[lint] ignore", "CXJ0", "CXJ309"),
    ({"extend-select": ["CXJ30O"]}, "[lint] extend-select", "CXJ30O", "CXJ309"),
    ({"severity": {"missing-peek": "error"}}, "[lint] severity", "missing-peek",
     "missing-peak"),
    ({"per-file-ignores": {"legacy/**": ["CXJ2", "duplicate-entries"]}},
     '[lint] per-file-ignores "legacy/**"', "duplicate-entries", "duplicate-entry"),
])
def test_unknown_selector_in_the_config(lint_source: Lint, tmp_path: Path,
                                        config: dict[str, Any], where: str, bad: str,
                                        close: str) -> None:
    result = lint_source(SINK, config)
    validation = ("validation errors (CXJ001-CXJ012) are not lint rules and always reported; "
                  if bad.startswith("CXJ0") else "")
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"cxj: error: {tmp_path / 'cxj.toml'}: {where}: '{bad}' matches no "
                          f"lint rule (did you mean '{close}'?); {validation}{USAGE}\n")


def test_a_bad_configured_select_replaced_on_the_command_line_is_not_used(
        lint_source: Lint) -> None:
    result = lint_source(SINK, {"select": ["nonsense"]}, extra=("--select", "CXJ201"))
    assert codes(result) == {"CXJ201"}


def test_unknown_selector_in_a_comment_is_a_finding_not_an_exit_2(lint_source: Lint) -> None:
    result = lint_source(SINK.replace("  - name: Buy", "  - name: Buy  # cxj: ignore[CXJ0]"),
                         extra=("--select", "CXJ309"))
    assert result.messages() == [(10, 16, "CXJ309", "unused suppression 'CXJ0' (unknown rule)")]
    assert result.code == 0


@pytest.mark.parametrize("selector", ["CXJ201", "stage-without-metrics", "CXJ20", "CXJ2",
                                      "ALL"])
def test_every_form_works_in_an_inline_comment(lint_source: Lint, selector: str) -> None:
    source = SINK.replace("  - name: Buy", f"  - name: Buy  # cxj: ignore[{selector}]")
    found = codes(lint_source(source, extra=("--select", "CXJ201,CXJ309")))
    assert found == set()


def test_config_files_resolve_from_pyproject_too(cxj: Callable[..., Run], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "case.journey.yaml").write_text(SINK, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cxj.lint]\nselect = ["CXJ2"]\nignore = ["metric-off-target"]\n',
        encoding="utf-8")
    result = cxj("lint", "--format", "json", "case.journey.yaml")
    assert codes(result) == CXJ2 - {"CXJ204"}
    write_config(tmp_path, {"select": ["CXJ3"]})  # cxj.toml wins in the same folder
    assert codes(cxj("lint", "--format", "json", "case.journey.yaml")) == CXJ3


@pytest.mark.parametrize(("cwd", "path"), [
    (".", "legacy/old.journey.yaml"),
    (".", "./legacy/old.journey.yaml"),
    (".", "@ABSOLUTE@"),
    (".", "legacy"),
    ("legacy", "old.journey.yaml"),
])
def test_per_file_ignores_match_paths_relative_to_the_config(
        cxj: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cwd: str,
        path: str) -> None:
    (tmp_path / "legacy").mkdir()
    target = tmp_path / "legacy" / "old.journey.yaml"
    target.write_text(SINK, encoding="utf-8")
    write_config(tmp_path, {"per-file-ignores": {"legacy/**": ["CXJ2", "CXJ3"]}})
    monkeypatch.chdir(tmp_path / cwd)
    result = cxj("lint", "--format", "json", str(target) if path == "@ABSOLUTE@" else path)
    assert codes(result) == CXJ1


def test_per_file_ignores_use_the_stdin_filename(cxj: Callable[..., Run], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.chdir(tmp_path)
    write_config(tmp_path, {"per-file-ignores": {"legacy/**": ["CXJ2", "CXJ3"]}})

    def lint_stdin(*args: str) -> Run:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SINK.encode())))
        return cxj("lint", "--format", "json", *args, "-")

    named = lint_stdin("--stdin-filename", "legacy/old.journey.yaml")
    assert codes(named) == CXJ1
    assert {f["path"] for f in named.json()["findings"]} == {"legacy/old.journey.yaml"}
    assert codes(lint_stdin()) == ALL_SINK
