"""The peak stage has no metric.

## What it does
Fires when the stage named by `peak` has no `metrics` (the stage also gets
stage-without-metrics).

## Why it matters
The peak is the moment that shapes how customers remember the whole journey. Leaving the
one stage that matters most unmeasured is the costliest gap a map can have, which is why
this rule is an error by default.

## Example
```yaml
cxj: 1
title: Getting glasses
stages:
  - name: Eye test
peak: {stage: eye-test}
```

## Use instead
```yaml
cxj: 1
title: Getting glasses
stages:
  - name: Eye test
    metrics:
      - {name: Satisfaction after the test, type: csat, target: 90}
peak: {stage: eye-test}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, key_mark

CODE = "CXJ202"
NAME = "peak-without-metric"
SEVERITY = Severity.ERROR
SUMMARY = "The peak stage has no metric."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    peak = journey.peak
    stage = journey.stage(peak.stage) if peak is not None else None
    if stage is not None and not stage.metrics:
        yield Hit(key_mark(journey, "peak"),
                  f"the peak stage '{stage.id}' has no metric: the moment that matters most "
                  "is not measured", "peak.stage")
