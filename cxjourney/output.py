"""Where output goes: colour decisions, standard streams and atomic file writes."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Literal, TextIO

ColorChoice = Literal["auto", "always", "never"]


def use_color(choice: ColorChoice, stream: TextIO, *, to_file: bool = False,
              text_format: bool = True) -> bool:
    """Colour only for text into a terminal; ``NO_COLOR`` beats ``FORCE_COLOR``."""
    if to_file or not text_format or choice == "never":
        return False
    if choice == "always":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return is_terminal(stream)


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def warn(message: str) -> None:
    print(f"cxj: warning: {message}", file=sys.stderr)


def error(message: str) -> None:
    for line in message.splitlines() or [""]:
        print(f"cxj: error: {line}", file=sys.stderr)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never half.

    The temporary file sits beside the target (same file system), is flushed to disk, then
    renamed over it. A failure leaves the target as it was and removes the temporary file.
    """
    import tempfile  # only when writing files; not on the hot path of a check

    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            temporary.chmod(_mode_for(path))
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_staged(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, a hidden name only this process uses: render's workers
    stage each page beside its destination and the parent renames it into place, which is
    the atomic step (a reader sees the old page or the new one, never half of one).

    Unlike :func:`write_atomic` this does not wait for the disk (fsync): a rendered page
    is derived from sources render never touches, so after a power failure the run is
    simply repeated, and waiting for the disk made rendering 1,000 pages ~8 % slower. A
    leftover of an interrupted run under the same name is overwritten, never followed if
    it is a symbolic link; a failure leaves no file behind."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0o666 minus umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def emit(text: str, output: Path | None) -> None:
    """A report to standard output, or atomically to ``output``."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)
