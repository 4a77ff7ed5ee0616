"""A stage has no scored emotion: a gap in the emotion curve.

## What it does
Fires for each stage without an emotion that has a `score`.

## Why it matters
The emotion curve is how a journey map shows highs and lows at a glance, and the peak–end
rules (negative-end, peak-not-intense) can only judge stages that have a score. A stage
without one is a hole in the curve.

## Example
```yaml
cxj: 1
title: Ordering groceries
stages:
  - name: Order
    emotions:
      - text: Hopes the substitutions are sensible
```

## Use instead
```yaml
cxj: 1
title: Ordering groceries
stages:
  - name: Order
    emotions:
      - text: Hopes the substitutions are sensible
        score: 0
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, at_stage

CODE = "CXJ106"
NAME = "stage-without-emotion"
SEVERITY = Severity.WARNING
SUMMARY = "A stage has no scored emotion (a gap in the curve)."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    for stage in journey.stages:
        if stage.mean_score is None:
            yield at_stage(stage, f"stage '{stage.id}' has no scored emotion: give one of its "
                           "emotions a `score` from -2 to 2", "emotions")
