"""A stage has no metric.

## What it does
Fires for each stage without any `metrics`.

## Why it matters
Every stage should be measurable: without a metric nobody will know whether a change made
that part of the journey better or worse. Measurement coverage is what turns a journey map
from a workshop poster into a management tool.

## Example
```yaml
cxj: 1
title: Opening a bank account
stages:
  - name: Apply
```

## Use instead
```yaml
cxj: 1
title: Opening a bank account
stages:
  - name: Apply
    metrics:
      - {name: Applications completed, type: custom, target: 80, unit: "%"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, at_stage

CODE = "CXJ201"
NAME = "stage-without-metrics"
SEVERITY = Severity.WARNING
SUMMARY = "A stage has no metric."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    for stage in journey.stages:
        if not stage.metrics:
            yield at_stage(stage, f"stage '{stage.id}' has no metric: add one so its success "
                           "can be measured", "metrics")
