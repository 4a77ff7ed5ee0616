"""Start-up fast path: run ``validate``, ``lint`` and ``render`` without importing Typer.

Git hooks call ``cxj validate FILE`` on every commit, where importing Typer would be most
of the run; for ``render`` of a folder it is time no second core can share. This parser
reads the same option tables as the Typer command line (``cxjourney.options``) but accepts
only command lines it understands completely; for anything else (``--help``, an unknown
option, a bad value, a missing argument) it returns None and Typer handles the command
line, so help and error messages have one source.
"""

from __future__ import annotations

from typing import Any

from cxjourney.options import CHECK_OPTIONS, LINT_OPTIONS, RENDER_OPTIONS, OptionSpec

TABLES: dict[str, tuple[OptionSpec, ...]] = {
    "validate": CHECK_OPTIONS,
    "lint": CHECK_OPTIONS + LINT_OPTIONS,
    "render": RENDER_OPTIONS,
}


def parse(args: list[str], table: tuple[OptionSpec, ...]) -> dict[str, Any] | None:
    """The option values of ``args``, or None when Typer should parse them instead."""
    by_flag = {flag: option for option in table for flag in option.flags}
    values: dict[str, Any] = {
        option.dest: [] if option.kind == "list" else option.default for option in table
    }
    paths: list[str] = []
    index, only_paths = 0, False
    while index < len(args):
        arg = args[index]
        if only_paths or arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            index += 1
            continue
        if arg == "--":
            only_paths = True
            index += 1
            continue
        name, equals, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        option = by_flag.get(name)
        if option is None:
            return None
        if option.kind == "flag":
            if equals:
                return None
            values[option.dest] = True
            index += 1
            continue
        if equals:
            value, index = inline, index + 1
        elif index + 1 < len(args):
            value, index = args[index + 1], index + 2
        else:
            return None
        if option.kind == "choice" and value not in option.choices:
            return None
        if option.kind == "list":
            values[option.dest].append(value)
        else:
            values[option.dest] = value
    values["paths"] = paths
    return values


def run(args: list[str]) -> int | None:
    """The exit code of the command, or None when this path does not take it."""
    if not args or args[0] not in TABLES:
        return None
    values = parse(args[1:], TABLES[args[0]])
    if values is None:
        return None
    if args[0] == "render":
        from cxjourney.commands import render

        return render.run_command(values)
    from cxjourney.commands import check

    return check.run_command(args[0], values)
