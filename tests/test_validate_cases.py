"""The error-code corpus: every case in tests/cases/validate/*.yaml, through both parsers.

Each case is a journey snippet (``source``, or ``bytes`` where each character is one byte)
and the exact findings it gives, as ``[line, column, code, message]``; optional ``limits``
(as in ``[limits]``), ``personas_file`` and ``values`` (attribute paths into the valid
journey, e.g. ``stages.0.actions``, and the value they must hold).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from cxjourney.findings import VALIDATION_CODES
from cxjourney.loader import FileLimits, Loaded, load_bytes, load_personas_bytes
from cxjourney.yamltree import HAVE_C_PARSER

CASES = Path(__file__).parent / "cases" / "validate"
PATH = "case.journey.yaml"


def _load_cases() -> list[tuple[str, dict[str, Any]]]:
    yaml = YAML(typ="safe", pure=True)
    found = []
    for file in sorted(CASES.glob("*.yaml")):
        for case in yaml.load(file.read_text(encoding="utf-8")):
            found.append((file.stem, case))
    return found


ALL_CASES = _load_cases()
PARAMS = [pytest.param(case, id=f"{stem}: {case['name']}") for stem, case in ALL_CASES]


def case_bytes(case: dict[str, Any]) -> bytes:
    if "bytes" in case:
        data: bytes = case["bytes"].encode("latin-1")
        return data
    text: str = case["source"]
    return text.encode("utf-8")


def load_case(case: dict[str, Any], *, pure: bool) -> Loaded:
    limits = FileLimits(**{key.replace("-", "_"): value
                           for key, value in (case.get("limits") or {}).items()})
    personas = None
    if "personas_file" in case:
        personas, _ = load_personas_bytes(case["personas_file"].encode(), "personas.yaml")
    return load_bytes(case_bytes(case), PATH, limits=limits, personas=personas,
                      personas_configured="personas_file" in case, pure=pure)


def as_rows(loaded: Loaded) -> list[list[Any]]:
    return [[f.line, f.column, f.code, f.message] for f in loaded.findings]


def lookup(obj: Any, path: str) -> Any:
    """``stages.0.actions`` → ``obj.stages[0].actions``; dict keys for extensions."""
    for part in path.split("."):
        if isinstance(obj, dict):
            obj = obj[part]
        elif isinstance(obj, list):
            obj = obj[int(part)]
        else:
            obj = getattr(obj, part)
    return obj


def plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize("case", PARAMS)
def test_case(case: dict[str, Any], pure: bool) -> None:
    loaded = load_case(case, pure=pure)
    assert as_rows(loaded) == case["expected"]
    assert loaded.valid == (not case["expected"])
    assert all(f.path == PATH and f.severity.label == "error" for f in loaded.findings)
    for path, expected in (case.get("values") or {}).items():
        assert plain(lookup(loaded.journey, path)) == expected, path


@pytest.mark.parametrize("case", PARAMS)
def test_both_parsers_agree(case: dict[str, Any]) -> None:
    """Findings, including rule names and logical locations, are identical."""
    fast, pure = load_case(case, pure=False), load_case(case, pure=True)
    assert [(f, f.rule, f.location) for f in fast.findings] == \
        [(f, f.rule, f.location) for f in pure.findings]
    assert fast.journey == pure.journey


def test_libyaml_is_installed() -> None:
    """Otherwise both runs above use the pure parser and prove nothing."""
    assert HAVE_C_PARSER


def test_every_validation_code_has_cases() -> None:
    by_file: dict[str, set[str]] = {}
    for stem, case in ALL_CASES:
        by_file.setdefault(stem, set()).update(row[2] for row in case["expected"])
        names = [c["name"] for s, c in ALL_CASES if s == stem]
        assert len(names) == len(set(names)), f"duplicate case names in {stem}"
    for code in VALIDATION_CODES:
        cases = [case for stem, case in ALL_CASES if stem == code.code]
        assert len(cases) >= 3, code.code
        assert code.code in by_file[code.code]


def test_rule_names_are_the_spec_names() -> None:
    names = {code.code: code.name for code in VALIDATION_CODES}
    assert names == {
        "CXJ001": "yaml-syntax", "CXJ002": "invalid-root", "CXJ003": "unsupported-version",
        "CXJ004": "unknown-key", "CXJ005": "missing-key", "CXJ006": "wrong-type",
        "CXJ007": "invalid-value", "CXJ008": "duplicate-id", "CXJ009": "unknown-reference",
        "CXJ010": "duplicate-key", "CXJ011": "limit-exceeded", "CXJ012": "encoding",
    }
    loaded = load_bytes(b"cxj: 1\ntitle: T\nstages: []\ncolour: red\n", PATH)
    assert [(f.code, f.rule) for f in loaded.findings] == [
        ("CXJ007", "invalid-value"), ("CXJ004", "unknown-key")]
