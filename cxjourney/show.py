"""``cxj show``'s terminal view of one journey (Rich): persona, the stages with their key
lanes, the emotion curve as text art with the scores written out, peak and end, and a lint
summary. Readable in 80 columns; emotion is never shown by colour alone.
"""

from __future__ import annotations

from typing import Any

from cxjourney.findings import Finding, Severity
from cxjourney.labels import label
from cxjourney.model import Journey, Metric, Stage, Touchpoint
from cxjourney.text import number_text, score_text

SCORES = (2, 1, 0, -1, -2)
MAX_FINDINGS = 10  # the rest is one `cxj lint` away
# Lanes shown per stage: the ones a reader scans first.
KEY_LANES = ("actions", "touchpoints", "pain_points", "opportunities", "metrics")


def render(journey: Journey, findings: list[Finding], console: Any,
           lang: str | None = None) -> None:
    """Print the view of ``journey`` on a Rich ``console``."""
    from rich.rule import Rule
    from rich.text import Text

    language = lang or journey.lang or "en"
    console.print(Text(journey.title, style="bold"), Text(f"  ({journey.id})", style="dim"))
    if journey.description:
        console.print(Text(journey.description))
    _persona(journey, console, language)
    console.print(Rule("Vaiheet" if language == "fi" else "Stages"))
    for number, stage in enumerate(journey.stages, 1):
        _stage(journey, stage, number, console, language)
    console.print(Rule("Emotion curve"))
    for line in curve_lines(journey, console.width):
        console.print(Text(line), overflow="fold", no_wrap=False)
    _moments(journey, console, language)
    console.print(Rule("Lint"))
    _lint(findings, console)


def _persona(journey: Journey, console: Any, lang: str) -> None:
    from rich.text import Text

    persona = journey.resolved_persona
    if persona is None:
        if isinstance(journey.persona, str):
            console.print(Text(f"{label('persona', lang)}: {journey.persona}"))
        return
    console.print(Text.assemble((f"{label('persona', lang)}: ", "bold"), persona.name))
    if persona.description:
        console.print(_indented(persona.description, 2))
    for key in ("goals", "needs", "frustrations"):
        items = getattr(persona, key)
        if items:
            console.print(_indented(f"{label(key, lang)}: {'; '.join(items)}", 2))


def _stage(journey: Journey, stage: Stage, number: int, console: Any, lang: str) -> None:
    from rich.text import Text

    marks = [word for word, moment in (("PEAK", journey.peak), ("END", journey.end))
             if moment is not None and moment.stage == stage.id]
    heading = Text.assemble((f"{number}. {stage.name}", "bold"), (f" ({stage.id})", "dim"),
                            f"  score {score_text(stage.mean_score)}",
                            (f"  [{', '.join(marks)}]" if marks else "", "bold magenta"))
    console.print(heading)
    for lane in KEY_LANES:
        items = getattr(stage, lane)
        if items:
            texts = "; ".join(_item_text(item) for item in items)
            console.print(_indented(f"{label(lane, lang)}: {texts}", 3))


def _indented(text: str, spaces: int) -> Any:
    """Text whose wrapped lines keep the indent, so lanes read as blocks."""
    from rich.padding import Padding
    from rich.text import Text

    return Padding(Text(text), (0, 0, 0, spaces), expand=False)


def _item_text(item: Any) -> str:
    if isinstance(item, Touchpoint):
        return f"{item.name} ({item.channel})" if item.channel else item.name
    if isinstance(item, Metric):
        return item.name + _metric_values(item)
    return str(item)


def _metric_values(metric: Metric) -> str:
    unit = metric.unit or ""
    parts = [f"{word} {number_text(value)}{unit}" for word, value in
             (("target", metric.target), ("actual", metric.actual)) if value is not None]
    return f" [{', '.join(parts)}]" if parts else ""


def curve_lines(journey: Journey, width: int) -> list[str]:
    """The emotion curve as text: a row per score from +2 to −2, a column per stage
    (``●`` where its mean score rounds to the row), then the scores written out."""
    stages = journey.stages
    cell = max(3, min(10, (width - 6) // max(1, len(stages))))
    lines = []
    for row in SCORES:
        marks = "".join(_mark(stage.mean_score, row).center(cell) for stage in stages)
        lines.append(f"{row:+d} │ {marks}".rstrip() if row else f" 0 │ {marks}".rstrip())
    lines.append("   └─" + "─" * (cell * len(stages)))
    lines.append("     " + "".join(str(number).center(cell)
                                   for number in range(1, len(stages) + 1)))
    lines.append("     " + "".join(score_text(stage.mean_score).center(cell)
                                   for stage in stages))
    legend = ", ".join(f"{number} {stage.name} {score_text(stage.mean_score)}"
                       for number, stage in enumerate(stages, 1))
    lines.append(f"Scores: {legend}")
    return lines


def _mark(score: float | None, row: int) -> str:
    if score is None:
        return "·" if row == 0 else ""
    rounded = int(score + 0.5) if score >= 0 else -int(-score + 0.5)  # half away from zero
    return "●" if rounded == row else ""


def _moments(journey: Journey, console: Any, lang: str) -> None:
    from rich.text import Text

    for key in ("peak", "end"):
        moment = getattr(journey, key)
        if moment is None:
            console.print(Text(f"{label(key, lang)}: – (not set)"))
            continue
        stage = journey.stage(moment.stage)
        name = stage.name if stage is not None else moment.stage
        reason = f" — {moment.reason}" if moment.reason else ""
        console.print(Text.assemble((f"{label(key, lang)}: ", "bold"), f"{name}{reason}"))


def _lint(findings: list[Finding], console: Any) -> None:
    from rich.text import Text

    counts = {severity: sum(1 for finding in findings if finding.severity == severity)
              for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    summary = ", ".join(f"{count} {severity.label}{'s' if count != 1 else ''}"
                        for severity, count in counts.items())
    console.print(Text(f"{summary}" if findings else "No lint findings."))
    for finding in sorted(findings)[:MAX_FINDINGS]:
        console.print(_indented(f"{finding.line}:{finding.column} {finding.severity.label} "
                                f"{finding.code} {finding.rule}: {finding.message}", 2))
    if len(findings) > MAX_FINDINGS:
        console.print(Text(f"  … and {len(findings) - MAX_FINDINGS} more (cxj lint)"))
