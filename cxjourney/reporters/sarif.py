"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF consumers."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from cxjourney import __version__
from cxjourney.checker import Report
from cxjourney.findings import VALIDATION_CODES, Severity
from cxjourney.reporters import ReportOptions, fingerprints

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"


def rule_descriptors() -> list[dict[str, Any]]:
    """Every code CXJ001–CXJ309, in code order."""
    from cxjourney import rules

    descriptors = []
    for code in VALIDATION_CODES:
        descriptors.append(_descriptor(code.code, code.name, code.summary, code.summary,
                                       code.severity))
    for rule in rules.RULES:
        descriptors.append(_descriptor(rule.code, rule.name, rule.summary, rule.doc,
                                       rule.severity))
    return descriptors


def _descriptor(code: str, name: str, summary: str, doc: str,
                severity: Severity) -> dict[str, Any]:
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc.split("\n\n")[0]},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[severity]},
    }


def artifact_location(path: str) -> dict[str, str]:
    """A relative path against %SRCROOT% (percent-encoded, RFC 3986); absolute: a file URI."""
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path), "uriBaseId": SRCROOT}


def render(report: Report, options: ReportOptions) -> str:
    descriptors = rule_descriptors()
    index = {descriptor["id"]: position for position, descriptor in enumerate(descriptors)}
    findings = report.findings
    results = [
        {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": artifact_location(finding.path),
                "region": {"startLine": finding.line, "startColumn": finding.column},
            }}],
            "partialFingerprints": {"cxj/v1": fingerprint},
        }
        for finding, fingerprint in zip(findings, fingerprints(findings), strict=True)
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "cxj", "version": __version__,
                                "semanticVersion": __version__, "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
