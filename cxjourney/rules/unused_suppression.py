"""An inline suppression that suppressed nothing.

## What it does
Fires once for each selector of a `# cxj: ignore[...]` or `# cxj: ignore-file[...]`
comment (or for a bare `# cxj: ignore`) that suppressed no finding, at the comment's `#`.
A selector naming an unknown rule says `(unknown rule)`; one naming a rule that is not
enabled for the file says `(not enabled)`. This rule itself cannot be suppressed.

## Why it matters
Suppressions outlive the problems they were written for. A stale one hides the next real
finding on that line; an unknown one is usually a typo that suppresses nothing at all.

## Example
```yaml
cxj: 1
title: Paying a bill
stages:
  - name: Pay  # cxj: ignore[missing-peak]
```

## Use instead
```yaml
cxj: 1
title: Paying a bill
stages:
  - name: Pay
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit

CODE = "CXJ309"
NAME = "unused-suppression"
SEVERITY = Severity.INFO
SUMMARY = "An inline suppression matched nothing."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    """Reported by the suppression pass of the lint engine, which sees every finding."""
    return iter(())
