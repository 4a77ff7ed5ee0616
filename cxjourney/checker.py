"""Run validation (and, for ``lint``, the rules) over many files and collect a report.

paths → inputs (``files``) → loaded journeys (``loader``) → findings → :class:`Report`.
Many files are spread over a process pool (one worker per core); one file runs in-process,
since starting a pool costs more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from cxjourney.config import Settings
from cxjourney.files import Input, select
from cxjourney.findings import VALIDATION_CODES, Finding, Severity
from cxjourney.loader import Loaded, load_bytes, load_personas_bytes
from cxjourney.model import Journey, Persona

_VALIDATION_CODES = frozenset(code.code for code in VALIDATION_CODES)

Analyzer = Callable[[Loaded, Settings], list[Finding]]
Progress = Callable[[int, int], None]


class FileResult(NamedTuple):
    """One processed file: its findings and, when asked for, its journey."""

    path: str
    findings: tuple[Finding, ...]
    journey: Journey | None = None

    @property
    def valid(self) -> bool:
        """No validation error (lint findings do not make a journey invalid)."""
        return not any(finding.code in _VALIDATION_CODES for finding in self.findings)


class Report(NamedTuple):
    """What a run found. ``problems`` are what kept it from doing its job (exit 2)."""

    files: tuple[FileResult, ...]
    problems: tuple[str, ...] = ()

    @property
    def findings(self) -> list[Finding]:
        return sorted(finding for result in self.files for finding in result.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def exit_code(self, fail_on: Severity = Severity.ERROR, *, exit_zero: bool = False) -> int:
        """2 if the job could not be done, else 1 if a finding reaches ``fail_on``, else 0."""
        if self.problems:
            return 2
        if exit_zero:
            return 0
        return 1 if any(finding.severity >= fail_on for finding in self.findings) else 0


class _Job(NamedTuple):
    """Everything a worker needs, sent once per worker."""

    settings: Settings
    personas: dict[str, Persona] | None
    analyzer: Analyzer | None
    keep_journeys: bool
    pure: bool


def _check_bytes(data: bytes, display: str, job: _Job) -> FileResult:
    loaded = load_bytes(data, display, limits=job.settings.file_limits, personas=job.personas,
                        personas_configured=job.settings.personas_path is not None,
                        pure=job.pure)
    found = list(loaded.findings)
    if job.analyzer is not None and loaded.valid:
        found.extend(job.analyzer(loaded, job.settings))
    journey = loaded.journey if job.keep_journeys else None
    return FileResult(display, tuple(sorted(set(found))), journey)


def _check_input(item: Input, job: _Job) -> FileResult | str:
    """A file's result, or the message of why it could not be read."""
    assert item.source is not None
    try:
        data = item.source.read_bytes()
    except OSError as error:
        return f"cannot read {item.display}: {error.strerror or error}"
    return _check_bytes(data, item.display, job)


def _load_personas(settings: Settings, pure: bool) -> tuple[dict[str, Persona] | None,
                                                             FileResult | None, str | None]:
    path = settings.personas_path
    if path is None:
        return None, None, None
    display = _display(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return {}, None, f"cannot read the personas file {display}: {error.strerror or error}"
    personas, found = load_personas_bytes(data, display, limits=settings.file_limits, pure=pure)
    return personas, FileResult(display, tuple(found)), None


def _display(path: Path) -> str:
    relative = os.path.relpath(path)
    return (path.as_posix() if relative.startswith("..") else Path(relative).as_posix())


def check(paths: list[str], settings: Settings, *, analyzer: Analyzer | None = None,
          stdin: bytes | None = None, stdin_filename: str | None = None,
          force_exclude: bool = False, keep_journeys: bool = True, pure: bool = False,
          progress: Progress | None = None, jobs: int | None = None) -> Report:
    """Validate (and analyze) the journeys ``paths`` name.

    ``stdin`` holds the bytes for a ``-`` path. ``jobs`` caps the worker processes (default:
    one per core, and none for fewer than ``pool.POOL_THRESHOLD`` files)."""
    selection = select(paths, settings, force_exclude=force_exclude,
                       stdin_filename=stdin_filename)
    problems = [f"path not found: {missing}" for missing in selection.missing]
    personas, personas_result, personas_problem = _load_personas(settings, pure)
    if personas_problem:
        problems.append(personas_problem)
    job = _Job(settings, personas, analyzer, keep_journeys, pure)
    results: list[FileResult] = [] if personas_result is None or not selection.inputs \
        else [personas_result]
    files = [item for item in selection.inputs if item.source is not None]
    if any(item.source is None for item in selection.inputs):
        display = next(item.display for item in selection.inputs if item.source is None)
        results.append(_check_bytes(stdin or b"", display, job))
    for outcome in _run(files, job, progress, jobs):
        if isinstance(outcome, str):
            problems.append(outcome)
        else:
            results.append(outcome)
    results.sort(key=lambda result: result.path)
    return Report(tuple(results), tuple(problems))


def check_blobs(blobs: list[tuple[str, bytes]], settings: Settings, *,
                analyzer: Analyzer | None = None) -> Report:
    """Check contents that are not files on disk (e.g. git's staged blobs), by path."""
    personas, personas_result, personas_problem = _load_personas(settings, pure=False)
    job = _Job(settings, personas, analyzer, keep_journeys=False, pure=False)
    results = [_check_bytes(data, display, job) for display, data in blobs]
    if personas_result is not None and results:
        results.append(personas_result)
    results.sort(key=lambda result: result.path)
    return Report(tuple(results), (personas_problem,) if personas_problem else ())


def _run(files: list[Input], job: _Job, progress: Progress | None,
         jobs: int | None) -> Iterable[FileResult | str]:
    from functools import partial

    from cxjourney import pool

    outcomes = pool.run(partial(_check_input, job=job), files, jobs=jobs)
    for done, outcome in enumerate(outcomes, 1):
        yield outcome
        if progress:
            progress(done, len(files))
