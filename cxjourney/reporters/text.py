"""``--format text``: ``PATH:LINE:COL: SEVERITY CODE rule-name: message`` and a summary."""

from __future__ import annotations

from cxjourney.checker import Report
from cxjourney.findings import Finding, Severity
from cxjourney.reporters import ReportOptions, summary_counts

_STYLE = {Severity.ERROR: "31;1", Severity.WARNING: "33;1", Severity.INFO: "36"}
EXCERPT_CONTEXT = 1  # lines shown around the finding's line


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def format_finding(finding: Finding, color: bool = False) -> str:
    where = _paint(f"{finding.path}:{finding.line}:{finding.column}:", "1", color)
    severity = _paint(finding.severity.label, _STYLE[finding.severity], color)
    rule = _paint(f"{finding.code} {finding.rule}", "2", color) if color else \
        f"{finding.code} {finding.rule}"
    # One finding, one line: a line break quoted from the user's text must not split it.
    message = finding.message.replace("\r", "\\r").replace("\n", "\\n")
    return f"{where} {severity} {rule}: {message}"


def excerpt(text: str, finding: Finding, color: bool) -> list[str]:
    """A few numbered source lines with a caret under the finding's column."""
    lines = text.splitlines()
    if not 1 <= finding.line <= len(lines):
        return []
    first = max(1, finding.line - EXCERPT_CONTEXT)
    width = len(str(finding.line))
    shown = []
    for number in range(first, finding.line + 1):
        gutter = _paint(f"{number:>{width}} | ", "2", color)
        shown.append(f"  {gutter}{lines[number - 1].expandtabs(1)}")
    pad = " " * (width + 3 + finding.column - 1)
    shown.append(f"  {pad}" + _paint("^", _STYLE[finding.severity], color))
    return shown


def summary_line(report: Report) -> str:
    counts = summary_counts(report)

    def noun(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (f"Checked {noun(counts['files'], 'file')}: {noun(counts['errors'], 'error')}, "
            f"{noun(counts['warnings'], 'warning')}, {noun(counts['infos'], 'info')}.")


def render(report: Report, options: ReportOptions) -> str:
    lines: list[str] = []
    if not options.quiet:
        for finding in report.findings:
            lines.append(format_finding(finding, options.color))
            source = (options.sources or {}).get(finding.path)
            if source is not None:
                lines.extend(excerpt(source, finding, options.color))
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def statistics(report: Report) -> str:
    """``--statistics``: ``COUNT CODE rule-name`` lines, sorted by code."""
    counts: dict[tuple[str, str], int] = {}
    for finding in report.findings:
        key = (finding.code, finding.rule)
        counts[key] = counts.get(key, 0) + 1
    width = max((len(str(count)) for count in counts.values()), default=1)
    return "".join(f"{count:>{width}} {code} {rule}\n"
                   for (code, rule), count in sorted(counts.items()))
