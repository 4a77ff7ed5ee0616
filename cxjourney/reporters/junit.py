"""``--format junit``: one test suite per file, one failing test case per finding at or
above ``--fail-on``; a file without any gets one passing test case."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from cxjourney.checker import FileResult, Report
from cxjourney.reporters import ReportOptions


def _suite(result: FileResult, options: ReportOptions) -> list[str]:
    failing = [finding for finding in sorted(result.findings)
               if finding.severity >= options.fail_on]
    path = quoteattr(result.path)
    lines = [f"  <testsuite name={path} tests=\"{max(1, len(failing))}\" "
             f"failures=\"{len(failing)}\" errors=\"0\">"]
    for finding in failing:
        name = quoteattr(f"{finding.code} {finding.rule} {finding.line}:{finding.column}")
        lines.append(f"    <testcase classname={path} name={name}>")
        lines.append(f"      <failure type={quoteattr(finding.code)} "
                     f"message={quoteattr(finding.message)}/>")
        lines.append("    </testcase>")
    if not failing:
        lines.append(f"    <testcase classname={path} name=\"cxj\"/>")
    lines.append("  </testsuite>")
    return lines


def render(report: Report, options: ReportOptions) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="cxj">']
    for result in report.files:
        lines.extend(_suite(result, options))
    lines.append("</testsuites>")
    return "\n".join(lines) + "\n"
