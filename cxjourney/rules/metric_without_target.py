"""A metric has no target.

## What it does
Fires for each metric without a `target`.

## Why it matters
A number without a target cannot say whether the stage is doing well. Writing the target
down next to the metric makes the ambition explicit and lets metric-off-target compare it
with the actual value.

## Example
```yaml
cxj: 1
title: Returning a parcel
stages:
  - name: Drop off
    metrics:
      - {name: Drop-off effort, type: ces}
```

## Use instead
```yaml
cxj: 1
title: Returning a parcel
stages:
  - name: Drop off
    metrics:
      - {name: Drop-off effort, type: ces, target: 6}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, first_key, item_path

CODE = "CXJ203"
NAME = "metric-without-target"
SEVERITY = Severity.INFO
SUMMARY = "A metric has no `target`."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    for stage in journey.stages:
        for metric in stage.metrics:
            if metric.target is None:
                yield Hit(first_key(metric), f"metric '{metric.name}' has no target",
                          item_path(stage, "metrics", metric.name) + ".target")
