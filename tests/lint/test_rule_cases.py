"""Every rule's YAML cases (tests/cases/rules/CXJnnn.yaml) through the real CLI.

Each case is linted with ``cxj lint --format json`` (``--isolated``, or ``--config`` with
the case's settings as a cxj.toml), once under each YAML parser. The findings compared are
those of the file's rule and of every other code the case's `expected` names, so a case
states exactly what it is about; a validation error is always a failure unless expected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from cxj_lint_support import CASES, Run, load_yaml

from cxjourney import rules

CASE_FILES = sorted(CASES.glob("CXJ*.yaml"))


def _cases() -> list[Any]:
    params = []
    for path in CASE_FILES:
        data = load_yaml(path)
        for case in data["cases"]:
            params.append(pytest.param(data["rule"], case, id=f"{path.stem}-{case['name']}"))
    return params


def _expected(case: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted(tuple(entry) for entry in case["expected"])


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(rule: str, case: dict[str, Any], parser: str,
                   lint_source: Callable[..., Run]) -> None:
    result = lint_source(case["source"], case.get("config"), case.get("today"))
    assert result.err == ""
    expected = _expected(case)
    codes = {rule} | {entry[2] for entry in expected}
    found = [finding for finding in result.json()["findings"] if finding["code"] in codes]
    validation = [f for f in result.json()["findings"] if f["code"] < "CXJ100"]
    assert [f for f in validation if f["code"] not in codes] == [], "the case is not valid"
    actual = sorted((f["line"], f["column"], f["code"]) for f in found)
    assert actual == sorted(entry[:3] for entry in expected), \
        "\n".join(str(f) for f in found)
    # An entry with a fourth element also pins the message.
    messages = {(f["line"], f["column"], f["code"], f["message"]) for f in found}
    for entry in expected:
        if len(entry) > 3:
            assert entry in messages, "\n".join(str(f) for f in found)
    assert result.code == (1 if any(f["severity"] != "info" for f in result.json()["findings"])
                           else 0)


def test_every_case_file_names_a_registered_rule() -> None:
    assert sorted(load_yaml(path)["rule"] for path in CASE_FILES) == \
        [path.stem for path in CASE_FILES]
    assert {path.stem for path in CASE_FILES} <= set(rules.BY_CODE)
