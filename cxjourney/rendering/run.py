"""``cxj render`` as a library call: which journeys, where each goes, and the index page.

paths → inputs (``files``) → per file, in a worker: load and validate (``loader``), lint
for the index (``lint``), render → the renderable ones (valid, unique ids) → one file
each (atomic writes, names from ids) → the index page. Nothing is ever deleted.

The workers render as well as load: ``checker.check(keep_journeys=True)`` would ship each
journey with its YAML node tree back to the parent, which costs more than rendering it.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cxjourney import output
from cxjourney.config import Settings
from cxjourney.errors import UsageError
from cxjourney.files import STDIN, Input, select_and_report
from cxjourney.findings import Finding, Severity
from cxjourney.ids import is_slug
from cxjourney.model import Journey, Persona
from cxjourney.rendering import Renderer, context, formats, graphviz
from cxjourney.rendering.labels import Labels
from cxjourney.text import NONE_TEXT

INDEX_ID = "index"
DEFAULT_OUTPUT = "site"
# Below this many journeys a pool's start-up costs more than the second core saves.
Progress = Callable[[int, int], None]
_STAGE_NUMBERS = itertools.count()  # per process (the workers are forked)


@dataclass(frozen=True)
class RenderOptions:
    """The command line of ``cxj render``, already parsed."""

    paths: list[str] = field(default_factory=list)
    format: str | None = None
    output: str | None = None
    lang: str | None = None
    template: Path | None = None
    templates: Path | None = None
    stdin_filename: str | None = None
    color: bool = False


@dataclass(frozen=True)
class Target:
    """Where the output goes: standard output, one file, or a folder of ``<id><suffix>``."""

    kind: str  # "stdout" | "file" | "folder"
    path: Path | None = None

    def file_for(self, journey_id: str, suffix: str) -> Path:
        assert self.path is not None
        if self.kind == "file":
            return self.path
        return self.path / f"{journey_id}{suffix}"


@dataclass
class Outcome:
    """What a run did, for the exit code: 2 over 1 over 0."""

    written: list[Path] = field(default_factory=list)
    rejected: int = 0  # invalid or not rendered journeys (exit 1)
    failed: int = 0  # could not write or render (exit 2)

    def exit_code(self) -> int:
        if self.failed:
            return 2
        return 1 if self.rejected else 0


def renderer_for(options: RenderOptions, settings: Settings) -> Renderer:
    """The run's one renderer; the templates compile here, before any journey is read."""
    config = settings.config.render
    templates = options.templates
    if templates is None and config.templates:
        templates = settings.root / config.templates
    renderer = Renderer(options.format or config.format, template=options.template,
                        templates=templates, config_lang=settings.config.lang,
                        lang=options.lang)
    if renderer.format.graphviz:
        graphviz.executable()  # a missing `dot` is exit 2 before any work
    return renderer


def target_for(options: RenderOptions, settings: Settings, several: bool) -> Target:
    """SPEC §8 "render": ``-o -``, a file with a suffix, else a folder (default site/)."""
    if options.output == STDIN:
        if several:
            raise UsageError("-o - writes one journey to standard output; several were "
                             "given (name a folder instead)")
        return Target("stdout")
    configured = settings.config.render.output
    if options.output:
        path = Path(options.output)
    elif configured:
        path = settings.root / configured
    else:
        return Target("folder", Path(DEFAULT_OUTPUT))
    if not several and path.suffix and not path.is_dir():
        return Target("file", path)
    return Target("folder", path)


@dataclass(frozen=True)
class Checked:
    """One journey file after a worker is done with it. Small on purpose: a worker sends
    back the rendered bytes and a plain index row, never the journey and its YAML tree."""

    path: str
    findings: tuple[Finding, ...] = ()  # why the file is invalid (lint goes in `entry`)
    journey_id: str | None = None  # None: invalid (or unreadable)
    payload: bytes | None = None  # for standard output
    staged: Path | None = None  # for files: written beside its destination, not yet renamed
    entry: dict[str, Any] | None = None
    problem: str = ""  # could not read or render (exit 2)

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.code < "CXJ100"]


@dataclass(frozen=True)
class _Work:
    """Everything a worker needs, inherited by the forked workers."""

    renderer: Renderer
    target: Target
    settings: Settings
    personas: dict[str, Persona] | None
    with_index: bool
    stdin: bytes | None


def run(options: RenderOptions, settings: Settings,
        progress: Progress | None = None) -> int:
    """Render the journeys ``options.paths`` name; returns the exit code."""
    renderer = renderer_for(options, settings)
    selection = select_and_report(options.paths, settings,
                                  stdin_filename=options.stdin_filename)
    if not selection.inputs:
        return 2 if selection.missing else 0
    several = len(selection.inputs) > 1
    target = target_for(options, settings, several)
    with_index = several and renderer.format.index_template is not None
    outcome = Outcome(failed=len(selection.missing))
    personas = _personas(settings, outcome, options.color)
    stdin = sys.stdin.buffer.read() if STDIN in options.paths else None
    work = _Work(renderer, target, settings, personas, with_index, stdin)
    results: list[Checked] = []
    try:
        results.extend(_process_all(work, selection.inputs, progress))
        chosen = _renderable(results, with_index, outcome, options.color)
        if target.kind == "stdout":
            for result in chosen:
                sys.stdout.buffer.write(result.payload or b"")
            sys.stdout.buffer.flush()
        else:
            for result in chosen:
                _commit(result, target, renderer.format.suffix, outcome)
            if with_index and target.path is not None:
                _write_index(renderer, chosen, target.path, options, settings, outcome)
    finally:
        _discard_staged(results)  # of journeys not rendered, or of an interrupted run
    return outcome.exit_code()


def _personas(settings: Settings, outcome: Outcome,
              color: bool) -> dict[str, Persona] | None:
    """The personas file's valid entries; its validation errors are reported (exit 1)."""
    path = settings.personas_path
    if path is None:
        return None
    from cxjourney.loader import load_personas_bytes

    display = path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as error:
        output.error(f"cannot read the personas file {display}: {error.strerror or error}")
        outcome.failed += 1
        return {}
    personas, found = load_personas_bytes(data, display, limits=settings.file_limits)
    _print_findings(found, color)
    outcome.rejected += 1 if found else 0
    return personas


def _process(work: _Work, item: Input) -> Checked:
    """Load, validate, lint (for the index) and render one file."""
    from cxjourney.errors import CxjError
    from cxjourney.loader import load_bytes

    if item.source is None:
        data = work.stdin or b""
    else:
        try:
            data = item.source.read_bytes()
        except OSError as error:
            return Checked(item.display, problem=f"cannot read {item.display}: "
                                                 f"{error.strerror or error}")
    settings = work.settings
    loaded = load_bytes(data, item.display, limits=settings.file_limits,
                        personas=work.personas,
                        personas_configured=settings.personas_path is not None)
    journey = loaded.journey
    if journey is None:
        return Checked(item.display, tuple(loaded.findings))
    try:
        rendered = work.renderer.render(journey)
    except CxjError as error:
        return Checked(item.display, (), journey.id, problem=str(error))
    payload = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
    entry = index_entry(journey, tuple(_lint(loaded, settings)), work.renderer.format,
                        Labels(work.renderer.lang or settings.config.lang or "en")) \
        if work.with_index else None
    if work.target.kind == "stdout":
        return Checked(item.display, (), journey.id, payload, entry=entry)
    return _stage(item.display, journey.id, payload, entry, work)


def _stage(path: str, journey_id: str, payload: bytes, entry: dict[str, Any] | None,
           work: _Work) -> Checked:
    """Write the output beside its destination under a hidden name, in the worker (the
    writes spread over the cores). The parent renames it into place once it knows the id
    is not shared (a rename is atomic)."""
    destination = work.target.file_for(journey_id, work.renderer.format.suffix)
    staged = destination.with_name(f".{destination.name}.{os.getpid()}."
                                   f"{next(_STAGE_NUMBERS)}.staged")
    if not is_slug(journey_id):
        return Checked(path, (), journey_id)  # rejected by the parent; no file name
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        output.write_staged(staged, payload)
    except OSError as error:
        return Checked(path, (), journey_id,
                       problem=f"{path}: cannot write {destination}: "
                               f"{error.strerror or error}")
    return Checked(path, (), journey_id, staged=staged, entry=entry)


def _lint(loaded: Any, settings: Settings) -> list[Finding]:
    from cxjourney import linter

    return linter.analyze(loaded, settings)


def _process_all(work: _Work, inputs: list[Input],
                 progress: Progress | None) -> Iterator[Checked]:
    from functools import partial

    from cxjourney import pool

    # One worker per core, as for check and lint: a worker never waits on the disk
    # (write_staged does not fsync), so more workers would only share the cores.
    for done, result in enumerate(pool.run(partial(_process, work), inputs), 1):
        yield result
        if progress:
            progress(done, len(inputs))


def _print_findings(findings: Iterable[Finding], color: bool) -> None:
    from cxjourney.reporters.text import format_finding

    for finding in findings:
        print(format_finding(finding, color), file=sys.stderr)


def _renderable(results: list[Checked], with_index: bool, outcome: Outcome,
                color: bool) -> list[Checked]:
    """The rendered journeys with unique ids; the others are reported on standard error."""
    by_id: dict[str, list[str]] = {}
    valid: list[Checked] = []
    for result in sorted(results, key=lambda result: result.path):
        if result.problem:
            output.error(result.problem)
            outcome.failed += 1
        elif result.journey_id is None:
            _print_findings(result.errors, color)
            outcome.rejected += 1
        else:
            valid.append(result)
            by_id.setdefault(result.journey_id, []).append(result.path)
    chosen = []
    for result in valid:
        assert result.journey_id is not None
        reason = _not_rendered(result.journey_id, by_id[result.journey_id], result.path,
                               with_index)
        if reason:
            print(f"cxj: not rendered: {result.path}: {reason}", file=sys.stderr)
            outcome.rejected += 1
        else:
            chosen.append(result)
    return chosen


def _not_rendered(journey_id: str, paths: list[str], path: str, with_index: bool) -> str:
    if len(paths) > 1:
        others = ", ".join(other for other in paths if other != path)
        return f"the id '{journey_id}' is also the id of {others}; none of them is rendered"
    if with_index and journey_id == INDEX_ID:
        return "the id 'index' would overwrite the index page; set another `id`"
    if not is_slug(journey_id):  # ids are validated slugs; this guards the file name
        return f"the id '{journey_id}' cannot name a file"
    return ""


def _commit(result: Checked, target: Target, suffix: str, outcome: Outcome) -> None:
    """Rename a staged file into place, keeping the permissions of the file it replaces."""
    assert result.staged is not None and result.journey_id is not None
    destination = target.file_for(result.journey_id, suffix)
    try:
        with contextlib.suppress(FileNotFoundError):
            result.staged.chmod(destination.stat().st_mode & 0o777)
        result.staged.replace(destination)
    except OSError as error:
        output.error(f"{result.path}: cannot write {destination}: {error.strerror or error}")
        outcome.failed += 1
        return
    outcome.written.append(destination)


def _discard_staged(results: list[Checked]) -> None:
    for result in results:
        if result.staged is not None:
            with contextlib.suppress(OSError):
                result.staged.unlink()


def _write(destination: Path, payload: str | bytes, source: str) -> bool:
    try:
        output.write_atomic(destination, payload)
    except OSError as error:
        output.error(f"{source}: cannot write {destination}: {error.strerror or error}")
        return False
    return True


def _count(outcome: Outcome, destination: Path, ok: bool) -> None:
    if ok:
        outcome.written.append(destination)
    else:
        outcome.failed += 1


def _write_index(renderer: Renderer, chosen: list[Checked], folder: Path,
                 options: RenderOptions, settings: Settings, outcome: Outcome) -> None:
    lang = options.lang or settings.config.lang or "en"
    entries = sorted((result.entry for result in chosen if result.entry is not None),
                     key=lambda entry: str(entry["id"]))
    destination = folder / f"{INDEX_ID}{renderer.format.suffix}"
    _count(outcome, destination, _write(destination, renderer.index(entries, lang), "index"))


def index_entry(journey: Journey, findings: tuple[Finding, ...], fmt: formats.Format,
                labels: Labels) -> dict[str, Any]:
    """One row of the index page (plain data): title, persona, stages, end score, lint."""
    views = context.stage_views(journey, labels)
    end = next((view for view in views if view.is_end), None)
    counts = {severity.label: sum(1 for finding in findings if finding.severity == severity)
              for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    parts = [labels.count(counts[key], key) for key in ("error", "warning", "info")
             if counts[key]]
    persona = journey.resolved_persona
    return {
        "id": journey.id, "href": f"{journey.id}{fmt.suffix}", "title": journey.title,
        "persona": persona.name if persona else None,
        "stages": [_view_data(view) for view in views],
        "end": _view_data(end) if end else None,
        "end_score": end.score_text if end else NONE_TEXT,
        "lint": counts, "lint_text": ", ".join(parts) or labels.no_findings,
    }


def _view_data(view: context.StageView) -> dict[str, Any]:
    return {"id": view.id, "name": view.name, "number": view.number, "score": view.score,
            "score_text": view.score_text, "level": view.level, "mood": view.mood}
