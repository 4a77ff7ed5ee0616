"""``cxj show FILE``: one journey in the terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from cxjourney import output
from cxjourney.output import ColorChoice

STDIN = "-"


def run(file: str, *, config: str | None, isolated: bool, color: ColorChoice) -> int:
    from rich.console import Console

    from cxjourney import linter
    from cxjourney.checker import check
    from cxjourney.config import load_settings
    from cxjourney.show import render

    settings = load_settings(Path(config) if config else None, isolated=isolated)
    stdin = sys.stdin.buffer.read() if file == STDIN else None
    report = check([file], settings, analyzer=linter.analyze, stdin=stdin)
    for problem in report.problems:
        output.error(problem)
    if report.problems:
        return 2
    result = report.files[-1]
    if result.journey is None:
        for finding in report.findings:
            print(f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.label} "
                  f"{finding.code} {finding.rule}: {finding.message}")
        output.error(f"{file} is not a valid journey; nothing to show")
        return 1
    colour = output.use_color(color, sys.stdout)
    console = Console(color_system="auto" if colour else None, force_terminal=colour,
                      highlight=False, soft_wrap=False)
    render(result.journey, list(result.findings), console, settings.config.lang)
    return 0
