"""Fixtures for the lint tests: the real CLI in-process, under either YAML parser."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cxj_foundation_support import run_in_process
from cxj_lint_support import Run, write_config

from cxjourney import yamltree

Cxj = Callable[..., Run]


@pytest.fixture
def cxj(capsys: pytest.CaptureFixture[str]) -> Cxj:
    """``cxj(*args)``: the CLI's ``main`` in-process, with what it printed."""

    def run(*args: str) -> Run:
        return Run(*run_in_process(capsys, args))

    return run


@pytest.fixture(params=["libyaml", "pure"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run the test once with libyaml's events and once with ruamel's pure-Python parser."""
    assert yamltree.HAVE_C_PARSER, "ruamel.yaml.clib is not installed: one parser only"
    if request.param == "pure":
        monkeypatch.setattr(yamltree, "HAVE_C_PARSER", False)

        def no_c_events(text: str) -> Any:
            raise AssertionError("the C parser ran in a pure-parser test")

        monkeypatch.setattr(yamltree, "_c_events", no_c_events)
    yield request.param


@pytest.fixture
def lint_source(cxj: Cxj, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                ) -> Callable[..., Run]:
    """Lint one journey text (``--format json``) with an optional config written as
    cxj.toml (else ``--isolated``) and an optional CXJ_TODAY."""
    monkeypatch.chdir(tmp_path)

    def run(source: str, config: dict[str, Any] | None = None, today: str | None = None,
            name: str = "case.journey.yaml", extra: tuple[str, ...] = ()) -> Run:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
        if today is None:
            monkeypatch.delenv("CXJ_TODAY", raising=False)
        else:
            monkeypatch.setenv("CXJ_TODAY", today)
        where = ["--config", str(write_config(tmp_path, config))] if config else ["--isolated"]
        return cxj("lint", "--format", "json", *where, *extra, name)

    return run
