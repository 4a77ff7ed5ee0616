"""``--format gitlab``: a GitLab Code Quality report (JSON array of issues)."""

from __future__ import annotations

import json

from cxjourney.checker import Report
from cxjourney.findings import Severity
from cxjourney.reporters import ReportOptions, fingerprints

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report, options: ReportOptions) -> str:
    findings = report.findings
    issues = [
        {
            "description": finding.message,
            "check_name": finding.code,
            "fingerprint": fingerprint,
            "severity": SEVERITIES[finding.severity],
            "location": {"path": finding.path, "lines": {"begin": finding.line}},
        }
        for finding, fingerprint in zip(findings, fingerprints(findings), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
