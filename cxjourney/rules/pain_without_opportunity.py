"""A stage that hurts has no opportunity.

## What it does
Fires for each stage that has `pain_points` or a negative score (a mean emotion score
below 0) but no `opportunities`.

## Why it matters
A journey map exists to improve the experience. Every pain the map records should come with
at least one idea of what could be done about it; otherwise the workshop's findings stop at
complaint.

## Example
```yaml
cxj: 1
title: Claiming travel insurance
stages:
  - name: Claim
    pain_points: [Receipts must be posted on paper]
```

## Use instead
```yaml
cxj: 1
title: Claiming travel insurance
stages:
  - name: Claim
    pain_points: [Receipts must be posted on paper]
    opportunities: [Accept photos of receipts in the app]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, at_stage, score_text

CODE = "CXJ303"
NAME = "pain-without-opportunity"
SEVERITY = Severity.WARNING
SUMMARY = "A stage with pain points or a negative score has no opportunity."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    for stage in journey.stages:
        if stage.opportunities:
            continue
        score = stage.mean_score
        if stage.pain_points:
            why = "pain points"
        elif score is not None and score < 0:
            why = f"a negative score ({score_text(score)})"
        else:
            continue
        yield at_stage(stage, f"stage '{stage.id}' has {why} but no opportunity",
                       "opportunities")
