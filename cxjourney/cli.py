"""The ``cxj`` command line: Typer declarations only. Each command hands its options to
``cxjourney.commands``; the exit code is what that returns."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from cxjourney import __version__
from cxjourney.model import Lang
from cxjourney.options import (
    RENDER_OPTIONS,
    ColorChoice,
    OptionSpec,
    RenderFormat,
    ReportFormat,
    SeverityName,
    spec,
)

app = typer.Typer(
    name="cxj",
    help="Customer-journey maps as version-controlled YAML: validate, lint and render them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _declare(option: OptionSpec, **extra: Any) -> Any:
    """A Typer option declared from the shared tables in ``cxjourney.options``."""
    return typer.Option(*option.flags, help=option.help, **extra)


def _option(dest: str, **extra: Any) -> Any:
    return _declare(spec(dest), **extra)


def _render_option(dest: str) -> Any:
    return _declare(spec(dest, RENDER_OPTIONS), show_default=False)


# --- options shared by validate and lint ---------------------------------------------------

Paths = Annotated[list[str] | None, typer.Argument(
    help="Journey files or folders (searched for the include globs); '-' reads standard "
         "input. Default: the current folder.", show_default=False)]
Format = Annotated[ReportFormat, _option("format")]
Output = Annotated[str | None, _option("output")]
Config = Annotated[str | None, _option("config")]
Isolated = Annotated[bool, _option("isolated")]
Color = Annotated[ColorChoice, _option("color")]
Quiet = Annotated[bool, _option("quiet")]
ExitZero = Annotated[bool, _option("exit_zero")]
Statistics = Annotated[bool, _option("statistics")]
ShowFiles = Annotated[bool, _option("show_files")]
ShowSettings = Annotated[bool, _option("show_settings")]
StdinFilename = Annotated[str | None, _option("stdin_filename")]
ForceExclude = Annotated[bool, _option("force_exclude")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cxj {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    traceback: Annotated[bool, typer.Option(
        "--traceback", help="Show the Python traceback of an internal error (also accepted "
                            "after the command).")] = False,
) -> None:
    """cxj keeps customer-journey maps exact, reviewable and beautiful.

    Example: cxj validate journeys/
    """


@app.command(epilog="Example: cxj validate journeys/ --format json")
def validate(
    paths: Paths = None,
    format: Format = "text",
    output: Output = None,
    config: Config = None,
    isolated: Isolated = False,
    color: Color = "auto",
    quiet: Quiet = False,
    exit_zero: ExitZero = False,
    statistics: Statistics = False,
    show_files: ShowFiles = False,
    show_settings: ShowSettings = False,
    stdin_filename: StdinFilename = None,
    force_exclude: ForceExclude = False,
) -> int:
    """Check that journey files parse and follow the format (no quality rules)."""
    from cxjourney.commands import check

    return check.run_command("validate", dict(locals()))


@app.command(epilog="Example: cxj schema -o schemas/journey.schema.json")
def schema(
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the schema to this file instead of standard output.",
        dir_okay=False)] = None,
    config: Annotated[bool, typer.Option(
        "--config", help="The schema of the configuration instead of journey files.")] = False,
) -> int:
    """Print the JSON Schema of journey files (for editors and other validators)."""
    from cxjourney.commands import schema as schema_command

    return schema_command.run(output, config=config)





@app.command(epilog="Example: cxj lint journeys/ --format sarif -o cxj.sarif")
def lint(
    paths: Paths = None,
    format: Format = "text",
    output: Output = None,
    config: Config = None,
    isolated: Isolated = False,
    select: Annotated[list[str] | None, _option("select")] = None,
    ignore: Annotated[list[str] | None, _option("ignore")] = None,
    extend_select: Annotated[list[str] | None, _option("extend_select")] = None,
    fail_on: Annotated[SeverityName | None, _option("fail_on")] = None,
    color: Color = "auto",
    quiet: Quiet = False,
    exit_zero: ExitZero = False,
    statistics: Statistics = False,
    show_files: ShowFiles = False,
    show_settings: ShowSettings = False,
    stdin_filename: StdinFilename = None,
    force_exclude: ForceExclude = False,
) -> int:
    """Check journeys against the quality rules (peak and end, metrics, touchpoints …)."""
    from cxjourney.commands import check

    return check.run_command("lint", dict(locals()))


@app.command(epilog="Example: cxj rules stage-without-metrics")
def rules(
    rule: Annotated[str | None, typer.Argument(
        help="A rule code or name; without it, the table of all rules.",
        show_default=False)] = None,
) -> int:
    """List the lint rules, or explain one with a failing and a fixed example."""
    from cxjourney.commands import rules as rules_command

    return rules_command.run(rule)


hook_app = typer.Typer(
    help="Install or remove a git pre-commit hook that validates staged journey files "
         "(for teams without the pre-commit framework).",
    no_args_is_help=True)
app.add_typer(hook_app, name="hook")


@hook_app.command("install", epilog="Example: cxj hook install")
def hook_install(
    force: Annotated[bool, typer.Option(
        "--force", help="Replace another tool's hook (it is kept as a backup that "
                        "`cxj hook uninstall` restores).")] = False,
) -> int:
    """Write .git/hooks/pre-commit so every commit validates its journey files."""
    from cxjourney.commands import hook

    return hook.install(force)


@hook_app.command("uninstall", epilog="Example: cxj hook uninstall")
def hook_uninstall() -> int:
    """Remove cxj's pre-commit hook (and restore the hook it replaced, if any)."""
    from cxjourney.commands import hook

    return hook.uninstall()


@hook_app.command("run", hidden=True)
def hook_run() -> int:
    """What the installed hook runs: validate the staged journey files."""
    from cxjourney.commands import hook

    return hook.run()


# --- authoring: new, fmt, import, show, diff ----------------------------------------------

ImportSource = Literal["csv", "tsv", "doc-table", "mermaid"]
StarterName = Literal["purchase", "service", "blank"]
LangName = Literal["en", "fi"]
DiffFormat = Literal["text", "md", "json"]


@app.command(epilog="Example: cxj new journeys/onboarding.journey.yaml --starter service")
def new(
    file: Annotated[str | None, typer.Argument(
        help="The journey file to create; without it the starter goes to standard output.",
        show_default=False)] = None,
    starter: Annotated[StarterName, typer.Option(
        "--starter", help="Which starter: the five-stage purchase journey, a service "
                          "journey, or a blank one.")] = "purchase",
    lang: Annotated[LangName | None, typer.Option(
        "--lang", help="Language of the starter's text and labels (default: config "
                       "`lang`, else en).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="The journey's title.")] = None,
    config: Config = None,
    isolated: Isolated = False,
) -> int:
    """Write a starter journey to fill in (never over an existing file)."""
    from cxjourney.commands import new as new_command

    return new_command.run(file, starter=starter, lang=lang, title=title, config=config,
                           isolated=isolated)


@app.command(epilog="Example: cxj fmt journeys/ --check")
def fmt(
    paths: Paths = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Write nothing; exit 1 when a file would change.")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Write nothing; show a unified diff and exit 1 when a file would "
                       "change.")] = False,
    config: Config = None,
    isolated: Isolated = False,
    stdin_filename: StdinFilename = None,
    force_exclude: ForceExclude = False,
) -> int:
    """Put journey files in canonical key order and indentation, keeping comments."""
    from cxjourney.commands import fmt as fmt_command

    return fmt_command.run(list(paths or []), check=check, diff=diff, config=config,
                           isolated=isolated, stdin_filename=stdin_filename,
                           force_exclude=force_exclude)


@app.command("import", epilog="Example: cxj import workshop.csv --from csv -o "
                              "journeys/workshop.journey.yaml")
def import_(
    file: Annotated[str, typer.Argument(help="The file to convert; '-' reads standard "
                                             "input.", show_default=False)],
    source: Annotated[ImportSource, typer.Option(
        "--from", help="What the file is: a csv/tsv grid (lanes as rows), a word-processor "
                       "table exported as text (doc-table) or a Mermaid journey.",
        show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the journey here (never over an existing file) "
                               "instead of standard output.", dir_okay=False)] = None,
) -> int:
    """Convert a grid, a document table or a Mermaid journey into a journey file."""
    from cxjourney.commands import importer

    return importer.run(file, source, output)


@app.command(epilog="Example: cxj show journeys/onboarding.journey.yaml")
def show(
    file: Annotated[str, typer.Argument(help="The journey file; '-' reads standard input.",
                                        show_default=False)],
    config: Config = None,
    isolated: Isolated = False,
    color: Color = "auto",
) -> int:
    """Show one journey in the terminal: persona, stages, emotion curve, peak and end."""
    from cxjourney.commands import show as show_command

    return show_command.run(file, config=config, isolated=isolated, color=color)


@app.command(epilog="Example: cxj diff journey.journey.yaml --rev main --format md")
def diff(
    old: Annotated[str, typer.Argument(help="The old version (or the file, with --rev).",
                                       show_default=False)],
    new: Annotated[str | None, typer.Argument(help="The new version.",
                                              show_default=False)] = None,
    rev: Annotated[str | None, typer.Option(
        "--rev", help="Compare the file with its version at this git revision.")] = None,
    format: Annotated[DiffFormat, typer.Option(
        "--format", help="text, md (for a pull-request comment) or json.")] = "text",
    output: Output = None,
    exit_code: Annotated[bool, typer.Option(
        "--exit-code", help="Exit 1 when the journeys differ.")] = False,
    config: Config = None,
    isolated: Isolated = False,
) -> int:
    """Show what changed between two versions of a journey (stages, scores, metrics …)."""
    from cxjourney.commands import diff as diff_command

    return diff_command.run(old, new, rev=rev, format=format, output=output,
                            exit_code=exit_code, config=config, isolated=isolated)


@app.command(epilog="Example: cxj render journeys/ -f html -o site/")
def render(
    paths: Paths = None,
    format: Annotated[RenderFormat | None, _render_option("format")] = None,
    output: Annotated[str | None, _render_option("output")] = None,
    lang: Annotated[Lang | None, _render_option("lang")] = None,
    template: Annotated[str | None, _render_option("template")] = None,
    templates: Annotated[str | None, _render_option("templates")] = None,
    config: Config = None,
    isolated: Isolated = False,
    color: Color = "auto",
    stdin_filename: StdinFilename = None,
) -> int:
    """Render valid journeys as HTML, Markdown, Mermaid, Graphviz, JSON or CSV."""
    from cxjourney.commands import render as render_command

    return render_command.run_command(dict(locals()))
