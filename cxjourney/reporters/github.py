"""``--format github``: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from cxjourney.checker import Report
from cxjourney.findings import Severity
from cxjourney.reporters import ReportOptions

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, options: ReportOptions) -> str:
    lines = []
    for finding in report.findings:
        properties = ",".join((
            f"file={escape_property(finding.path)}",
            f"line={finding.line}",
            f"col={finding.column}",
            f"title={escape_property(f'{finding.code} {finding.rule}')}",
        ))
        lines.append(f"::{LEVELS[finding.severity]} {properties}::{escape_data(finding.message)}")
    return "".join(f"{line}\n" for line in lines)
