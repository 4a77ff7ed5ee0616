"""Many files go through the process pool (cxjourney.pool); the report must be exactly
the one a single process gives."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cxj_lint_support import CASES, Run, load_yaml, write_config

from cxjourney import checker, linter, pool
from cxjourney.config import load_settings
from cxjourney.reporters import ReportOptions, get


def _write_corpus(folder: Path) -> int:
    """Every rule case's source as its own file, plus a few invalid files."""
    count = 0
    for path in sorted(CASES.glob("CXJ*.yaml")):
        for case in load_yaml(path)["cases"]:
            count += 1
            target = folder / path.stem / f"{count:03d}-{case['name']}.journey.yaml"
            target.parent.mkdir(exist_ok=True)
            target.write_text(case["source"], encoding="utf-8")
    for number in range(3):
        (folder / f"invalid-{number}.journey.yaml").write_text(
            f"cxj: 1\ntitle: Broken {number}\nstages:\n  - nam: x\n", encoding="utf-8")
    return count + 3


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CXJ_TODAY", "2026-11-01")
    write_config(tmp_path, {"channels": ["web", "store", "phone"], "max-age-days": 365,
                            "per-file-ignores": {"CXJ2*/**": ["CXJ1"]},
                            "severity": {"CXJ3": "error"}})
    return _write_corpus(tmp_path)


def _json_report(jobs: int) -> str:
    settings = linter.apply_options(load_settings(), {})
    report = checker.check(["."], settings, analyzer=linter.analyze, keep_journeys=False,
                           jobs=jobs)
    return get("json")(report, ReportOptions())


def test_pool_gives_the_same_report(corpus: int, monkeypatch: pytest.MonkeyPatch,
                                    cxj: Callable[..., Run]) -> None:
    assert corpus >= 60
    calls: list[int] = []
    real = pool._pooled

    def counting(work: Any, items: Any, workers: int) -> Iterator[Any]:
        calls.append(workers)
        return real(work, items, workers)

    monkeypatch.setattr(pool, "_pooled", counting)
    serial = _json_report(1)
    assert calls == []
    parallel = _json_report(4)
    assert calls == [4], "the pool path did not run"
    assert parallel == serial
    # And through the command line (which picks its own number of workers).
    result = cxj("lint", "--format", "json", ".")
    assert result.out == serial
    data = Run(result.code, serial, "").json()
    # The configuration applied in the workers too: per-file-ignores and severity.
    found = [(f["path"].split("/")[0], f["code"], f["severity"]) for f in data["findings"]]
    assert not [f for f in found if f[0].startswith("CXJ2") and f[1].startswith("CXJ1")]
    assert [f for f in found if f[0].startswith("CXJ3") and f[1].startswith("CXJ1")]
    assert {severity for _, code, severity in found if code.startswith("CXJ3")} == {"error"}
    summary = data["summary"]
    assert summary["files"] == corpus
    assert summary["errors"] > 3 and summary["warnings"] > 0 and summary["infos"] > 0
