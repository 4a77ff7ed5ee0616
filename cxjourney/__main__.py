"""Entry point of ``cxj`` and ``python -m cxjourney``: the one error boundary.

Known errors become one ``cxj: error:`` line and exit 2; an unexpected one says so in one
line that points at ``--traceback``; an interrupt exits 130. Nothing else prints a
traceback.
"""

from __future__ import annotations

import sys

INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show_traceback = "--traceback" in args
    args = [arg for arg in args if arg != "--traceback"]
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("cxj: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:  # e.g. `cxj lint | head`
        _silence_stdout()
        return 0
    except Exception as error:  # the boundary: a bug must not dump a traceback on users
        from cxjourney.errors import CxjError

        if isinstance(error, CxjError) and not show_traceback:
            from cxjourney.output import error as print_error

            print_error(str(error))
            return error.exit_code
        if show_traceback:
            import traceback  # only now: it costs start-up time on every run

            traceback.print_exc()
        else:
            print(f"cxj: error: internal error ({type(error).__name__}: {error}); run again "
                  "with --traceback to see where", file=sys.stderr)
        return 2


def _run(args: list[str]) -> int:
    from cxjourney import fastpath

    fast = fastpath.run(args)
    if fast is not None:
        return fast
    import typer

    from cxjourney.cli import app

    try:
        result = app(args=args, prog_name="cxj", standalone_mode=False)
    except typer.TyperException as error:  # usage errors from the parser
        message = error.format_message()
        if message:  # empty when the parser printed help for a bare `cxj`
            print(f"cxj: error: {message}{_help_hint(args)}", file=sys.stderr)
        return 2
    except typer.Abort:
        raise KeyboardInterrupt from None
    return result if isinstance(result, int) else 0


def _help_hint(args: list[str]) -> str:
    command = next((arg for arg in args if not arg.startswith("-")), None)
    return f" (see 'cxj {command} --help')" if command else " (see 'cxj --help')"


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
