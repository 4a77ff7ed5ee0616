"""The journey ends on a negative emotion.

## What it does
Fires when the mean emotion score of the end stage is below 0. It does not fire when the
end stage has no scored emotion, nor on a mean of exactly 0.

## Why it matters
By the peak–end rule, a journey that ends badly is remembered badly, however good the
stages before it were. A negative ending is the first thing to fix.

## Example
```yaml
cxj: 1
title: Cancelling a gym membership
stages:
  - name: Cancel
    emotions:
      - {text: Trapped in a phone queue, score: -2}
end: {stage: cancel}
```

## Use instead
```yaml
cxj: 1
title: Cancelling a gym membership
stages:
  - name: Cancel
    emotions:
      - {text: Relieved it took one click, score: 1}
end: {stage: cancel}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, key_mark, score_text

CODE = "CXJ104"
NAME = "negative-end"
SEVERITY = Severity.WARNING
SUMMARY = "The mean emotion score of the end stage is below 0."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    end = journey.end
    stage = journey.stage(end.stage) if end is not None else None
    score = stage.mean_score if stage is not None else None
    if stage is not None and score is not None and score < 0:
        yield Hit(key_mark(journey, "end"),
                  f"the journey ends on a negative emotion: '{stage.id}' scores "
                  f"{score_text(score)}", "end.stage")
