"""Too few or too many stages.

## What it does
Fires when the journey has fewer than 3 or more than 12 stages.

## Why it matters
Fewer than three stages rarely show a journey — there is no middle to go wrong. More than a
dozen usually mixes levels of detail: split the map into a high-level journey and detailed
sub-journeys, which also keeps each map readable on one screen.

## Example
```yaml
cxj: 1
title: Subscribing to a newsletter
stages:
  - name: Subscribe
```

## Use instead
```yaml
cxj: 1
title: Subscribing to a newsletter
stages:
  - name: Discover
  - name: Subscribe
  - name: Read the first issue
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, key_mark

CODE = "CXJ307"
NAME = "stage-count"
SEVERITY = Severity.INFO
SUMMARY = "Fewer than 3 or more than 12 stages."
MIN_STAGES = 3
MAX_STAGES = 12


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    count = len(journey.stages)
    if count < MIN_STAGES or count > MAX_STAGES:
        noun = "stage" if count == 1 else "stages"
        yield Hit(key_mark(journey, "stages"),
                  f"the journey has {count} {noun}; a readable map has {MIN_STAGES} to "
                  f"{MAX_STAGES}", "stages")
