"""Helpers of the render tests: journeys with hostile text, the real consumers (Chromium,
Mermaid, Graphviz, markdown-it) and the CLI in-process."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cxjourney.loader import load_bytes
from cxjourney.model import Journey

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
EXAMPLES = REPO / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.journey.yaml"))
FLAGSHIP = EXAMPLES / "talvitakki.journey.yaml"
MERMAID_HARNESS = HERE / "js" / "harness.html"
MERMAID_BUNDLE = HERE / "js" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

BIG = "Ä" + "x" * 102_400  # a 100 KB string
# Strings that break a careless renderer: markup, Markdown, Mermaid, DOT and CSV syntax,
# template syntax, line breaks, quotes, backslashes.
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "pipe | and || double",
    "line one\nline two\n\nline four",
    "colon: semi; hash # end",
    "%%{init: {'theme':'dark'}}%%",
    "it's \"quoted\" `code` \\ back\\slash \\N \\l",
    "# heading\n- list\n1. item\n> quote\n+ plus\n=== setext",
    "title in front",
    "Section looks like a keyword",
    "*bold* _em_ [link](javascript:alert(1)) ~~strike~~ $x$ &amp; &lt;b&gt; <br>",
    "{{ 7 * 7 }} {% if true %}jinja{% endif %} #58; #35;",
    "{starts with a brace, \"and\" 'quotes'",
    "  edge spaces  ",
    "a, b; c\r\nCRLF",
]


def hostile_document() -> dict[str, Any]:
    """A valid journey with a hostile string in every text field."""
    texts = itertools.cycle(HOSTILE)

    def text() -> str:
        return next(texts)

    def stage(number: int, name: str) -> dict[str, Any]:
        return {
            "id": f"s{number}", "name": name, "description": text(),
            "actions": [text(), text()], "thoughts": [text()],
            "emotions": [{"text": text(), "score": -2 + number % 5}, {"text": text()}],
            "touchpoints": [text(), {"name": text(), "channel": text(),
                                     "description": text()}],
            "channels": [text()], "pain_points": [text()], "opportunities": [text()],
            "metrics": [{"name": text(), "type": "csat", "target": 80, "actual": 72.5,
                         "source": text(), "measured_at": "2026-10-01"},
                        {"name": text(), "direction": "lower", "target": 2, "unit": text()}],
            "backstage": [text()], "x-note": text(),
        }

    stages = [stage(number, name) for number, name in enumerate(HOSTILE, 1)]
    stages.append(stage(len(HOSTILE) + 1, BIG))
    stages[3]["actions"].append(BIG)
    stages[4]["touchpoints"].append({"name": BIG, "channel": BIG})
    return {
        "cxj": 1, "id": "hostile", "title": HOSTILE[0] + " " + HOSTILE[5],
        "description": "\n".join(HOSTILE), "lang": "en", "owner": HOSTILE[1],
        "tags": HOSTILE[:3], "updated": "2026-11-01",
        "persona": {"name": HOSTILE[2], "description": HOSTILE[3], "goals": HOSTILE[4:6],
                    "needs": [HOSTILE[6]], "frustrations": [HOSTILE[7]], "x-age": 35},
        "stages": stages,
        "peak": {"stage": "s4", "reason": HOSTILE[8]},
        "end": {"stage": f"s{len(stages)}", "reason": HOSTILE[1]},
        "x-jira": {"key": HOSTILE[5], "list": [1, 2.5, None, True]},
    }


def hostile_yaml() -> bytes:
    # JSON is YAML 1.2: the hostile strings reach the loader exactly as written here.
    return json.dumps(hostile_document(), ensure_ascii=False, indent=1).encode("utf-8")


def load(path: Path) -> Journey:
    loaded = load_bytes(path.read_bytes(), path.as_posix())
    assert loaded.journey is not None, loaded.findings
    return loaded.journey


def hostile_journey() -> Journey:
    loaded = load_bytes(hostile_yaml(), "hostile.journey.yaml")
    assert loaded.journey is not None, loaded.findings
    return loaded.journey


def all_journeys() -> list[Journey]:
    return [*(load(path) for path in EXAMPLE_FILES), hostile_journey()]


def one_line(text: str) -> str:
    """What a one-line consumer draws: trimmed, each line break one space."""
    return " ".join(text.strip().splitlines()).strip()


# --- Graphviz -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DotRun:
    returncode: int
    stdout: str
    stderr: str


def run_dot(dot_text: str, output: str = "svg") -> DotRun:
    completed = subprocess.run(["dot", f"-T{output}"], input=dot_text.encode("utf-8"),
                               capture_output=True, check=False, timeout=120)
    return DotRun(completed.returncode, completed.stdout.decode("utf-8", "replace"),
                  completed.stderr.decode("utf-8", "replace"))


_DOT_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"', re.S)


def dot_quoted_strings(dot_text: str) -> list[str]:
    """Every quoted string of a DOT text, unescaped (``\\"`` and ``\\\\``)."""
    return [re.sub(r"\\(.)", r"\1", raw) for raw in _DOT_QUOTED.findall(dot_text)]
