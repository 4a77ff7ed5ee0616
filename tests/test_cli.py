"""``cxj validate`` as a user runs it (SPEC §3, §6): exit codes, report shapes, options.

Most tests call ``cxjourney.__main__.main`` in-process; a few run the real executable.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cxj_foundation_support import INVALID, VALID, Result, run_cli, write

from cxjourney import checker, fastpath
from cxjourney.commands import check
from cxjourney.commands import render as render_command
from cxjourney.options import CHECK_OPTIONS, RENDER_OPTIONS

Cxj = Callable[..., Result]

INVALID_LINES = [
    "bad.journey.yaml:4:5: error CXJ005 missing-key: missing required key 'name'",
    "bad.journey.yaml:5:5: error CXJ005 missing-key: missing required key 'name'",
    "bad.journey.yaml:6:1: error CXJ004 unknown-key: unknown key 'colour'",
]


@pytest.fixture
def files(project: Path) -> Path:
    write(project / "good.journey.yaml", VALID)
    write(project / "bad.journey.yaml", INVALID)
    return project


def stdin_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- exit codes and the text report ----------------------------------------------------------

def test_valid_file_exits_0(cxj: Cxj, files: Path) -> None:
    result = cxj("validate", "good.journey.yaml")
    assert (result.code, result.out, result.err) == (
        0, "Checked 1 file: 0 errors, 0 warnings, 0 infos.\n", "")


def test_invalid_file_exits_1_with_every_finding(cxj: Cxj, files: Path) -> None:
    result = cxj("validate", "bad.journey.yaml", "good.journey.yaml")
    assert result.code == 1
    assert result.out.splitlines() == [
        *INVALID_LINES, "Checked 2 files: 3 errors, 0 warnings, 0 infos."]
    assert result.err == ""


def test_summary_uses_singular_nouns_for_one(cxj: Cxj, project: Path) -> None:
    write(project / "one.journey.yaml", VALID + "colour: red\n")
    assert cxj("validate", "one.journey.yaml").out.splitlines()[-1] == \
        "Checked 1 file: 1 error, 0 warnings, 0 infos."


def test_missing_path_exits_2_and_the_rest_is_still_checked(cxj: Cxj, files: Path) -> None:
    result = cxj("validate", "nope.journey.yaml", "bad.journey.yaml")
    assert result.code == 2
    assert result.err == "cxj: error: path not found: nope.journey.yaml\n"
    assert result.out.splitlines() == [
        *INVALID_LINES, "Checked 1 file: 3 errors, 0 warnings, 0 infos."]


def test_missing_path_beats_exit_zero(cxj: Cxj, files: Path) -> None:
    assert cxj("validate", "--exit-zero", "nope", "bad.journey.yaml").code == 2


@pytest.mark.parametrize("args", [
    ["validate", "--bogus"],
    ["validate", "--format", "xml", "good.journey.yaml"],
    ["validate", "--color", "sometimes"],
    ["validate", "--output"],
    ["validate", "--quiet=yes"],
    ["nosuchcommand"],
])
def test_bad_command_lines_exit_2_with_one_error_line(cxj: Cxj, files: Path,
                                                      args: list[str]) -> None:
    result = cxj(*args)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("cxj: error: ")
    assert len(result.err.splitlines()) == 1


def test_unknown_option_message(cxj: Cxj, files: Path) -> None:
    assert cxj("validate", "--bogus").err == \
        "cxj: error: No such option: --bogus (see 'cxj validate --help')\n"


def test_unreadable_file_exits_2_and_the_rest_is_still_checked(cxj: Cxj, files: Path) -> None:
    """A file that exists but cannot be read (an OSError on reading), whoever runs this."""
    mem = Path("/proc/self/mem")
    if not mem.exists():  # pragma: no cover - Linux has it
        pytest.fail("this test needs /proc/self/mem, which raises EIO when read")
    (files / "broken.journey.yaml").symlink_to(mem)
    result = cxj("validate", "broken.journey.yaml", "bad.journey.yaml")
    assert result.code == 2
    assert result.err == "cxj: error: cannot read broken.journey.yaml: Input/output error\n"
    assert result.out.splitlines() == [
        *INVALID_LINES, "Checked 1 file: 3 errors, 0 warnings, 0 infos."]


def test_permission_denied_exits_2(cxj: Cxj, files: Path) -> None:
    """chmod 000. Root reads it anyway (then it is simply checked); the test above proves
    exit 2 for an unreadable file whoever runs the suite."""
    (files / "good.journey.yaml").chmod(0)
    result = cxj("validate", "good.journey.yaml", "bad.journey.yaml")
    summary = result.out.splitlines()[-1]
    if os.geteuid() == 0:
        assert (result.code, result.err) == (1, "")
        assert summary == "Checked 2 files: 3 errors, 0 warnings, 0 infos."
    else:  # pragma: no cover - CI runs as root
        assert result.code == 2
        assert result.err == "cxj: error: cannot read good.journey.yaml: Permission denied\n"
        assert summary == "Checked 1 file: 3 errors, 0 warnings, 0 infos."


def test_no_journey_files_found_is_a_warning_and_exit_0(cxj: Cxj, project: Path) -> None:
    write(project / "notes.yaml", VALID)  # not *.journey.yaml
    result = cxj("validate")
    assert (result.code, result.out, result.err) == (
        0, "", "cxj: warning: no journey files found\n")


# --- --format json -----------------------------------------------------------------------

def test_json_report_shape(cxj: Cxj, files: Path) -> None:
    result = cxj("validate", "--format", "json", ".")
    assert result.code == 1
    document = json.loads(result.out)
    assert list(document) == ["version", "findings", "summary"]
    assert document["version"] == 1
    assert document["summary"] == {"files": 2, "errors": 3, "warnings": 0, "infos": 0}
    assert document["findings"][0] == {
        "path": "bad.journey.yaml", "line": 4, "column": 5, "severity": "error",
        "code": "CXJ005", "rule": "missing-key", "message": "missing required key 'name'"}
    assert [list(finding) for finding in document["findings"]] == [
        ["path", "line", "column", "severity", "code", "rule", "message"]] * 3
    assert result.out.endswith("}\n")


def test_json_keeps_non_ascii_unescaped(cxj: Cxj, project: Path) -> None:
    write(project / "fi.journey.yaml", VALID + "äänet: 1\n")
    result = cxj("validate", "--format", "json", "fi.journey.yaml")
    assert "unknown key 'äänet'" in result.out


def test_json_with_no_findings(cxj: Cxj, files: Path) -> None:
    result = cxj("validate", "--format=json", "good.journey.yaml")
    assert result.code == 0
    assert json.loads(result.out) == {"version": 1, "findings": [], "summary": {
        "files": 1, "errors": 0, "warnings": 0, "infos": 0}}


# --- output options ----------------------------------------------------------------------

def test_output_file(cxj: Cxj, files: Path) -> None:
    result = cxj("validate", "--output", "out/report.txt", "--color", "always",
                 "bad.journey.yaml")
    assert (result.code, result.out) == (1, "")
    written = (files / "out" / "report.txt").read_text(encoding="utf-8")
    assert written.splitlines() == [*INVALID_LINES,
                                    "Checked 1 file: 3 errors, 0 warnings, 0 infos."]
    assert "\x1b" not in written  # never colour into a file


def test_output_file_json(cxj: Cxj, files: Path) -> None:
    assert cxj("validate", "-o", "r.json", "--format", "json", ".").code == 1
    assert json.loads((files / "r.json").read_text())["summary"]["files"] == 2


def test_quiet_prints_only_the_summary(cxj: Cxj, files: Path) -> None:
    for flag in ("--quiet", "-q"):
        result = cxj("validate", flag, ".")
        assert (result.code, result.out) == (1, "Checked 2 files: 3 errors, 0 warnings, "
                                                "0 infos.\n")


def test_exit_zero(cxj: Cxj, files: Path) -> None:
    result = cxj("validate", "--exit-zero", ".")
    assert result.code == 0
    assert result.out.splitlines()[:3] == INVALID_LINES


def test_statistics(cxj: Cxj, files: Path) -> None:
    write(files / "more.journey.yaml", VALID + "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\n"
                                               "h: 8\ni: 9\nj: 10\n")
    result = cxj("validate", "--statistics", ".")
    assert result.code == 1
    assert result.out == "11 CXJ004 unknown-key\n 2 CXJ005 missing-key\n"


def test_show_files(cxj: Cxj, files: Path) -> None:
    write(files / "sub" / "c.journey.yml", VALID)
    result = cxj("validate", "--show-files")
    assert (result.code, result.out, result.err) == (
        0, "bad.journey.yaml\ngood.journey.yaml\nsub/c.journey.yml\n", "")
    missing = cxj("validate", "--show-files", "nope", "sub")
    assert (missing.code, missing.out, missing.err) == (
        2, "sub/c.journey.yml\n", "cxj: error: path not found: nope\n")


def test_show_settings_defaults(cxj: Cxj, project: Path) -> None:
    import tomllib

    result = cxj("validate", "--show-settings")
    assert result.code == 0
    assert result.out.splitlines()[0] == "# from built-in defaults"
    settings = tomllib.loads(result.out)
    assert settings["include"] == ["**/*.journey.yaml", "**/*.journey.yml"]
    assert settings["limits"] == {"max-file-size": 5242880, "max-depth": 64,
                                  "max-nodes": 100000}
    assert settings["lint"]["select"] == ["ALL"]


def test_show_settings_names_the_file(cxj: Cxj, project: Path) -> None:
    import tomllib

    config = write(project / "cxj.toml", 'exclude = ["drafts/**"]\nlang = "fi"\n'
                                         '[limits]\nmax-depth = 10\n')
    result = cxj("validate", "--show-settings", "--output", "settings.toml")
    assert (result.code, result.out) == (0, "")
    text = (project / "settings.toml").read_text()
    assert text.splitlines()[0] == f"# from {config.resolve()}"
    settings = tomllib.loads(text)
    assert (settings["exclude"], settings["lang"], settings["limits"]["max-depth"]) == (
        ["drafts/**"], "fi", 10)


# --- colour ------------------------------------------------------------------------------

@pytest.mark.parametrize(("env", "args", "coloured"), [
    ({}, [], False),  # not a terminal
    ({"FORCE_COLOR": "1"}, [], True),
    ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, [], False),  # NO_COLOR beats FORCE_COLOR
    ({"FORCE_COLOR": "1"}, ["--color", "never"], False),
    ({}, ["--color", "always"], True),
    ({"FORCE_COLOR": "1"}, ["--format", "json"], False),  # never a non-text format
    ({}, ["--color", "always", "--format", "json"], False),
])
def test_colour(cxj: Cxj, files: Path, monkeypatch: pytest.MonkeyPatch,
                env: dict[str, str], args: list[str], coloured: bool) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = cxj("validate", *args, "bad.journey.yaml")
    assert result.code == 1
    assert ("\x1b[" in result.out) == coloured
    if coloured:
        assert result.out.startswith("\x1b[1mbad.journey.yaml:4:5:\x1b[0m \x1b[31;1merror")


# --- standard input ------------------------------------------------------------------------

def test_stdin_without_a_name(cxj: Cxj, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_bytes(monkeypatch, INVALID.encode())
    result = cxj("validate", "-")
    assert result.code == 1
    assert result.out.splitlines() == [
        line.replace("bad.journey.yaml", "-") for line in INVALID_LINES
    ] + ["Checked 1 file: 3 errors, 0 warnings, 0 infos."]


def test_stdin_with_a_name(cxj: Cxj, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_bytes(monkeypatch, INVALID.encode())
    result = cxj("validate", "-", "--stdin-filename", "./journeys\\bad.journey.yaml")
    assert result.out.splitlines()[0] == \
        "journeys/bad.journey.yaml:4:5: error CXJ005 missing-key: missing required key 'name'"


def test_stdin_and_files_together(cxj: Cxj, files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_bytes(monkeypatch, VALID.encode() + b"x: 1\n")
    result = cxj("validate", "good.journey.yaml", "-", "bad.journey.yaml")
    assert result.out.splitlines() == [
        "-:5:1: error CXJ004 unknown-key: unknown key 'x'", *INVALID_LINES,
        "Checked 3 files: 4 errors, 0 warnings, 0 infos."]


def test_stdin_with_invalid_utf8(cxj: Cxj, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_bytes(monkeypatch, b"cxj: 1\ntitle: \xff\n")
    result = cxj("validate", "-")
    assert result.out.splitlines()[0] == \
        "-:2:8: error CXJ012 encoding: invalid UTF-8 byte 0xff; journey files must be UTF-8"


def test_force_exclude_applies_to_stdin(cxj: Cxj, project: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "cxj.toml", 'exclude = ["drafts/**"]\n')
    stdin_bytes(monkeypatch, INVALID.encode())
    skipped = cxj("validate", "-", "--stdin-filename", "drafts/x.journey.yaml",
                  "--force-exclude")
    assert (skipped.code, skipped.out, skipped.err) == (
        0, "", "cxj: warning: no journey files found\n")
    stdin_bytes(monkeypatch, INVALID.encode())
    checked = cxj("validate", "-", "--stdin-filename", "drafts/x.journey.yaml")
    assert checked.code == 1


# --- paths as given, in a fixed order ------------------------------------------------------

def test_paths_are_reported_as_given(cxj: Cxj, project: Path) -> None:
    write(project / "j" / "b.journey.yaml", INVALID)
    write(project / "j" / "a" / "z.journey.yaml", VALID + "x: 1\n")
    for given, prefix in ((".", "j/"), ("./j/", "j/"), ("j", "j/"), ("./j", "j/"),
                          (str(project / "j"), f"{project.as_posix()}/j/")):
        result = cxj("validate", given)
        assert [line.split(":")[0] for line in result.out.splitlines()[:-1]] == \
            [f"{prefix}a/z.journey.yaml"] + [f"{prefix}b.journey.yaml"] * 3, given
    named = cxj("validate", "././j/b.journey.yaml")
    assert named.out.startswith("j/b.journey.yaml:4:5:")


def test_order_is_by_path_then_line_column_code(cxj: Cxj, project: Path) -> None:
    write(project / "b.journey.yaml", "cxj: 1\ntitle: T\nstages:\n  - {x: 1, y: 2}\n")
    write(project / "a.journey.yaml", "z: 1\ncxj: 1\ntitle: T\nstages: []\n")
    result = cxj("validate", "b.journey.yaml", "a.journey.yaml", "b.journey.yaml")
    assert result.out.splitlines() == [
        "a.journey.yaml:1:1: error CXJ004 unknown-key: unknown key 'z'",
        "a.journey.yaml:4:9: error CXJ007 invalid-value: 'stages' must have at least 1 item",
        "b.journey.yaml:4:6: error CXJ004 unknown-key: unknown key 'x'",
        "b.journey.yaml:4:6: error CXJ005 missing-key: missing required key 'name'",
        "b.journey.yaml:4:12: error CXJ004 unknown-key: unknown key 'y'",
        "Checked 2 files: 5 errors, 0 warnings, 0 infos.",
    ]


def test_many_files_use_the_pool_and_give_the_same_report(cxj: Cxj, project: Path) -> None:
    for index in range(60):
        write(project / f"j{index:02}.journey.yaml", VALID if index % 2 else INVALID)
    result = cxj("validate", "--format", "json", ".")
    findings = json.loads(result.out)["findings"]
    assert len(findings) == 90
    assert [f["path"] for f in findings] == sorted(f["path"] for f in findings)
    assert json.loads(result.out)["summary"]["files"] == 60


# --- the personas file -----------------------------------------------------------------------

def test_personas_file(cxj: Cxj, project: Path) -> None:
    write(project / "cxj.toml", 'personas = "people/personas.yaml"\n')
    write(project / "people" / "personas.yaml",
          "- id: parent\n  name: Parent\n- id: Bad\n  name: B\n- name: No id\n")
    write(project / "j" / "a.journey.yaml", VALID + "persona: parent\n")
    write(project / "j" / "b.journey.yaml", VALID + "persona: bad\n")
    result = cxj("validate", "--format", "json", "j")
    assert result.code == 1
    document = json.loads(result.out)
    assert [(f["path"], f["line"], f["column"], f["code"], f["message"])
            for f in document["findings"]] == [
        ("j/b.journey.yaml", 5, 10, "CXJ009",
         "persona 'bad' is not in the personas file"),
        ("people/personas.yaml", 3, 7, "CXJ007",
         "'id' 'Bad' is not a valid id: use lower-case a-z, 0-9 and '-', starting with a "
         "letter or digit, at most 64 characters (for example 'bad')"),
        ("people/personas.yaml", 5, 3, "CXJ005", "missing required key 'id'"),
    ]
    assert document["summary"]["files"] == 3


def test_a_missing_personas_file_exits_2(cxj: Cxj, project: Path) -> None:
    write(project / "cxj.toml", 'personas = "personas.yaml"\n')
    write(project / "a.journey.yaml", VALID)
    result = cxj("validate")
    assert result.code == 2
    assert result.err == \
        "cxj: error: cannot read the personas file personas.yaml: No such file or directory\n"


# --- the error boundary -------------------------------------------------------------------

def test_internal_error_is_one_line_pointing_at_traceback(
        cxj: Cxj, files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(checker, "check", explode)
    result = cxj("validate", "good.journey.yaml")
    assert (result.code, result.out) == (2, "")
    assert result.err == ("cxj: error: internal error (RuntimeError: boom); run again with "
                          "--traceback to see where\n")
    shown = cxj("validate", "good.journey.yaml", "--traceback")
    assert shown.code == 2
    assert shown.err.startswith("Traceback (most recent call last):")
    assert shown.err.rstrip().endswith("RuntimeError: boom")


def test_interrupt_exits_130(cxj: Cxj, files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(checker, "check", interrupt)
    assert cxj("validate", ".").code == 130


# --- the fast path and Typer agree --------------------------------------------------------

COMMAND_LINES = [
    [],
    ["a.journey.yaml"],
    ["a.journey.yaml", "b"],
    ["--format", "json", "a"],
    ["--format=json", "-o", "out.json", "."],
    ["--output=o.txt", "--color", "never", "--quiet", "x"],
    ["-q", "--exit-zero", "--statistics"],
    ["--show-files", "--force-exclude", "d"],
    ["--show-settings", "--isolated"],
    ["--config", "c/cxj.toml", "-"],
    ["-", "--stdin-filename", "j/x.journey.yaml", "--force-exclude"],
    ["--", "--weird-name.journey.yaml"],
    ["--color=always", "a", "--format", "text", "b"],
]


@pytest.mark.parametrize("args", COMMAND_LINES, ids=[" ".join(a) or "(none)"
                                                     for a in COMMAND_LINES])
def test_fast_path_and_typer_parse_alike(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = fastpath.parse(args, fastpath.TABLES["validate"])
    assert fast is not None
    seen: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(check, "run_command",
                        lambda command, values: seen.append((command, values)) or 0)
    from cxjourney.__main__ import _run

    monkeypatch.setattr(fastpath, "run", lambda args: None)  # force the Typer path
    assert _run(["validate", *args]) == 0
    ((command, typer_values),) = seen
    assert command == "validate"
    dests = {option.dest for option in CHECK_OPTIONS} | {"paths"}
    assert set(fast) == dests
    # Typer gives None for no paths where the fast path gives []; run_command reads both
    # as "the current folder". (cli.py also passes its local `check` module along.)
    typer_options = {key: value for key, value in typer_values.items() if key in dests}
    assert {**typer_options, "paths": typer_options["paths"] or []} == fast


RENDER_COMMAND_LINES = [
    [],
    ["examples/"],
    ["-f", "md", "-o", "site", "a", "b"],
    ["--format=svg", "--output", "-", "one.journey.yaml"],
    ["--lang", "fi", "--template", "t.html.j2", "--templates", "custom", "x"],
    ["--config", "c/pyproject.toml", "--isolated", "--color", "never", "d"],
    ["-", "--stdin-filename", "j/x.journey.yaml", "-o", "out.html"],
]


@pytest.mark.parametrize("args", RENDER_COMMAND_LINES, ids=[" ".join(a) or "(none)"
                                                            for a in RENDER_COMMAND_LINES])
def test_render_fast_path_and_typer_parse_alike(args: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    fast = fastpath.parse(args, fastpath.TABLES["render"])
    assert fast is not None
    seen: list[dict[str, Any]] = []
    monkeypatch.setattr(render_command, "run_command", lambda values: seen.append(values) or 0)
    from cxjourney.__main__ import _run

    monkeypatch.setattr(fastpath, "run", lambda args: None)  # force the Typer path
    assert _run(["render", *args]) == 0
    (typer_values,) = seen
    dests = {option.dest for option in RENDER_OPTIONS} | {"paths"}
    assert set(fast) == dests
    typer_options = {key: value for key, value in typer_values.items() if key in dests}
    assert {**typer_options, "paths": typer_options["paths"] or []} == fast


@pytest.mark.parametrize("args", [
    ["--help"], ["--bogus"], ["--format", "xml"], ["--quiet=1"], ["-o"], ["-oFILE"],
])
def test_fast_path_declines_what_it_does_not_fully_understand(args: list[str]) -> None:
    assert fastpath.parse(args, fastpath.TABLES["validate"]) is None


@pytest.mark.parametrize("args", [
    ["--help"], ["-f", "pdf"], ["--lang", "sv"], ["-fhtml"], ["--quiet"], ["--template"],
])
def test_render_fast_path_declines_what_it_does_not_fully_understand(args: list[str]) -> None:
    assert fastpath.parse(args, fastpath.TABLES["render"]) is None


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_fast_path_runs_the_common_command_line_without_typer(files: Path,
                                                               command: str) -> None:
    # Nor dataclasses (with inspect) or Jinja: a git hook pays for every import on each
    # commit (benchmarks/run.py, case a).
    heavy = ("typer", "dataclasses", "inspect", "jinja2")
    code = (f"import sys; from cxjourney.__main__ import main; rc = main([{command!r}, "
            f"'good.journey.yaml']); print(rc, [m for m in {heavy!r} if m in sys.modules])")
    completed = subprocess.run([sys.executable, "-c", code], cwd=files, capture_output=True,
                               text=True, timeout=60, check=False)
    assert completed.stdout.splitlines()[-1].endswith(" []"), completed.stdout


def test_render_runs_without_typer(files: Path) -> None:
    code = ("import sys; from cxjourney.__main__ import main; rc = main(['render', "
            "'good.journey.yaml', '-f', 'html', '-o', 'site']); print(rc, 'typer' in "
            "sys.modules)")
    completed = subprocess.run([sys.executable, "-c", code], cwd=files, capture_output=True,
                               text=True, timeout=60, check=False)
    assert completed.stdout.splitlines()[-1] == "0 False", completed
    assert (files / "site" / "good.html").is_file()


# --- the real executable -------------------------------------------------------------------

def test_real_executable(files: Path) -> None:
    cxj_bin = Path(sys.executable).parent / "cxj"
    result = run_cli("validate", "bad.journey.yaml", "good.journey.yaml", cwd=files,
                     executable=[str(cxj_bin)])
    assert result.code == 1
    assert result.out.splitlines() == [*INVALID_LINES,
                                       "Checked 2 files: 3 errors, 0 warnings, 0 infos."]
    assert result.err == ""


def test_python_dash_m(files: Path) -> None:
    result = run_cli("validate", "-", "--stdin-filename", "bad.journey.yaml", cwd=files,
                     stdin=INVALID.encode())
    assert (result.code, result.out.splitlines()[0]) == (1, INVALID_LINES[0])
    missing = run_cli("validate", "nope", "good.journey.yaml", cwd=files)
    assert (missing.code, missing.err) == (2, "cxj: error: path not found: nope\n")
    usage = run_cli("validate", "--bogus", cwd=files)
    assert usage.code == 2 and "Traceback" not in usage.err


def test_version(cxj: Cxj) -> None:
    from cxjourney import __version__

    result = cxj("--version")
    assert (result.code, result.out) == (0, f"cxj {__version__}\n")


