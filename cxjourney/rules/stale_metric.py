"""A metric was measured too long ago.

## What it does
Fires when a metric's `measured_at` is more than `max-age-days` days before today. It runs
only when `max-age-days` is configured (`[lint]` in cxj.toml; there is no default). Today
is the local date, or `CXJ_TODAY` (YYYY-MM-DD) when set. Future dates never fire.

## Why it matters
Old numbers describe an experience that may no longer exist. A stale measurement on the map
gives false confidence; re-measure or drop it.

## Example
With `max-age-days = 365`, on 2026-11-01:
```yaml
cxj: 1
title: Renting a car
stages:
  - name: Pick up
    metrics:
      - {name: Pick-up CSAT, type: csat, target: 85, actual: 80, measured_at: 2019-05-01}
```

## Use instead
```yaml
cxj: 1
title: Renting a car
stages:
  - name: Pick up
    metrics:
      - {name: Pick-up CSAT, type: csat, target: 85, actual: 88, measured_at: 2026-10-01}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, days, item_path, key_mark

CODE = "CXJ205"
NAME = "stale-metric"
SEVERITY = Severity.INFO
SUMMARY = "A metric's `measured_at` is older than `max-age-days` (only when both are set)."
OPTIONS = ("max-age-days",)


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    if ctx.max_age_days is None:
        return
    for stage in journey.stages:
        for metric in stage.metrics:
            if metric.measured_at is None:
                continue
            age = (ctx.today - metric.measured_at).days
            if age > ctx.max_age_days:
                yield Hit(key_mark(metric, "measured_at"),
                          f"metric '{metric.name}' was measured {days(age)} ago "
                          f"({metric.measured_at.isoformat()}); max-age-days is "
                          f"{ctx.max_age_days}",
                          item_path(stage, "metrics", metric.name) + ".measured_at")
