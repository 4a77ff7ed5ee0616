"""`cxj lint` reports (SPEC §6): exact output per format against reviewed golden files,
schema validity, fingerprints, escaping, the report options and the exit codes.

Regenerate the golden files with ``CXJ_UPDATE_GOLDEN=1`` and review the diff.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import xmlschema
from cxj_lint_support import GOLDEN, SCHEMAS, Run, write_config

from cxjourney import __version__, rules
from cxjourney.checker import FileResult, Report
from cxjourney.findings import VALIDATION_CODES, Finding, Severity
from cxjourney.reporters import ReportOptions, fingerprints, github

Cxj = Callable[..., Run]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "report"
GOLDEN_FILES = {"text": "lint.txt", "json": "lint.json", "github": "lint.github.txt",
                "sarif": "lint.sarif.json", "junit": "lint.junit.xml",
                "gitlab": "lint.gitlab.json"}
SUMMARY = "Checked 3 files: 2 errors, 2 warnings, 2 infos.\n"


@pytest.fixture
def in_fixture(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(FIXTURE)
    return FIXTURE


def _normalised(text: str) -> str:
    """The version is the only part of a report that changes with a release."""
    return text.replace(f'"{__version__}"', '"@VERSION@"')


@pytest.mark.parametrize("report_format", list(GOLDEN_FILES))
def test_golden_report(cxj: Cxj, in_fixture: Path, report_format: str) -> None:
    result = cxj("lint", "--isolated", "--format", report_format, "journeys")
    assert (result.code, result.err) == (1, "")
    golden = GOLDEN / GOLDEN_FILES[report_format]
    if os.environ.get("CXJ_UPDATE_GOLDEN"):
        golden.write_text(_normalised(result.out), encoding="utf-8")
    assert _normalised(result.out) == golden.read_text(encoding="utf-8")


def _sarif(cxj: Cxj, *args: str) -> dict[str, Any]:
    result = cxj("lint", "--isolated", "--format", "sarif", *args)
    data: dict[str, Any] = json.loads(result.out)
    return data


def _validate_sarif(log: dict[str, Any]) -> None:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [error.message for error in validator.iter_errors(log)]
    assert errors == []


def test_sarif_is_valid_against_the_oasis_schema(cxj: Cxj, in_fixture: Path) -> None:
    _validate_sarif(_sarif(cxj, "journeys"))
    _validate_sarif(_sarif(cxj, "journeys/clean.journey.yaml"))


def test_the_sarif_validator_does_reject_a_broken_log(cxj: Cxj, in_fixture: Path) -> None:
    log = _sarif(cxj, "journeys")
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError):
        _validate_sarif(log)


def test_sarif_lists_every_code_and_points_results_at_them(cxj: Cxj, in_fixture: Path) -> None:
    run = _sarif(cxj, "journeys")["runs"][0]
    descriptors = run["tool"]["driver"]["rules"]
    assert [d["id"] for d in descriptors] == \
        [code.code for code in VALIDATION_CODES] + [rule.code for rule in rules.RULES]
    assert len(descriptors) == 32
    assert descriptors[0]["id"] == "CXJ001" and descriptors[-1]["id"] == "CXJ309"
    for descriptor in descriptors:
        assert set(descriptor) == {"id", "name", "shortDescription", "fullDescription", "help",
                                   "defaultConfiguration"}
        assert descriptor["shortDescription"]["text"] and descriptor["help"]["text"]
    levels = {d["id"]: d["defaultConfiguration"]["level"] for d in descriptors}
    assert (levels["CXJ004"], levels["CXJ202"], levels["CXJ201"], levels["CXJ203"]) == \
        ("error", "error", "warning", "note")
    assert run["columnKind"] == "unicodeCodePoints"
    for result in run["results"]:
        assert descriptors[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%"
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"]} == {"journeys/caf%C3%A9%20shop.journey.yaml",
                                         "journeys/invalid.journey.yaml"}


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_junit_is_valid_against_the_jenkins_schema(cxj: Cxj, in_fixture: Path,
                                                    fail_on: str) -> None:
    schema = xmlschema.XMLSchema(str(SCHEMAS / "junit-10.jenkins-xunit.xsd"))
    result = cxj("lint", "--isolated", "--format", "junit", "--fail-on", fail_on, "journeys")
    assert [str(error) for error in schema.iter_errors(result.out)] == []
    failures = {"error": 2, "warning": 4, "info": 6}[fail_on]
    assert result.out.count("<failure ") == failures
    assert ' time="' not in result.out


def test_the_junit_validator_does_reject_a_broken_report(cxj: Cxj, in_fixture: Path) -> None:
    schema = xmlschema.XMLSchema(str(SCHEMAS / "junit-10.jenkins-xunit.xsd"))
    # A test case must have a name.
    broken = cxj("lint", "--isolated", "--format", "junit", "journeys").out.replace(
        ' name="cxj"/>', "/>", 1)
    assert list(schema.iter_errors(broken))


# --- fingerprints ------------------------------------------------------------------------

TWINS = """\
cxj: 1
title: Twins
stages:
  - name: Measure
    metrics:
      - {name: Visits}
      - {name: Visits}
"""


def _fingerprinted(cxj: Cxj, report_format: str) -> list[tuple[str, int, str]]:
    result = cxj("lint", "--isolated", "--format", report_format, "--select", "CXJ203,CXJ306",
                 "twins.journey.yaml")
    if report_format == "gitlab":
        return [(issue["check_name"], issue["location"]["lines"]["begin"],
                 issue["fingerprint"]) for issue in json.loads(result.out)]
    return [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["partialFingerprints"]["cxj/v1"]) for r in json.loads(result.out)["runs"][0][
                 "results"]]


@pytest.mark.parametrize("report_format", ["sarif", "gitlab"])
def test_fingerprints_survive_lines_inserted_above(cxj: Cxj, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   report_format: str) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "twins.journey.yaml"
    path.write_text(TWINS, encoding="utf-8")
    before = _fingerprinted(cxj, report_format)
    path.write_text("# A comment\n# and another\n" + TWINS, encoding="utf-8")
    after = _fingerprinted(cxj, report_format)
    assert [(code, line) for code, line, _ in before] == \
        [("CXJ203", 6), ("CXJ203", 7), ("CXJ306", 7)]
    assert [(code, line) for code, line, _ in after] == \
        [("CXJ203", 8), ("CXJ203", 9), ("CXJ306", 9)]
    assert [f for _, _, f in before] == [f for _, _, f in after]
    # The two identical findings differ only by their occurrence number.
    assert len({f for _, _, f in before}) == 3


def test_fingerprint_is_sha256_of_path_code_location_and_occurrence() -> None:
    def finding(line: int) -> Finding:
        return Finding("a.journey.yaml", line, 9, "CXJ203", "metric 'Visits' has no target",
                       "metric-without-target", Severity.INFO,
                       "stages[measure].metrics[Visits].target")

    def sha(occurrence: int) -> str:
        text = f"a.journey.yaml\0CXJ203\0stages[measure].metrics[Visits].target\0{occurrence}"
        return hashlib.sha256(text.encode()).hexdigest()

    assert fingerprints([finding(6), finding(7)]) == [sha(0), sha(1)]
    assert fingerprints([finding(60)]) == [sha(0)]


# --- github escaping ---------------------------------------------------------------------


def test_github_escapes_properties_and_message() -> None:
    finding = Finding("dir:x/a,b 100%.journey.yaml", 3, 7, "CXJ203",
                      "50% done\r\nnext: a, b", "metric-without-target", Severity.INFO)
    report = Report((FileResult(finding.path, (finding,)),))
    assert github.render(report, ReportOptions()) == (
        "::notice file=dir%3Ax/a%2Cb 100%25.journey.yaml,line=3,col=7,"
        "title=CXJ203 metric-without-target::50%25 done%0D%0Anext: a, b\n")


def test_github_levels(cxj: Cxj, in_fixture: Path) -> None:
    out = cxj("lint", "--isolated", "--format", "github", "journeys").out
    assert [line.split(" ", 1)[0] for line in out.splitlines()] == \
        ["::warning", "::warning", "::notice", "::notice", "::error", "::error"]


# --- report options ----------------------------------------------------------------------


def test_statistics(cxj: Cxj, in_fixture: Path) -> None:
    result = cxj("lint", "--isolated", "--statistics", "journeys")
    assert (result.code, result.err) == (1, "")
    assert result.out == ("1 CXJ004 unknown-key\n"
                          "1 CXJ105 peak-not-intense\n"
                          "1 CXJ201 stage-without-metrics\n"
                          "1 CXJ202 peak-without-metric\n"
                          "1 CXJ204 metric-off-target\n"
                          "1 CXJ302 touchpoint-without-channel\n")


def test_statistics_counts_and_aligns(lint_source: Callable[..., Run]) -> None:
    source = "cxj: 1\ntitle: T\nstages:\n" + "".join(
        f"  - name: S{n}\n    metrics: [{{name: M}}]\n" for n in range(12))
    result = lint_source(source, extra=("--statistics", "--select", "CXJ1,CXJ203"))
    assert result.out == (" 1 CXJ101 missing-peak\n"
                          " 1 CXJ102 missing-end\n"
                          "12 CXJ106 stage-without-emotion\n"
                          "12 CXJ203 metric-without-target\n")


def test_quiet_prints_only_the_summary(cxj: Cxj, in_fixture: Path) -> None:
    result = cxj("lint", "--isolated", "--quiet", "journeys")
    assert (result.code, result.out, result.err) == (1, SUMMARY, "")


def test_exit_zero(cxj: Cxj, in_fixture: Path) -> None:
    result = cxj("lint", "--isolated", "--exit-zero", "journeys")
    assert (result.code, result.err) == (0, "")
    assert result.out.endswith(SUMMARY) and result.out.count("\n") == 7
    missing = cxj("lint", "--isolated", "--exit-zero", "journeys", "nowhere.journey.yaml")
    assert missing.code == 2
    assert missing.err == "cxj: error: path not found: nowhere.journey.yaml\n"


def test_show_files(cxj: Cxj, in_fixture: Path) -> None:
    result = cxj("lint", "--isolated", "--show-files", "journeys")
    assert (result.code, result.err) == (0, "")
    assert result.out == ("journeys/café shop.journey.yaml\njourneys/clean.journey.yaml\n"
                          "journeys/invalid.journey.yaml\n")


def test_show_settings_with_command_line_overrides(cxj: Cxj, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = write_config(tmp_path, {"channels": ["web"], "select": ["CXJ3"],
                                     "ignore": ["CXJ302"], "max-age-days": 90})
    result = cxj("lint", "--show-settings", "--select", "CXJ2", "--ignore", "CXJ203",
                 "--fail-on", "info")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0] == f"# from {config}"
    assert "channels = [\"web\"]" in lines
    lint = lines[lines.index("[lint]") + 1:lines.index("[render]") - 1]
    assert lint == ['select = ["CXJ2"]', 'ignore = ["CXJ302", "CXJ203"]', "extend-select = []",
                    'fail-on = "info"', "severity = {}", "per-file-ignores = {}",
                    "max-age-days = 90"]


def test_show_settings_isolated(cxj: Cxj) -> None:
    result = cxj("lint", "--isolated", "--show-settings")
    assert result.out.startswith("# from built-in defaults\n")
    assert 'select = ["ALL"]' in result.out and 'fail-on = "warning"' in result.out


def test_output_file(cxj: Cxj, in_fixture: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = cxj("lint", "--isolated", "--format", "json", "-o", str(target), "journeys")
    assert (result.code, result.out, result.err) == (1, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["summary"] == \
        {"files": 3, "errors": 2, "warnings": 2, "infos": 2}


# --- exit codes --------------------------------------------------------------------------

INFO_ONLY = """\
cxj: 1
title: Only an info
persona: {name: P}
stages:
  - name: A
    emotions: [{text: ok, score: 1}]
    touchpoints: [Shop]
    metrics: [{name: M, target: 1}]
  - name: B
    emotions: [{text: ok, score: 1}]
    touchpoints: [{name: Web, channel: web}]
    metrics: [{name: M, target: 1}]
  - name: C
    emotions: [{text: ok, score: 1}]
    touchpoints: [{name: Web, channel: web}]
    metrics: [{name: M, target: 1}]
peak: {stage: a}
end: {stage: c}
"""
WARNING_ONLY = INFO_ONLY.replace("    touchpoints: [Shop]\n", "").replace(
    "title: Only an info", "title: Only a warning")


@pytest.mark.parametrize(("source", "fail_on", "config_fail_on", "code"), [
    (INFO_ONLY, None, None, 0),
    (INFO_ONLY, "info", None, 1),
    (INFO_ONLY, None, "info", 1),
    (INFO_ONLY, "warning", "info", 0),  # the command line beats the config
    (WARNING_ONLY, None, None, 1),
    (WARNING_ONLY, "error", None, 0),
    (WARNING_ONLY, None, "error", 0),
    (WARNING_ONLY, "warning", "error", 1),
    (WARNING_ONLY, "info", None, 1),
])
def test_exit_code_by_fail_on(lint_source: Callable[..., Run], source: str,
                              fail_on: str | None, config_fail_on: str | None,
                              code: int) -> None:
    config = {"fail-on": config_fail_on} if config_fail_on else None
    extra = ("--fail-on", fail_on) if fail_on else ()
    result = lint_source(source, config, extra=extra)
    expected = [(7, 19, "CXJ302")] if source is INFO_ONLY else [(5, 5, "CXJ301")]
    assert result.findings() == expected
    assert result.code == code


def test_a_bad_fail_on_is_exit_2(lint_source: Callable[..., Run]) -> None:
    result = lint_source(INFO_ONLY, extra=("--fail-on", "fatal"))
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("cxj: error: ") and "fatal" in result.err
    bad_config = lint_source(INFO_ONLY, {"fail-on": "fatal"})
    assert bad_config.code == 2 and "fail-on" in bad_config.err


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_lint_on_an_invalid_file_reports_validation_errors_only(
        lint_source: Callable[..., Run], fail_on: str) -> None:
    source = "cxj: 1\ntitle: Broken\nstages:\n  - name: One\n    pain_point: [Typo]\n"
    result = lint_source(source, extra=("--fail-on", fail_on, "--select", "ALL"))
    assert result.messages() == [
        (5, 5, "CXJ004", "unknown key 'pain_point' (did you mean 'pain_points'?)")]
    assert result.json()["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0}
    assert result.code == 1



# --- colour --------------------------------------------------------------------------------

COLOURED = ("\x1b[1mjourneys/invalid.journey.yaml:5:5:\x1b[0m \x1b[31;1merror\x1b[0m "
            "\x1b[2mCXJ004 unknown-key\x1b[0m: unknown key 'pain_point' (did you mean "
            "'pain_points'?)\nChecked 1 file: 1 error, 0 warnings, 0 infos.\n")
PLAIN = ("journeys/invalid.journey.yaml:5:5: error CXJ004 unknown-key: unknown key "
         "'pain_point' (did you mean 'pain_points'?)\n"
         "Checked 1 file: 1 error, 0 warnings, 0 infos.\n")


@pytest.mark.parametrize(("args", "env", "expected"), [
    (["--color", "always"], {}, COLOURED),
    (["--color", "never"], {"FORCE_COLOR": "1"}, PLAIN),
    ([], {"FORCE_COLOR": "1"}, COLOURED),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, PLAIN),
    ([], {}, PLAIN),  # auto: not a terminal
])
def test_colour(cxj: Cxj, in_fixture: Path, monkeypatch: pytest.MonkeyPatch,
                args: list[str], env: dict[str, str], expected: str) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = cxj("lint", "--isolated", *args, "journeys/invalid.journey.yaml")
    assert (result.code, result.out) == (1, expected)


def test_never_colour_into_a_file_or_another_format(cxj: Cxj, in_fixture: Path,
                                                    tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    cxj("lint", "--isolated", "--color", "always", "-o", str(target),
        "journeys/invalid.journey.yaml")
    assert target.read_text(encoding="utf-8") == PLAIN
    for report_format in ("json", "github", "sarif", "junit", "gitlab"):
        out = cxj("lint", "--isolated", "--color", "always", "--format", report_format,
                  "journeys/invalid.journey.yaml").out
        assert "\x1b[" not in out


def test_a_terminal_gets_source_excerpts(cxj: Cxj, in_fixture: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from cxjourney import output

    monkeypatch.setattr(output, "is_terminal", lambda stream: True)
    result = cxj("lint", "--isolated", "--color", "never", "journeys/invalid.journey.yaml")
    assert result.out == (
        "journeys/invalid.journey.yaml:5:5: error CXJ004 unknown-key: unknown key "
        "'pain_point' (did you mean 'pain_points'?)\n"
        "  4 |   - name: One\n"
        "  5 |     pain_point: [A typo in a key]\n"
        "          ^\n"
        "Checked 1 file: 1 error, 0 warnings, 0 infos.\n")
    quiet = cxj("lint", "--isolated", "--color", "never", "--quiet",
                "journeys/invalid.journey.yaml")
    assert quiet.out == "Checked 1 file: 1 error, 0 warnings, 0 infos.\n"
