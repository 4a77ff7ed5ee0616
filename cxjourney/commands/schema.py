"""``cxj schema``: print or write the JSON Schema generated from the model."""

from __future__ import annotations

from pathlib import Path

from cxjourney import output
from cxjourney.schema import config_schema, dumps, journey_schema


def run(path: Path | None, *, config: bool = False) -> int:
    text = dumps(config_schema() if config else journey_schema())
    output.emit(text, path)
    return 0
