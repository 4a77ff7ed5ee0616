"""cxj: customer-journey maps as version-controlled YAML.

The library API. Imports happen inside the functions so that ``import cxjourney`` (and the
start-up of every ``cxj`` command) stays cheap::

    journey = cxjourney.load("journeys/winter-coat.journey.yaml")   # or JourneyError
    report = cxjourney.validate(["journeys/"])                       # a checker.Report
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cxjourney.checker import Report
    from cxjourney.config import Settings
    from cxjourney.model import Journey

__version__ = "0.1.0"

PathLike = str | os.PathLike[str]


def load(path: PathLike, settings: Settings | None = None) -> Journey:
    """Read and validate one journey file.

    ``settings`` default to the configuration found from the current directory, as for
    ``cxj validate`` (its limits and personas file apply). Raises
    :class:`cxjourney.errors.JourneyError`, carrying every finding, when the journey is
    invalid; :class:`FileNotFoundError` when ``path`` is not a file; and
    :class:`cxjourney.errors.CxjError` when the file or the personas file cannot be read.
    """
    import errno
    from pathlib import Path

    from cxjourney import checker, errors, files

    if not Path(path).is_file():
        raise FileNotFoundError(errno.ENOENT, "no such journey file", os.fspath(path))
    report = checker.check([os.fspath(path)], _settings(settings), keep_journeys=True)
    if report.problems:
        raise errors.CxjError("; ".join(report.problems))
    display = files.clean(os.fspath(path))
    result = next(result for result in report.files if result.path == display)
    if result.journey is None:
        raise errors.JourneyError(display, result.findings)
    return result.journey


def validate(paths: PathLike | Iterable[PathLike],
             settings: Settings | None = None) -> Report:
    """Validate journey files and folders (searched like ``cxj validate`` does).

    ``settings`` default to the discovered configuration. The report holds each file's
    findings and, for valid files, its journey; ``report.problems`` lists what could not be
    read (the CLI's exit 2).
    """
    from cxjourney import checker

    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    return checker.check([os.fspath(path) for path in given], _settings(settings),
                         keep_journeys=True)


def _settings(settings: Settings | None) -> Settings:
    if settings is not None:
        return settings
    from cxjourney.config import load_settings

    return load_settings()
