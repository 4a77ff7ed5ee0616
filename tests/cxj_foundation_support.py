"""Helpers shared by the foundation tests (validate, config, files, loader, limits).

A module of its own, not ``conftest``: several conftest.py files exist under tests/, and
``from conftest import …`` would pick whichever was imported first.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

VALID = "cxj: 1\ntitle: A journey\nstages:\n  - name: Awareness\n"
# Three errors: two stages without a name (4:5, 5:5) and an unknown key (6:1).
INVALID = "cxj: 1\ntitle: T\nstages:\n  - id: first\n  - actions: [x]\ncolour: red\n"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def write(path: Path, text: str | bytes) -> Path:
    """Write ``text`` (UTF-8) or bytes to ``path``, creating its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 60,
            env: dict[str, str] | None = None, executable: list[str] | None = None) -> Result:
    """Run the real ``cxj`` (``python -m cxjourney`` unless ``executable``) in a subprocess."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    command = executable or [sys.executable, "-m", "cxjourney"]
    completed = subprocess.run(
        [*command, *args], cwd=cwd, input=stdin if stdin is not None else b"",
        capture_output=True, timeout=timeout, env=environment, check=False,
    )
    return Result(completed.returncode, completed.stdout.decode("utf-8", "replace"),
                  completed.stderr.decode("utf-8", "replace"))


def run_in_process(capture: Any, args: Sequence[str]) -> tuple[int, Any, Any]:
    """``cxj ARGS`` through ``cxjourney.__main__.main`` in this process: the exit code and
    what it printed. ``capture`` is a pytest capture fixture (capsys, or capfdbinary for
    bytes); the test families wrap the three values in their own result types."""
    from cxjourney.__main__ import main

    capture.readouterr()  # drop anything printed before
    code = main(list(args))
    sys.stdout.flush()
    sys.stderr.flush()
    captured = capture.readouterr()
    return code, captured.out, captured.err
