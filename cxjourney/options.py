"""The options of ``cxj validate``, ``cxj lint`` and ``cxj render``, declared once as data.

Two parsers read this table: the Typer command line (``cxjourney.cli``), which is the
authority for help and errors, and the start-up fast path (``cxjourney.fastpath``), which
parses the common, well-formed command lines of git hooks and CI without importing Typer
(Typer costs more to import than the whole budget of a one-file ``cxj validate``).
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple, get_args

from cxjourney.model import Lang

OptionKind = Literal["flag", "value", "choice", "list"]

ReportFormat = Literal["text", "json", "github", "sarif", "junit", "gitlab"]
RenderFormat = Literal["html", "md", "mermaid", "dot", "svg", "png", "json", "csv"]
ColorChoice = Literal["auto", "always", "never"]
SeverityName = Literal["error", "warning", "info"]
REPORT_FORMATS: tuple[str, ...] = get_args(ReportFormat)
RENDER_FORMATS: tuple[str, ...] = get_args(RenderFormat)
LANGS: tuple[str, ...] = get_args(Lang)
COLOR_CHOICES: tuple[str, ...] = get_args(ColorChoice)
SEVERITIES: tuple[str, ...] = get_args(SeverityName)


class OptionSpec(NamedTuple):
    """One option: its flags, what it holds, and its help text."""

    dest: str
    flags: tuple[str, ...]
    kind: OptionKind
    help: str
    choices: tuple[str, ...] = ()
    default: Any = None


CHECK_OPTIONS: tuple[OptionSpec, ...] = (
    OptionSpec("format", ("--format",), "choice", "Report format.", REPORT_FORMATS, "text"),
    OptionSpec("output", ("--output", "-o"), "value",
               "Write the report to this file (atomically) instead of standard output."),
    OptionSpec("config", ("--config",), "value",
               "Use this cxj.toml or pyproject.toml instead of searching for one."),
    OptionSpec("isolated", ("--isolated",), "flag", "Ignore all configuration files.",
               default=False),
    OptionSpec("color", ("--color",), "choice",
               "Colour the text report (auto: on a terminal; NO_COLOR and FORCE_COLOR are "
               "honoured).", COLOR_CHOICES, "auto"),
    OptionSpec("quiet", ("--quiet", "-q"), "flag", "Print only the summary line.",
               default=False),
    OptionSpec("exit_zero", ("--exit-zero",), "flag",
               "Exit 0 even when problems are found (exit 2 still applies).", default=False),
    OptionSpec("statistics", ("--statistics",), "flag",
               "Print a count per rule instead of each finding.", default=False),
    OptionSpec("show_files", ("--show-files",), "flag",
               "List the files that would be checked, and stop.", default=False),
    OptionSpec("show_settings", ("--show-settings",), "flag",
               "Print the resolved configuration and where it came from, and stop.",
               default=False),
    OptionSpec("stdin_filename", ("--stdin-filename",), "value",
               "The path that standard input ('-') stands for: in messages, for the "
               "configuration and the default id."),
    OptionSpec("force_exclude", ("--force-exclude",), "flag",
               "Apply `exclude` to files named on the command line too (pre-commit passes "
               "file names).", default=False),
)

LINT_OPTIONS: tuple[OptionSpec, ...] = (
    OptionSpec("select", ("--select",), "list",
               "Rules to run instead of the configured `select` (codes, names or prefixes, "
               "comma-separated; may repeat)."),
    OptionSpec("ignore", ("--ignore",), "list",
               "Rules not to run, added to the configured `ignore`."),
    OptionSpec("extend_select", ("--extend-select",), "list",
               "Rules to run in addition to `select`."),
    OptionSpec("fail_on", ("--fail-on",), "choice",
               "The lowest severity that makes the exit code 1 (default: config, else "
               "warning).", SEVERITIES),
)


_COMMON = {option.dest: option for option in CHECK_OPTIONS}

RENDER_OPTIONS: tuple[OptionSpec, ...] = (
    OptionSpec("format", ("--format", "-f"), "choice",
               "html, md, mermaid, dot, svg, png (svg and png need Graphviz), json or csv. "
               "Default: config `format`, else html.", RENDER_FORMATS),
    OptionSpec("output", ("--output", "-o"), "value",
               "A file (one journey, with a suffix), a folder, or '-' for standard output. "
               "Default: config `output`, else site/."),
    OptionSpec("lang", ("--lang",), "choice",
               "Label language, over the file's `lang:` and config `lang`.", LANGS),
    OptionSpec("template", ("--template",), "value",
               "A Jinja template FILE used instead of the format's journey template."),
    OptionSpec("templates", ("--templates",), "value",
               "A folder searched before the built-in templates (overrides config "
               "`templates`)."),
    _COMMON["config"], _COMMON["isolated"], _COMMON["color"], _COMMON["stdin_filename"],
)


def spec(dest: str, table: tuple[OptionSpec, ...] = CHECK_OPTIONS + LINT_OPTIONS,
         ) -> OptionSpec:
    """The option named ``dest`` in ``table`` (for the Typer declarations)."""
    return next(option for option in table if option.dest == dest)
