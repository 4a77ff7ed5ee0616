"""Helpers of the authoring tests (a module of its own: several conftest.py exist)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cxjourney.loader import load_bytes
from cxjourney.model import Journey

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "seeds" / "talvitakki.txt"
FLAGSHIP = EXAMPLES / "talvitakki.journey.yaml"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def load(text: str | bytes, path: str = "journey.journey.yaml") -> Journey:
    """The journey ``text`` holds; fails the test with its findings when invalid."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    loaded = load_bytes(data, path)
    assert loaded.journey is not None, loaded.findings
    return loaded.journey


def normal_form(journey: Journey) -> Any:
    """The SPEC §8 json normal form (``cxj render -f json``), as data."""
    from cxjourney.rendering import render

    text = render(journey, "json")
    assert isinstance(text, str)
    return json.loads(text)


def without_scores(text: str) -> str:
    """A journey's YAML without its emotion `score:` lines."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.strip().startswith("score:"))
