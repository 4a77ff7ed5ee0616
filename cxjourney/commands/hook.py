"""``cxj hook install|uninstall`` and the hook's own ``cxj hook run``."""

from __future__ import annotations

import sys
from pathlib import Path

from cxjourney import hook, output
from cxjourney.checker import check_blobs
from cxjourney.config import load_settings
from cxjourney.files import excluded, matches_any, relative_to_root


def install(force: bool) -> int:
    print(hook.install(force=force))
    return 0


def uninstall() -> int:
    print(hook.uninstall())
    return 0


def run() -> int:
    """Validate the staged journey files (what `git commit` is about to record)."""
    from cxjourney.reporters import ReportOptions
    from cxjourney.reporters.text import render

    settings = load_settings()
    config = settings.config
    chosen = []
    for name in hook.staged_files():
        relative = relative_to_root(Path(name), settings)
        if matches_any(relative, config.include) and not excluded(relative, config.exclude):
            chosen.append(name)
    if not chosen:
        return 0
    report = check_blobs([(name, hook.staged_blob(name)) for name in chosen], settings)
    code = report.exit_code()
    if code:
        color = output.use_color("auto", sys.stdout)
        output.emit(render(report, ReportOptions(color=color)), None)
        print("cxj: the commit was stopped: fix the staged journey files above "
              "(or commit with --no-verify to skip the check)", file=sys.stderr)
    return code
