"""Shared by the lint tests: paths, the run result, and writing a case's cxj.toml.

A plain module (not conftest) so that test files can import it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "tests" / "cases" / "rules"
GOLDEN = Path(__file__).resolve().parent / "golden"
SCHEMAS = REPO / "tests" / "schemas"
EXAMPLES = REPO / "examples"

# The keys a case's `config` may hold that live at the top level of cxj.toml; the rest
# belong in its [lint] table.
TOP_LEVEL_KEYS = ("channels", "personas", "include", "exclude")


@dataclass(frozen=True)
class Run:
    """What a user sees: the exit code, standard output and standard error."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def findings(self) -> list[tuple[int, int, str]]:
        return [(f["line"], f["column"], f["code"]) for f in self.json()["findings"]]

    def messages(self) -> list[tuple[int, int, str, str]]:
        return [(f["line"], f["column"], f["code"], f["message"])
                for f in self.json()["findings"]]


def toml_value(value: Any) -> str:
    """A TOML value for the few shapes case configs use (JSON's literals are TOML's)."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {toml_value(v)}"
                                for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return json.dumps(value)


def write_config(folder: Path, config: dict[str, Any], name: str = "cxj.toml") -> Path:
    """A cxj.toml holding ``config`` (top-level keys first, then [lint])."""
    top = [f"{key} = {toml_value(v)}" for key, v in config.items() if key in TOP_LEVEL_KEYS]
    lint = [f"{json.dumps(key)} = {toml_value(v)}" for key, v in config.items()
            if key not in TOP_LEVEL_KEYS]
    path = folder / name
    path.write_text("\n".join([*top, "", "[lint]", *lint]) + "\n", encoding="utf-8")
    return path


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
