"""How cxj writes numbers and suggestions in messages and pages: one way everywhere."""

from __future__ import annotations

from collections.abc import Iterable

NONE_TEXT = "–"  # a stage without a score, a metric without a value


def score_text(score: float | None) -> str:
    """A stage score as SPEC §6 shows it: ``+1.5``, ``0.0``, ``-1.0``; ``–`` for none."""
    if score is None:
        return NONE_TEXT
    if abs(score) < 0.05:
        return "0.0"
    return f"{score:+.1f}"


def number_text(value: float | None) -> str:
    """A target or actual as written (``80``, ``4.6``); never ``:g``'s ``1.23457e+06``."""
    return NONE_TEXT if value is None else str(value)


def did_you_mean(name: str, choices: Iterable[str], cutoff: float = 0.6, *,
                 fold: bool = False) -> str:
    """`` (did you mean 'x'?)`` for the closest choice (difflib, as SPEC §8 says), or ``""``.

    ``fold`` compares case-folded (``cxj201`` finds ``CXJ201``) and suggests as written."""
    import difflib  # only on error paths

    written = {(choice.casefold() if fold else choice): choice for choice in choices}
    key = name.casefold() if fold else name
    close = difflib.get_close_matches(key, list(written), n=1, cutoff=cutoff)
    return f" (did you mean '{written[close[0]]}'?)" if close else ""
