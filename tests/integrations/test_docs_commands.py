"""The commands the README and docs show are run, so the docs cannot rot.

Every `cxj …` line of a shell block (```sh), and every `run:` / `script:` line starting
with `cxj` in the CI recipes, runs in a scratch project holding the bundled examples. A
command may find problems (exit 1: the docs show lint on the flagship map), but exit 2 —
an option or command the docs name that does not exist — or a traceback fails the test.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
CI_LINE = re.compile(r"^\s*(?:- run: |- )(cxj .*)$")
PLACEHOLDER = re.compile(r"<[^>]+>")


SKIPPED = ("./dev", ". .venv", "pip install")  # set-up lines: the test is already set up


def documented_blocks() -> list[tuple[str, str]]:
    """(name, shell script) for every shell block and every CI recipe's cxj lines."""
    blocks = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for number, (language, body) in enumerate(FENCE.findall(text), 1):
            lines = [line for line in (_command(language, raw) for raw in body.splitlines())
                     if line and not PLACEHOLDER.search(line) and not line.startswith(SKIPPED)]
            if any(line.startswith("cxj ") for line in lines):
                blocks.append((f"{doc.name}-block{number}", "\n".join(lines)))
    return blocks


def _command(language: str, line: str) -> str | None:
    if language == "sh":
        return line.split("  #")[0].strip() or None
    if language == "yaml":
        match = CI_LINE.match(line)
        return match.group(1).strip() if match else None
    return None


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A git project with the examples, a journeys/ folder and the seed."""
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    journeys = tmp_path / "journeys"
    journeys.mkdir()
    shutil.copy(REPO / "examples" / "winter-coat-online.journey.yaml", journeys)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    return tmp_path


BLOCKS = documented_blocks()
# Each `cxj` in a block runs this interpreter's cxj and notes an exit code of 2 or more.
WRAPPER = (
    'cxj() {{ {python} -m cxjourney "$@"; rc=$?; '
    '[ $rc -ge 2 ] && echo "exit $rc: cxj $*" >> "$CXJ_FAILED"; return 0; }}\n'
)


def test_the_docs_show_commands() -> None:
    assert sum(block.count("cxj ") for _, block in BLOCKS) >= 15, BLOCKS


@pytest.mark.parametrize("script", [script for _, script in BLOCKS],
                         ids=[name for name, _ in BLOCKS])
def test_documented_commands_run(script: str, scratch: Path) -> None:
    failed = scratch / ".failed"
    wrapper = WRAPPER.format(python=shlex.quote(sys.executable))
    result = subprocess.run(["bash", "-c", wrapper + script], cwd=scratch, text=True,
                            capture_output=True, timeout=300, check=False,
                            env={**os.environ, "CXJ_FAILED": str(failed)})
    shown = result.stdout + result.stderr
    assert "Traceback" not in shown, shown
    assert not failed.exists(), failed.read_text(encoding="utf-8") + shown


def test_the_api_guide_runs() -> None:
    """docs/api.md's Python example runs as written, from the repository root."""
    text = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    blocks = [body for language, body in FENCE.findall(text) if language == "python"]
    assert blocks
    result = subprocess.run([sys.executable, "-c", "\n".join(blocks)], cwd=REPO, text=True,
                            capture_output=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "Talvitakin osto lapselle ['havahtuminen', 'vertailu', 'ostaminen', 'kaytto', " \
           "'kayton-lopettaminen']" in result.stdout
    assert "CXJ103 end-not-last warning" in result.stdout
