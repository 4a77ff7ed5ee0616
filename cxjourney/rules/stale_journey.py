"""The journey has not been reviewed for too long.

## What it does
Fires when `updated` is more than `max-age-days` days before today. It runs only when
`max-age-days` is configured (there is no default). Today is the local date, or `CXJ_TODAY`
(YYYY-MM-DD) when set. Future dates never fire.

## Why it matters
Journeys change as products, channels and customers change. A map nobody has reviewed in a
year is a map of a service that may no longer exist.

## Example
With `max-age-days = 365`, on 2026-11-01:
```yaml
cxj: 1
title: Joining a loyalty programme
updated: 2023-01-15
stages:
  - name: Join
```

## Use instead
```yaml
cxj: 1
title: Joining a loyalty programme
updated: 2026-10-20
stages:
  - name: Join
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, days, key_mark

CODE = "CXJ308"
NAME = "stale-journey"
SEVERITY = Severity.INFO
SUMMARY = "`updated` is older than `max-age-days` (only when both are set)."
OPTIONS = ("max-age-days",)


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    if ctx.max_age_days is None or journey.updated is None:
        return
    age = (ctx.today - journey.updated).days
    if age > ctx.max_age_days:
        yield Hit(key_mark(journey, "updated"),
                  f"the journey was last updated {days(age)} ago "
                  f"({journey.updated.isoformat()}); max-age-days is {ctx.max_age_days}",
                  "updated")
