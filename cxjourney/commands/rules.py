"""``cxj rules [CODE|NAME]``: the rule table, or one rule's documentation."""

from __future__ import annotations

import sys

from cxjourney import rules
from cxjourney.errors import UsageError
from cxjourney.findings import VALIDATION_CODES
from cxjourney.rules.base import Rule


def run(selector: str | None) -> int:
    if selector is None:
        sys.stdout.write(table())
        return 0
    rule = rules.lookup(selector)
    if rule is None:
        validation = next((code for code in VALIDATION_CODES
                           if selector in (code.code, code.name)), None)
        if validation is not None:
            sys.stdout.write(f"{validation.code} {validation.name} (error, validation)\n\n"
                             f"{validation.summary}\n")
            return 0
        try:
            rules.check_selector(selector)
        except rules.SelectorError as error:
            raise UsageError(f"unknown rule: {error}") from None
        raise UsageError(f"'{selector}' is a prefix; name one rule (see `cxj rules`)")
    sys.stdout.write(explain(rule))
    return 0


def table() -> str:
    rows = [("code", "name", "severity", "fires when")]
    rows += [(code.code, code.name, "error", code.summary) for code in VALIDATION_CODES]
    rows += [(rule.code, rule.name, rule.severity.label, rule.summary) for rule in rules.RULES]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    return "".join(
        f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}\n"
        for row in rows)


def explain(rule: Rule) -> str:
    """The rule's heading and its docstring (the same text as its docs page)."""
    options = f"; options: {', '.join(rule.options)}" if rule.options else ""
    return (f"{rule.code} {rule.name} (default severity: {rule.severity.label}{options})\n\n"
            f"{rule.doc}\n")
