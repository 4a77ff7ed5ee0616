"""A plain git pre-commit hook for teams without the pre-commit framework (SPEC §7).

The hook runs the interpreter recorded at install time (GUI git clients lack the
virtualenv's PATH) and validates the *staged* content of journey files, not the working
tree, so what is checked is exactly what gets committed.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from cxjourney.errors import CxjError, UsageError

MARKER = "# cxj-hook: installed by `cxj hook install`"
BACKUP_SUFFIX = ".cxj-backup"


def _git(*args: str, cwd: Path | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise CxjError("git is not installed (cxj hook needs it)") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or "git failed"
        raise CxjError(f"git {' '.join(args)}: {message}")
    return done.stdout


def hook_path(cwd: Path | None = None) -> Path:
    """Where git looks for the pre-commit hook (honours core.hooksPath)."""
    folder = _git("rev-parse", "--git-path", "hooks", cwd=cwd).decode().strip()
    base = cwd or Path.cwd()
    return (base / folder) / "pre-commit"


def script(python: str = sys.executable) -> str:
    return (
        "#!/bin/sh\n"
        f"{MARKER}; `cxj hook uninstall` removes it.\n"
        "# Validates the staged content of the journey files in this commit.\n"
        f"exec {shlex.quote(python)} -m cxjourney hook run\n"
    )


def is_ours(path: Path) -> bool:
    try:
        return MARKER in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def install(*, force: bool = False, cwd: Path | None = None) -> str:
    """Write the hook; another tool's hook is kept as a backup, and only with ``force``."""
    from cxjourney.output import write_atomic

    path = hook_path(cwd)
    note = ""
    if path.exists() and not is_ours(path):
        if not force:
            raise UsageError(f"{path} already exists and is not cxj's hook; use --force to "
                             f"replace it (it is kept as {path.name}{BACKUP_SUFFIX})")
        path.replace(path.with_name(path.name + BACKUP_SUFFIX))
        note = f" (the previous hook is kept as {path.name}{BACKUP_SUFFIX})"
    write_atomic(path, script())
    path.chmod(0o755)
    return f"installed {path}{note}"


def uninstall(*, cwd: Path | None = None) -> str:
    path = hook_path(cwd)
    if not path.exists():
        return f"no pre-commit hook at {path}; nothing to do"
    if not is_ours(path):
        raise UsageError(f"{path} is not cxj's hook; it was left alone")
    path.unlink()
    backup = path.with_name(path.name + BACKUP_SUFFIX)
    if backup.exists():
        backup.replace(path)
        return f"removed cxj's hook; restored the previous {path.name}"
    return f"removed {path}"


def staged_files(cwd: Path | None = None) -> list[str]:
    """Paths added, copied, modified or renamed in the index (NUL-separated from git)."""
    raw = _git("diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", cwd=cwd)
    return [name for name in raw.decode("utf-8", "surrogateescape").split("\0") if name]


def staged_blob(path: str, cwd: Path | None = None) -> bytes:
    return _git("show", f":{path}", cwd=cwd)
