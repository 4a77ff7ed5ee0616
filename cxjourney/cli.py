"""The ``cxj`` command line: Typer declarations only. Each command hands its options to
``cxjourney.commands``; the exit code is what that returns."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from cxjourney import __version__
from cxjourney.options import ColorChoice, ReportFormat, SeverityName, spec

app = typer.Typer(
    name="cxj",
    help="Customer-journey maps as version-controlled YAML: validate, lint and render them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _option(dest: str, **extra: Any) -> Any:
    """A Typer option declared from the shared table in ``cxjourney.options``."""
    option = spec(dest)
    return typer.Option(*option.flags, help=option.help, **extra)


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
