"""The lint engine: which rules run on a file, at which severity, minus suppressions.

``analyze`` is the analyzer ``checker.check`` runs on every valid journey; it is a pure
function of the loaded file and the settings, so it runs the same in a worker process.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from cxjourney import rules, suppressions
from cxjourney.config import Settings
from cxjourney.errors import ConfigError, UsageError
from cxjourney.files import matches_any, relative_to_root
from cxjourney.findings import Finding, Severity
from cxjourney.loader import Loaded
from cxjourney.rules.base import Context, Rule


class Plan(NamedTuple):
    """The lint settings resolved once per run."""

    enabled: frozenset[str]
    severities: dict[str, Severity]
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...]
    context: Context

    def enabled_for(self, relative_path: str) -> frozenset[str]:
        """The rules enabled for one file: a matching per-file-ignores entry always wins."""
        dropped = [selectors for pattern, selectors in self.per_file_ignores
                   if matches_any(relative_path, [pattern])]
        if not dropped:
            return self.enabled
        return frozenset(code for code in self.enabled
                         if not any(rules.best(selectors, code) is not None
                                    for selectors in dropped))


# --- settings → plan ----------------------------------------------------------------------


def apply_options(settings: Settings, values: dict[str, Any]) -> Settings:
    """Fold ``--select``, ``--ignore``, ``--extend-select`` and ``--fail-on`` into the
    settings: ``--select`` replaces the configured list, the others add to it."""
    lint = settings.config.lint
    changes: dict[str, Any] = {}
    for option, key in (("select", "select"), ("ignore", "ignore"),
                        ("extend_select", "extend_select")):
        given = rules.split(values.get(option) or [])
        for selector in given:
            _checked(selector, f"--{option.replace('_', '-')}", UsageError)
        if given:
            changes[key] = given if option == "select" else [*getattr(lint, key), *given]
    if values.get("fail_on"):
        changes["fail_on"] = values["fail_on"]
    updated = settings.with_lint(**changes) if changes else settings
    plan_for(updated)  # reports bad configured selectors now, as exit 2, before any file
    return updated


def _checked(selector: str, where: str, error: type[Exception]) -> str:
    try:
        return rules.check_selector(selector)
    except rules.SelectorError as problem:
        raise error(f"{where}: {problem}") from None


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _today() -> dt.date:
    pinned = os.environ.get("CXJ_TODAY")
    if not pinned:
        return dt.date.today()
    try:
        # fromisoformat alone also takes 20261101 and 2026-W44-7 on Python 3.11+ (not on
        # 3.10): check the form first so every Python reads CXJ_TODAY the same way.
        if not _ISO_DATE.fullmatch(pinned):
            raise ValueError(pinned)
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise UsageError(f"CXJ_TODAY must be a date written YYYY-MM-DD, not '{pinned}'") \
            from None


def _build_plan(settings: Settings) -> Plan:
    lint = settings.config.lint
    origin = str(settings.source) if settings.source else "configuration"
    for key, selectors in (("select", lint.select), ("ignore", lint.ignore),
                           ("extend-select", lint.extend_select),
                           ("severity", list(lint.severity))):
        for selector in selectors:
            _checked(selector, f"{origin}: [lint] {key}", ConfigError)
    for pattern, selectors in lint.per_file_ignores.items():
        for selector in selectors:
            _checked(selector, f"{origin}: [lint] per-file-ignores \"{pattern}\"", ConfigError)
    enabled = rules.enabled_codes([*lint.select, *lint.extend_select], lint.ignore)
    severities = {rule.code: _severity(rule, lint.severity) for rule in rules.RULES}
    context = Context(today=_today(), max_age_days=lint.max_age_days,
                      channels=tuple(settings.config.channels))
    ignores = tuple((pattern, tuple(selectors))
                    for pattern, selectors in lint.per_file_ignores.items())
    return Plan(enabled, severities, ignores, context)


def _severity(rule: Rule, overrides: Mapping[str, str]) -> Severity:
    """The most specific matching `severity` key wins; else the rule's default.

    Between equally specific keys (a rule's code and its name) the one written last wins,
    as in any TOML table; comparing ``(score, value)`` tuples made the alphabetically last
    severity win instead."""
    best: tuple[int, str] | None = None
    for selector, value in overrides.items():
        score = rules.specificity(selector, rule.code)
        if score is not None and (best is None or score >= best[0]):
            best = (score, value)
    return Severity.parse(best[1]) if best else rule.severity


_plans: dict[int, tuple[Settings, Plan]] = {}


def plan_for(settings: Settings) -> Plan:
    """The plan of ``settings``, built once per settings object (and per process)."""
    cached = _plans.get(id(settings))
    if cached is None or cached[0] is not settings:
        cached = (settings, _build_plan(settings))
        _plans[id(settings)] = cached
    return cached[1]


# --- running the rules ------------------------------------------------------------------


def analyze(loaded: Loaded, settings: Settings) -> list[Finding]:
    """Lint findings for one valid journey, suppressions applied."""
    journey = loaded.journey
    if journey is None:
        return []
    plan = plan_for(settings)
    enabled = plan.enabled
    if plan.per_file_ignores:  # the relative path costs a few syscalls: only when needed
        relative = relative_to_root(Path(loaded.path), settings) if loaded.path != "-" \
            else "-"
        enabled = plan.enabled_for(relative)
    found: set[Finding] = set()
    for rule in rules.RULES:
        if rule.code not in enabled:
            continue
        severity = plan.severities[rule.code]
        for hit in rule.check(journey, plan.context):
            found.add(Finding(loaded.path, hit.mark.line, hit.mark.column, rule.code,
                              hit.message, rule.name, severity, hit.location))
    return _suppress(sorted(found), loaded, enabled, plan)


def _suppress(found: list[Finding], loaded: Loaded, enabled: frozenset[str],
              plan: Plan) -> list[Finding]:
    if loaded.text is None or loaded.document is None:
        return found
    comments = suppressions.find(loaded.text, loaded.document.text_spans)
    if not comments:
        return found
    kept = [finding for finding in found if not _suppressed(finding, comments)]
    if rules.UNUSED_SUPPRESSION in enabled:
        kept.extend(_unused(loaded.path, comments, enabled, plan))
    return sorted(set(kept))


def _suppressed(finding: Finding, comments: list[suppressions.Suppression]) -> bool:
    """Whether a comment covering the finding's line lists it; marks what was used."""
    hit = False
    for comment in comments:
        if not comment.covers(finding.line):
            continue
        for selector in comment.selectors:
            if _matches(selector, finding.code):
                comment.used.add(selector)
                hit = True
    return hit


def _matches(selector: str, code: str) -> bool:
    return selector == suppressions.ALL_RULES or rules.specificity(selector, code) is not None


def _known(selector: str) -> bool:
    if selector == suppressions.ALL_RULES:
        return True
    try:
        rules.check_selector(selector)
    except rules.SelectorError:
        return False
    return True


def _unused(path: str, comments: list[suppressions.Suppression], enabled: frozenset[str],
            plan: Plan) -> list[Finding]:
    rule = rules.BY_CODE[rules.UNUSED_SUPPRESSION]
    severity = plan.severities[rule.code]
    result = []
    for comment, selector in suppressions.iter_selectors(comments):
        if selector in comment.used:
            continue
        # A bare form is shown as written: 'cxj: ignore' or (whole file) 'cxj: ignore-file'.
        bare = "cxj: ignore-file" if comment.line is None else "cxj: ignore"
        shown = bare if selector == suppressions.ALL_RULES else selector
        if not _known(selector):
            reason = "unknown rule"
        elif selector != suppressions.ALL_RULES and not any(
                rules.specificity(selector, code) is not None for code in enabled):
            reason = "not enabled"
        else:
            reason = "nothing to suppress"
        result.append(Finding(path, comment.mark.line, comment.mark.column, rule.code,
                              f"unused suppression '{shown}' ({reason})", rule.name, severity,
                              f"suppression[{shown}]"))
    return result
