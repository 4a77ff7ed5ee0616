"""``cxj validate`` and ``cxj lint``: one flow, two depths of checking."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from cxjourney import output
from cxjourney.checker import Report
from cxjourney.config import Settings, show_settings
from cxjourney.files import STDIN, select
from cxjourney.findings import Severity
from cxjourney.output import ColorChoice

if TYPE_CHECKING:
    from rich.console import Console

PROGRESS_MIN_FILES = 50  # fewer files finish before a bar would be worth drawing


class CheckOptions(NamedTuple):
    """The command line of ``validate`` / ``lint``, already parsed."""

    paths: list[str]
    format: str = "text"
    output: Path | None = None
    color: ColorChoice = "auto"
    quiet: bool = False
    exit_zero: bool = False
    statistics: bool = False
    show_files: bool = False
    show_settings: bool = False
    stdin_filename: str | None = None
    force_exclude: bool = False
    fail_on: Severity = Severity.ERROR


def run_command(command: str, values: dict[str, Any]) -> int:
    """``cxj validate`` / ``cxj lint`` from parsed option values (Typer's or the fast
    path's: both name them as ``cxjourney.options`` does)."""
    from cxjourney.config import load_settings

    config = values.get("config")
    settings = load_settings(Path(config) if config else None,
                             isolated=bool(values.get("isolated")))
    fail_on = Severity.ERROR
    if command == "lint":
        from cxjourney import linter

        # Applied here too, so that --show-settings and --fail-on see the command line.
        settings = linter.apply_options(settings, values)
        fail_on = Severity.parse(settings.config.lint.fail_on)
    output_path = values.get("output")
    options = CheckOptions(
        paths=list(values.get("paths") or []), format=values.get("format") or "text",
        output=Path(output_path) if output_path else None,
        color=values.get("color") or "auto", quiet=bool(values.get("quiet")),
        exit_zero=bool(values.get("exit_zero")), statistics=bool(values.get("statistics")),
        show_files=bool(values.get("show_files")),
        show_settings=bool(values.get("show_settings")),
        stdin_filename=values.get("stdin_filename"),
        force_exclude=bool(values.get("force_exclude")), fail_on=fail_on)
    return run(options, settings, lint=command == "lint")


def run(options: CheckOptions, settings: Settings, *, lint: bool = False) -> int:
    """Run the check and print the report; returns the exit code."""
    if options.show_settings:
        output.emit(show_settings(settings), options.output)
        return 0
    if options.show_files:
        return _show_files(options, settings)
    import cxjourney  # the CLI does its work through the library API

    stdin = sys.stdin.buffer.read() if STDIN in options.paths else None
    check = cxjourney.lint if lint else cxjourney.validate
    report = check(options.paths, settings, stdin=stdin, stdin_filename=options.stdin_filename,
                   force_exclude=options.force_exclude, keep_journeys=False,
                   progress=_progress_bar())
    for problem in report.problems:
        output.error(problem)
    if not report.files and not report.problems:
        output.warn("no journey files found")
        return 0
    output.emit(_render(report, options), options.output)
    return report.exit_code(options.fail_on, exit_zero=options.exit_zero)


def _render(report: Report, options: CheckOptions) -> str:
    from cxjourney import reporters
    from cxjourney.reporters import text

    if options.statistics:
        return text.statistics(report)
    color = output.use_color(options.color, sys.stdout, to_file=options.output is not None,
                             text_format=options.format == "text")
    on_terminal = options.output is None and output.is_terminal(sys.stdout)
    show_source = options.format == "text" and on_terminal and not options.quiet
    sources = _sources(report, options) if show_source else {}
    report_options = reporters.ReportOptions(color=color, quiet=options.quiet,
                                             fail_on=options.fail_on, sources=sources)
    return reporters.get(options.format)(report, report_options)


def _sources(report: Report, options: CheckOptions) -> dict[str, str]:
    """File texts for source excerpts (terminal only), read again only for files with
    findings: the hot path does not carry texts back from the workers."""
    texts: dict[str, str] = {}
    for result in report.files:
        if not result.findings or result.path == STDIN:
            continue
        try:
            texts[result.path] = Path(result.path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
    return texts


def _show_files(options: CheckOptions, settings: Settings) -> int:
    selection = select(options.paths, settings, force_exclude=options.force_exclude,
                       stdin_filename=options.stdin_filename)
    for missing in selection.missing:
        output.error(f"path not found: {missing}")
    output.emit("".join(f"{item.display}\n" for item in selection.inputs), options.output)
    return 2 if selection.missing else 0


def _progress_bar() -> _Bar | None:
    return _Bar() if output.is_terminal(sys.stderr) else None


class _Bar:
    """A Rich progress bar on standard error, drawn only once many files are under way."""

    def __init__(self) -> None:
        self._progress: object | None = None
        self._task: object = None

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_MIN_FILES:
            return
        from rich.progress import Progress

        if self._progress is None:
            progress = Progress(transient=True, auto_refresh=False,
                                console=_stderr_console())
            progress.start()
            self._task = progress.add_task("Checking", total=total)
            self._progress = progress
        assert isinstance(self._progress, Progress)
        self._progress.update(self._task, completed=done)  # type: ignore[arg-type]
        if done == total or done % 25 == 0:
            self._progress.refresh()
        if done == total:
            self._progress.stop()


def _stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)
