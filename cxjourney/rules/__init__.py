"""The lint rule registry: every rule, and the one place selectors are resolved.

A selector is ``ALL``, a code prefix (``CXJ2``, ``CXJ20``), a full code or a rule name. It
matches lint rules (CXJ101–CXJ309) only. Specificity decides between a ``select`` and an
``ignore`` that both match: a code or name beats a longer prefix, which beats a shorter
prefix, which beats ``ALL``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from cxjourney.rules import (
    duplicate_entry,
    end_not_last,
    metric_off_target,
    metric_without_target,
    missing_end,
    missing_peak,
    missing_persona,
    negative_end,
    pain_without_opportunity,
    peak_not_intense,
    peak_without_metric,
    stage_count,
    stage_without_emotion,
    stage_without_metrics,
    stage_without_touchpoints,
    stale_journey,
    stale_metric,
    touchpoint_without_channel,
    unknown_channel,
    unused_suppression,
)
from cxjourney.rules.base import Rule
from cxjourney.text import did_you_mean

_MODULES = (
    missing_peak, missing_end, end_not_last, negative_end, peak_not_intense,
    stage_without_emotion, stage_without_metrics, peak_without_metric, metric_without_target,
    metric_off_target, stale_metric, stage_without_touchpoints, touchpoint_without_channel,
    pain_without_opportunity, missing_persona, unknown_channel, duplicate_entry, stage_count,
    stale_journey, unused_suppression,
)

RULES: tuple[Rule, ...] = tuple(sorted((Rule.from_module(m) for m in _MODULES),
                                       key=lambda rule: rule.code))
BY_CODE = {rule.code: rule for rule in RULES}
BY_NAME = {rule.name: rule for rule in RULES}
UNUSED_SUPPRESSION = unused_suppression.CODE
EXACT = 100  # the specificity of a full code or a name


class SelectorError(ValueError):
    """A selector that matches no lint rule."""


def lookup(code_or_name: str) -> Rule | None:
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())


@functools.cache
def specificity(selector: str, code: str) -> int | None:
    """How specifically ``selector`` matches the rule ``code`` (None: it does not)."""
    if selector == "ALL":
        return 0
    rule = BY_CODE[code]
    if selector in (rule.code, rule.name):
        return EXACT
    if selector.startswith("CXJ") and code.startswith(selector):
        return len(selector)
    return None


def check_selector(selector: str) -> str:
    """``selector`` itself when it matches some lint rule, else :class:`SelectorError`."""
    if any(specificity(selector, rule.code) is not None for rule in RULES):
        return selector
    # Compared case-folded, so that `all` and `cxj201` get a suggestion too.
    hint = did_you_mean(selector, ["ALL", *BY_CODE, *BY_NAME], 0.5, fold=True)
    if selector.upper().startswith("CXJ0"):
        # Validation codes look like rule codes: say why they cannot be selected.
        hint += "; validation errors (CXJ001-CXJ012) are not lint rules and always reported"
    raise SelectorError(f"'{selector}' matches no lint rule{hint}; use a code (CXJ201), a "
                        "prefix (CXJ2), a rule name (stage-without-metrics) or ALL")


def best(selectors: Iterable[str], code: str) -> int | None:
    """The highest specificity among ``selectors`` matching ``code``."""
    scores = [score for selector in selectors
              if (score := specificity(selector, code)) is not None]
    return max(scores) if scores else None


def enabled_codes(select: Iterable[str], ignore: Iterable[str]) -> frozenset[str]:
    """The rules a ``select`` entry enables and no ``ignore`` entry beats."""
    select, ignore = list(select), list(ignore)
    enabled = set()
    for rule in RULES:
        chosen = best(select, rule.code)
        dropped = best(ignore, rule.code)
        if chosen is not None and (dropped is None or dropped < chosen):
            enabled.add(rule.code)
    return frozenset(enabled)


def split(values: Iterable[str]) -> list[str]:
    """Comma-separated command-line values, trimmed, empty ones dropped."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
