"""Reporters turn a :class:`~cxjourney.checker.Report` into text, registered by name.

Each reporter is a pure function of the report and the options; the CLI's ``--format``
choices come from this registry.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple

from cxjourney.checker import Report
from cxjourney.findings import Finding, Severity


class ReportOptions(NamedTuple):
    color: bool = False
    quiet: bool = False
    fail_on: Severity = Severity.ERROR
    # File texts by reported path, for source excerpts under text findings (None: none).
    sources: dict[str, str] | None = None


Reporter = Callable[[Report, ReportOptions], str]

# name -> module; a module defines `render(report, options) -> str`. Imported on use only.
REPORTERS: dict[str, str] = {
    "text": "cxjourney.reporters.text",
    "json": "cxjourney.reporters.json_report",
    "github": "cxjourney.reporters.github",
    "sarif": "cxjourney.reporters.sarif",
    "junit": "cxjourney.reporters.junit",
    "gitlab": "cxjourney.reporters.gitlab",
}


def get(name: str) -> Reporter:
    module = importlib.import_module(REPORTERS[name])
    reporter: Reporter = module.render
    return reporter


def summary_counts(report: Report) -> dict[str, int]:
    return {
        "files": len(report.files),
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "infos": report.count(Severity.INFO),
    }


def fingerprints(findings: list[Finding]) -> list[str]:
    """Line-independent fingerprints (SARIF, GitLab), one per finding, in order.

    SHA-256 of path, code, logical location and the occurrence number among findings that
    share those three, joined by U+0000: an edit above a finding does not make it new.
    """
    import hashlib

    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for finding in findings:
        key = (finding.path, finding.code, finding.location)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        text = "\0".join((*key, str(occurrence)))
        result.append(hashlib.sha256(text.encode("utf-8")).hexdigest())
    return result
