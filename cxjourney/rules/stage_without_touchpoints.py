"""A stage has no touchpoint.

## What it does
Fires for each stage without `touchpoints`.

## Why it matters
Touchpoints are where the company can act: the website, the shop floor, the invoice. A
stage without one is either outside the company's reach — then say so in its description —
or a place where the map has not yet looked.

## Example
```yaml
cxj: 1
title: Paying a parking fine
stages:
  - name: Pay
```

## Use instead
```yaml
cxj: 1
title: Paying a parking fine
stages:
  - name: Pay
    touchpoints:
      - {name: Payment page, channel: web}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, at_stage

CODE = "CXJ301"
NAME = "stage-without-touchpoints"
SEVERITY = Severity.WARNING
SUMMARY = "A stage has no touchpoint."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    for stage in journey.stages:
        if not stage.touchpoints:
            yield at_stage(stage, f"stage '{stage.id}' has no touchpoint", "touchpoints")
