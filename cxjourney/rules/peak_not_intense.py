"""Another stage is more intense than the peak.

## What it does
Fires when some other stage's intensity is strictly greater than the peak stage's. A
stage's intensity is the mean of |score| over its scored emotions. It does not fire when
the peak stage has no scored emotion.

## Why it matters
The peak is meant to be the moment customers feel most strongly about, good or bad. If the
emotion curve shows a stronger moment elsewhere, either the peak is misnamed or the scores
are — and the team is polishing the wrong moment.

## Example
```yaml
cxj: 1
title: Moving house
stages:
  - name: Pack
    emotions:
      - {text: Overwhelmed by boxes, score: -2}
  - name: Move in
    emotions:
      - {text: Pleased, score: 1}
peak: {stage: move-in}
```

## Use instead
```yaml
cxj: 1
title: Moving house
stages:
  - name: Pack
    emotions:
      - {text: Overwhelmed by boxes, score: -2}
  - name: Move in
    emotions:
      - {text: Pleased, score: 1}
peak: {stage: pack, reason: The stress of packing colours the whole move.}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, key_mark

CODE = "CXJ105"
NAME = "peak-not-intense"
SEVERITY = Severity.INFO
SUMMARY = "Another stage's emotional intensity is strictly greater than the peak stage's."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    peak = journey.peak
    stage = journey.stage(peak.stage) if peak is not None else None
    intensity = stage.intensity if stage is not None else None
    if stage is None or intensity is None:
        return
    stronger = [other for other in journey.stages
                if other is not stage and (other.intensity or 0) > intensity]
    if stronger:
        strongest = max(stronger, key=lambda other: other.intensity or 0)
        yield Hit(key_mark(journey, "peak"),
                  f"'{strongest.id}' is felt more strongly (intensity "
                  f"{strongest.intensity:.2g}) than the peak '{stage.id}' ({intensity:.2g})",
                  "peak.stage")
