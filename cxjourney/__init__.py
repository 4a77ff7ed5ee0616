"""cxj: customer-journey maps as version-controlled YAML.

The library API. Imports happen inside the functions so that ``import cxjourney`` (and the
start-up of every ``cxj`` command) stays cheap::

    journey = cxjourney.load("journeys/winter-coat.journey.yaml")   # or JourneyError
    report = cxjourney.validate(["journeys/"])                       # a checker.Report
    report = cxjourney.lint(["journeys/"])                           # plus the rules
    page = cxjourney.render(journey, "html")                         # str (png: bytes)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cxjourney.checker import Progress, Report
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


def validate(paths: PathLike | Iterable[PathLike], settings: Settings | None = None, *,
             stdin: bytes | None = None, stdin_filename: str | None = None,
             force_exclude: bool = False, keep_journeys: bool = True,
             progress: Progress | None = None) -> Report:
    """Validate journey files and folders (searched like ``cxj validate`` does).

    ``settings`` default to the discovered configuration. The report holds each file's
    findings and, for valid files, its journey (unless ``keep_journeys`` is false);
    ``report.problems`` lists what could not be read (the CLI's exit 2). ``stdin`` holds
    the content of a ``-`` path, which ``stdin_filename`` names; ``force_exclude`` applies
    ``exclude`` to named files too; ``progress(done, total)`` is called as files finish.
    """
    from cxjourney import checker

    return checker.check(_paths(paths), _settings(settings), stdin=stdin,
                         stdin_filename=stdin_filename, force_exclude=force_exclude,
                         keep_journeys=keep_journeys, progress=progress)


def lint(paths: PathLike | Iterable[PathLike], settings: Settings | None = None, *,
         select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
         stdin: bytes | None = None, stdin_filename: str | None = None,
         force_exclude: bool = False, keep_journeys: bool = True,
         progress: Progress | None = None) -> Report:
    """Validate and lint, as ``cxj lint`` does; ``select`` replaces the configured
    selection and ``ignore`` adds to it (codes, names or prefixes). The other options are
    those of :func:`validate`."""
    from cxjourney import checker, linter

    options = {"select": list(select or []), "ignore": list(ignore or [])}
    chosen = linter.apply_options(_settings(settings), options)
    return checker.check(_paths(paths), chosen, analyzer=linter.analyze, stdin=stdin,
                         stdin_filename=stdin_filename, force_exclude=force_exclude,
                         keep_journeys=keep_journeys, progress=progress)


def _paths(paths: PathLike | Iterable[PathLike]) -> list[str]:
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    return [os.fspath(path) for path in given]


def render(journey: Journey, format: str = "html", *, lang: str | None = None,
           templates: PathLike | None = None) -> str | bytes:
    """Render one journey: ``html``, ``md``, ``mermaid``, ``dot``, ``svg``, ``png`` (bytes),
    ``json`` or ``csv``. ``templates`` is a folder searched before the built-in templates."""
    from pathlib import Path

    from cxjourney.rendering import render as render_journey

    folder = Path(templates) if templates is not None else None
    return render_journey(journey, format, lang=lang, templates=folder)


def _settings(settings: Settings | None) -> Settings:
    if settings is not None:
        return settings
    from cxjourney.config import load_settings

    return load_settings()
