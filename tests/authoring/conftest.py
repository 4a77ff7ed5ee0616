"""Fixtures for the authoring tests (new, fmt, import, show, diff): the CLI in-process
with standard input, and a scratch folder as the current directory."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from authoring_support import Run
from cxj_foundation_support import run_in_process


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """``cli("fmt", "-", stdin="...")`` runs ``cxj`` in-process; stdout, stderr and the
    exit code together."""

    def run(*args: str, stdin: str | bytes = b"") -> Run:
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        return Run(*run_in_process(capsys, args))

    return run


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty current directory without configuration or colour variables."""
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "CXJ_TODAY"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "cxj.toml").write_text("", encoding="utf-8")  # stop the config search
    yield tmp_path
