"""``cxj import FILE --from csv|tsv|doc-table|mermaid [-o OUT]``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from cxjourney import output
from cxjourney.errors import UsageError
from cxjourney.importers import Imported, ImportProblem, finish

Source = Literal["csv", "tsv", "doc-table", "mermaid"]
STDIN = "-"


def run(path: str, source: Source, out: Path | None) -> int:
    """Convert ``path`` and write the journey; 1 when the content cannot be read as
    ``source``, 2 when the file cannot be opened or decoded or ``out`` exists."""
    if out is not None and out.exists():
        raise UsageError(f"{out} exists; import does not overwrite files (choose another -o)")
    text = read_text(path)
    try:
        imported = convert(text, source, path)
    except ImportProblem as problem:
        output.error(f"{path}:{problem.line}: {problem.message}")
        return 1
    for line, message in imported.warnings:
        output.warn(f"{path}:{line}: {message}")
    yaml_text = journey_text(imported, path)
    problems = _validation_problems(yaml_text, out)
    if problems:
        output.error(f"{path}: the imported journey is not valid:")
        for message in problems:
            output.error(f"  {message}")
        return 1
    if out is None:
        sys.stdout.write(yaml_text)
        sys.stdout.flush()
    else:
        output.write_atomic(out, yaml_text)
    return 0


def read_text(path: str) -> str:
    """The input's text; a file that cannot be opened or is not UTF-8 stops (exit 2)."""
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise UsageError(f"{path}:{line}: invalid UTF-8 byte 0x{data[error.start]:02x}; "
                         "the file must be UTF-8") from None


def convert(text: str, source: Source, path: str) -> Imported:
    if source in ("csv", "tsv"):
        from cxjourney.importers.grid import from_csv

        return from_csv(text, "\t" if source == "tsv" else None)
    if source == "doc-table":
        from cxjourney.importers.doctable import read_doc_table

        return read_doc_table(text)
    from cxjourney.importers.mermaid import read_mermaid

    return read_mermaid(text, path)


def journey_text(imported: Imported, path: str = "-") -> str:
    from cxjourney.yamlwrite import dump

    return dump(finish(imported, path))


def _validation_problems(yaml_text: str, out: Path | None) -> list[str]:
    from cxjourney.loader import load_bytes

    name = out.name if out is not None else "imported.journey.yaml"
    loaded = load_bytes(yaml_text.encode("utf-8"), name)
    return [f"{finding.code} {finding.rule}: {finding.message}" for finding in loaded.findings]
