"""Errors that stop a command (exit 2). The CLI's one error boundary prints them."""

from __future__ import annotations


class CxjError(Exception):
    """The command could not do its job: exit 2 with this message."""

    exit_code = 2


class ConfigError(CxjError):
    """The configuration file is unreadable, not TOML, or has unknown keys or bad values."""


class UsageError(CxjError):
    """The command line asks for something that cannot be done."""


class ToolMissingError(CxjError):
    """An external tool (Graphviz `dot`) is not installed."""
