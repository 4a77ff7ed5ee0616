"""``cxj render``: options → settings → :func:`cxjourney.rendering.run.run`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from cxjourney import output

PROGRESS_MIN_FILES = 50  # fewer files finish before a bar would be worth drawing


def run_command(values: dict[str, Any]) -> int:
    from cxjourney.config import load_settings
    from cxjourney.rendering.run import RenderOptions, run

    config = values.get("config")
    settings = load_settings(Path(config) if config else None,
                             isolated=bool(values.get("isolated")))
    template = values.get("template")
    templates = values.get("templates")
    options = RenderOptions(
        paths=list(values.get("paths") or []), format=values.get("format"),
        output=values.get("output"), lang=values.get("lang"),
        template=Path(template) if template else None,
        templates=Path(templates) if templates else None,
        stdin_filename=values.get("stdin_filename"),
        color=output.use_color(values.get("color") or "auto", sys.stderr))
    terminal = output.is_terminal(sys.stderr)
    return run(options, settings, progress=_Bar("Rendering") if terminal else None)


class _Bar:
    """A Rich progress bar on standard error, drawn only once many files are under way."""

    def __init__(self, description: str) -> None:
        self.description = description
        self._progress: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_MIN_FILES:
            return
        if self._progress is None:
            from rich.console import Console
            from rich.progress import Progress

            self._progress = Progress(transient=True, auto_refresh=False,
                                      console=Console(stderr=True))
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=total)
        self._progress.update(self._task, completed=done)
        if done == total or done % 25 == 0:
            self._progress.refresh()
        if done == total:
            self._progress.stop()
