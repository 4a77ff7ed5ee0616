"""A metric's actual value is worse than its target.

## What it does
Fires when a metric has both `target` and `actual` and the actual is worse: lower than the
target for higher-is-better metrics (nps, csat, ces, and custom ones with `direction:
higher`, the default), higher for `direction: lower`.

## Why it matters
This is the map telling the team where the experience falls short of its own ambition —
the list of stages to work on next.

## Example
```yaml
cxj: 1
title: Calling support
stages:
  - name: Wait
    metrics:
      - {name: Minutes to an answer, direction: lower, target: 2, actual: 9}
```

## Use instead
```yaml
cxj: 1
title: Calling support
stages:
  - name: Wait
    metrics:
      - {name: Minutes to an answer, direction: lower, target: 2, actual: 1.5}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey, Metric
from cxjourney.rules.base import Context, Hit, first_key, item_path, number_text

CODE = "CXJ204"
NAME = "metric-off-target"
SEVERITY = Severity.WARNING
SUMMARY = "`actual` is worse than `target` (by the metric's direction)."


def is_off_target(metric: Metric) -> bool:
    if metric.target is None or metric.actual is None:
        return False
    if metric.better == "lower":
        return metric.actual > metric.target
    return metric.actual < metric.target


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    for stage in journey.stages:
        for metric in stage.metrics:
            if is_off_target(metric):
                assert metric.actual is not None and metric.target is not None
                unit = f" {metric.unit}" if metric.unit else ""
                # number_text, not :g, which shows 1234567 as 1.23457e+06.
                actual, target = number_text(metric.actual), number_text(metric.target)
                yield Hit(first_key(metric),
                          f"metric '{metric.name}' is off target: actual {actual}{unit}, "
                          f"target {target}{unit} ({metric.better} is better)",
                          item_path(stage, "metrics", metric.name) + ".actual")
