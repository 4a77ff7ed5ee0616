"""The end stage is not the last stage.

## What it does
Fires when `end.stage` names a stage other than the last one in `stages`.

## Why it matters
The end of the journey is the customer's last impression. When the stage marked as the end
is followed by more stages, either the map is in the wrong order or the team is treating an
earlier moment as the ending while the customer's experience goes on — and the real last
impression is left unexamined.

## Example
```yaml
cxj: 1
title: Buying a bike
stages:
  - name: Buy
  - name: Ride
  - name: Service
end: {stage: ride}
```

## Use instead
```yaml
cxj: 1
title: Buying a bike
stages:
  - name: Buy
  - name: Ride
  - name: Service
end: {stage: service, reason: The first service decides whether they come back.}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, key_mark

CODE = "CXJ103"
NAME = "end-not-last"
SEVERITY = Severity.WARNING
SUMMARY = "`end.stage` is not the last stage."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    end = journey.end
    last = journey.stages[-1]
    if end is not None and end.stage != last.id:
        yield Hit(key_mark(journey, "end"),
                  f"the end is '{end.stage}' but the last stage is '{last.id}': the "
                  "customer's last impression comes later", "end.stage")
