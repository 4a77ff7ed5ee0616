"""Running Graphviz ``dot`` on a rendered DOT text (the ``svg`` and ``png`` formats)."""

from __future__ import annotations

import shutil
import subprocess

from cxjourney.errors import CxjError, ToolMissingError

INSTALL_HINT = ("install Graphviz: 'sudo apt-get install graphviz' (Debian, Ubuntu), "
                "'brew install graphviz' (macOS), 'winget install graphviz' (Windows), "
                "or see https://graphviz.org/download/")
PNG_DPI = "144"  # crisp on high-density screens and in slides


def executable() -> str:
    """The ``dot`` program, or :class:`ToolMissingError` (exit 2) with how to install it."""
    found = shutil.which("dot")
    if found is None:
        raise ToolMissingError(f"the svg and png formats need Graphviz 'dot', which is not "
                               f"on PATH; {INSTALL_HINT}")
    return found


def run(dot_text: str, output: str) -> bytes:
    """``dot -T<output>`` of ``dot_text``."""
    command = [executable(), f"-T{output}"]
    if output == "png":
        command.append(f"-Gdpi={PNG_DPI}")
    try:
        completed = subprocess.run(command, input=dot_text.encode("utf-8"),
                                   capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise CxjError(f"Graphviz 'dot' failed: {error}") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip()
        raise CxjError(f"Graphviz 'dot' failed (exit {completed.returncode}): {message}")
    return completed.stdout
