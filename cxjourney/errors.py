"""Errors that stop a command (exit 2). The CLI's one error boundary prints them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cxjourney.findings import Finding


class CxjError(Exception):
    """The command could not do its job: exit 2 with this message."""

    exit_code = 2


class ConfigError(CxjError):
    """The configuration file is unreadable, not TOML, or has unknown keys or bad values."""


class UsageError(CxjError):
    """The command line asks for something that cannot be done."""


class ToolMissingError(CxjError):
    """An external tool (Graphviz `dot`) is not installed."""


class JourneyError(Exception):
    """A journey file is invalid (``cxjourney.load``); ``findings`` holds every error."""

    def __init__(self, path: str, findings: Iterable[Finding]) -> None:
        self.path = path
        self.findings: tuple[Finding, ...] = tuple(findings)
        first = self.findings[0] if self.findings else None
        where = f"{path}:{first.line}:{first.column}: {first.message}" if first else path
        more = len(self.findings) - 1
        super().__init__(f"invalid journey {where}" + (f" (and {more} more)" if more else ""))
