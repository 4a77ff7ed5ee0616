"""Fixtures for the foundation tests: the CLI in-process and an isolated project folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cxj_foundation_support import Result, run_in_process


@pytest.fixture
def cxj(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run ``cxj ARGS`` in-process (``cxjourney.__main__.main``) and capture it."""

    def run(*args: str) -> Result:
        return Result(*run_in_process(capsys, args))

    return run


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty folder that is the current directory, isolated from the environment."""
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "CXJ_TODAY"):
        monkeypatch.delenv(name, raising=False)
    yield tmp_path
