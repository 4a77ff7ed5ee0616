"""The journey names no peak stage.

## What it does
Fires when the journey has no `peak`.

## Why it matters
By the peak–end rule (Kahneman), people judge an experience mostly by its most intense
moment and by how it ends. A map that does not say which stage is the peak leaves the team
without the one stage that deserves the most care and measurement.

## Example
```yaml
cxj: 1
title: Renewing a library card
stages:
  - name: Notice expiry
  - name: Renew online
end: {stage: renew-online}
```

## Use instead
```yaml
cxj: 1
title: Renewing a library card
stages:
  - name: Notice expiry
  - name: Renew online
peak: {stage: renew-online, reason: The only moment with real effort.}
end: {stage: renew-online}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, first_key

CODE = "CXJ101"
NAME = "missing-peak"
SEVERITY = Severity.WARNING
SUMMARY = "The journey has no `peak`."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    if journey.peak is None:
        yield Hit(first_key(journey), "the journey has no peak: add `peak: {stage: …}` "
                  "naming its most intense stage", "peak")
