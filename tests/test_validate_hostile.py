"""No traceback, ever (SPEC §3): the whole error corpus and hostile inputs through the real
``cxj validate``, each with the spec's exit code."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from cxj_foundation_support import VALID, Result, run_cli, write
from test_validate_cases import ALL_CASES, case_bytes


def assert_clean(result: Result) -> None:
    assert "Traceback" not in result.out and "Traceback" not in result.err
    assert "internal error" not in result.err


def _group_key(case: dict[str, Any]) -> str:
    limits = case.get("limits") or {}
    toml = "".join(f"{key} = {value}\n" for key, value in sorted(limits.items()))
    config = f"[limits]\n{toml}" if toml else ""
    if "personas_file" in case:
        config = 'personas = "personas.yaml"\n' + config
    return config + "\0" + case.get("personas_file", "")


def test_the_whole_corpus_through_the_cli(tmp_path: Path) -> None:
    """One run per configuration; every file's findings are the case's, exit 1 (0 if all
    valid), and the run never prints a traceback."""
    groups: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for index, (stem, case) in enumerate(ALL_CASES):
        groups.setdefault(_group_key(case), []).append((f"{stem}-{index:03}", case))
    for number, (key, cases) in enumerate(sorted(groups.items())):
        folder = tmp_path / f"g{number}"
        config, personas = key.split("\0")
        write(folder / "cxj.toml", config)
        if personas:
            write(folder / "personas.yaml", personas)
        for name, case in cases:
            write(folder / f"{name}.journey.yaml", case_bytes(case))
        result = run_cli("validate", "--format", "json", ".", cwd=folder)
        assert_clean(result)
        assert result.err == ""
        invalid = any(case["expected"] for _, case in cases)
        assert result.code == (1 if invalid else 0)
        findings = json.loads(result.out)["findings"]
        for name, case in cases:
            path = f"{name}.journey.yaml"
            got = [[f["line"], f["column"], f["code"], f["message"]]
                   for f in findings if f["path"] == path]
            assert got == case["expected"], case["name"]


def _bomb() -> bytes:
    lines = ["cxj: 1", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [{', '.join([f'*{previous}'] * 10)}]")
    return ("\n".join(lines) + "\n").encode()


HOSTILE: dict[str, tuple[bytes, int, str | None]] = {
    # name: (file content, exit code, the one code reported, if any)
    "binary garbage": (random.Random(7).randbytes(4096), 1, "CXJ012"),
    "NUL bytes": (b"cxj: 1\x00\x00\ntitle: T\n", 1, "CXJ001"),
    "invalid UTF-8": (b"cxj: 1\ntitle: \xc3\x28\n", 1, "CXJ012"),
    "a 1 MB line": (VALID.encode() + b"x-long: " + b"a" * 1_000_000 + b"\n", 0, None),
    "a 1 MB unterminated string": (b'cxj: 1\ntitle: "' + b"a" * 1_000_000, 1, "CXJ001"),
    "50,000 nested brackets": (b"[" * 50_000, 1, "CXJ011"),
    "50,000 nested mappings": (b"{a: " * 50_000, 1, "CXJ011"),
    "a billion laughs": (_bomb(), 1, "CXJ011"),
    "over 5 MiB": (b"# " + b"x" * 5_242_880 + b"\n", 1, "CXJ011"),
    "UTF-16": ("cxj: 1\n".encode("utf-16"), 1, "CXJ012"),
    "empty": (b"", 1, "CXJ002"),
    "only a BOM": (b"\xef\xbb\xbf", 1, "CXJ002"),
    "a lone surrogate escape": (b'cxj: 1\ntitle: "\\ud800"\nstages: [{name: A}]\n', 0, None),
    "python object tag": (b"!!python/object/apply:os.system ['echo owned']\n", 1, "CXJ002"),
    "a tab storm": (b"\t" * 1000 + b"\n", 1, "CXJ001"),
    # Python converts at most 4,300 decimal digits to an int; more was an internal error.
    "a 5,000-digit score": (VALID.encode() + b"    emotions: [{text: x, score: " + b"9" * 5000
                            + b"}]\n", 1, "CXJ006"),
    "a 5,000-digit target": (VALID.encode() + b"    metrics: [{name: m, target: " + b"9" * 5000
                             + b"}]\n", 1, "CXJ007"),
    "a 5,000-digit extension": (VALID.encode() + b"x-big: " + b"9" * 5000 + b"\n", 0, None),
    # YAML caps implicit keys at 1024 characters
    "a key of 100,000 characters": (VALID.encode() + b"k" * 100_000 + b": 1\n", 1, "CXJ001"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_files(tmp_path: Path, name: str) -> None:
    data, code, only = HOSTILE[name]
    write(tmp_path / "hostile.journey.yaml", data)
    result = run_cli("validate", "--isolated", "--format", "json", "hostile.journey.yaml",
                     cwd=tmp_path, timeout=60)
    assert_clean(result)
    assert (result.code, result.err) == (code, "")
    codes = [finding["code"] for finding in json.loads(result.out)["findings"]]
    assert codes == ([only] if only else [])


def test_a_directory_named_like_a_journey(tmp_path: Path) -> None:
    (tmp_path / "x.journey.yaml").mkdir()
    result = run_cli("validate", "--isolated", "x.journey.yaml", cwd=tmp_path)
    assert_clean(result)
    assert (result.code, result.out, result.err) == (
        0, "", "cxj: warning: no journey files found\n")


@pytest.mark.parametrize(("config", "start"), [
    (b"[lint\nselect = 1\n", "cxj: error: {config}: invalid TOML: "),
    (b"lang = '\xff'\n", "cxj: error: cannot read the configuration file {config}: "
                         "it is not UTF-8"),
    (b"\x00\x01\x02", "cxj: error: {config}: invalid TOML: "),
    (b"[limits]\nmax-depth = 'deep'\n",
     "cxj: error: {config}: 'limits.max-depth' must be an integer, not a string"),
])
def test_broken_configuration(tmp_path: Path, config: bytes, start: str) -> None:
    path = write(tmp_path / "cxj.toml", config)
    write(tmp_path / "a.journey.yaml", VALID)
    result = run_cli("validate", cwd=tmp_path)
    assert_clean(result)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(start.format(config=path))
    assert len(result.err.splitlines()) == 1


def test_a_broken_personas_file(tmp_path: Path) -> None:
    write(tmp_path / "cxj.toml", 'personas = "p.yaml"\n')
    write(tmp_path / "p.yaml", b"\xff\xfe- id: x\n")
    write(tmp_path / "a.journey.yaml", VALID + "persona: x\n")
    result = run_cli("validate", cwd=tmp_path)
    assert_clean(result)
    assert result.code == 1
    assert result.out.splitlines() == [
        "a.journey.yaml:5:10: error CXJ009 unknown-reference: persona 'x' is not in the "
        "personas file",
        "p.yaml:1:1: error CXJ012 encoding: the file is UTF-16-encoded; journey files must be "
        "UTF-8",
        "Checked 2 files: 2 errors, 0 warnings, 0 infos.",
    ]


def test_an_internal_error_in_a_real_run(tmp_path: Path) -> None:
    """The boundary in a real process: one line, exit 2; --traceback shows where."""
    write(tmp_path / "a.journey.yaml", VALID)
    write(tmp_path / "sitecustomize.py",
          "import cxjourney.loader as loader\n"
          "def boom(*args, **kwargs):\n    raise RuntimeError('boom')\n"
          "loader.load_bytes = boom\n"
          "import cxjourney.checker as checker\nchecker.load_bytes = boom\n")
    env = {"PYTHONPATH": str(tmp_path)}
    result = run_cli("validate", "a.journey.yaml", cwd=tmp_path, env=env)
    assert (result.code, result.out) == (2, "")
    assert result.err == ("cxj: error: internal error (RuntimeError: boom); run again with "
                          "--traceback to see where\n")
    shown = run_cli("--traceback", "validate", "a.journey.yaml", cwd=tmp_path, env=env)
    assert shown.code == 2
    assert "Traceback (most recent call last)" in shown.err
    assert shown.err.rstrip().endswith("RuntimeError: boom")
