"""``--format json``: versioned and stable; fields are only ever added."""

from __future__ import annotations

import json

from cxjourney.checker import Report
from cxjourney.reporters import ReportOptions, summary_counts

VERSION = 1


def render(report: Report, options: ReportOptions) -> str:
    document = {
        "version": VERSION,
        "findings": [
            {
                "path": finding.path,
                "line": finding.line,
                "column": finding.column,
                "severity": finding.severity.label,
                "code": finding.code,
                "rule": finding.rule,
                "message": finding.message,
            }
            for finding in report.findings
        ],
        "summary": summary_counts(report),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
