"""The journey names no end stage.

## What it does
Fires when the journey has no `end`.

## Why it matters
By the peak–end rule, the last impression weighs as much as the peak in how customers
remember an experience. Saying which stage ends the journey makes the team design — and
measure — that last impression on purpose.

## Example
```yaml
cxj: 1
title: Booking a haircut
stages:
  - name: Book
  - name: Visit
peak: {stage: visit}
```

## Use instead
```yaml
cxj: 1
title: Booking a haircut
stages:
  - name: Book
  - name: Visit
peak: {stage: visit}
end: {stage: visit, reason: The mirror moment is what they remember.}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, first_key

CODE = "CXJ102"
NAME = "missing-end"
SEVERITY = Severity.WARNING
SUMMARY = "The journey has no `end`."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    if journey.end is None:
        yield Hit(first_key(journey), "the journey has no end: add `end: {stage: …}` "
                  "naming the stage it ends on", "end")
