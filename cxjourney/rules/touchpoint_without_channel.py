"""A touchpoint has no channel.

## What it does
Fires for each touchpoint without a `channel` of its own, when its stage has no `channels`
either. A touchpoint written as a plain string has no channel.

## Why it matters
Channels tell the team who owns a touchpoint (web, store, phone …) and make journeys
comparable across the organisation. A touchpoint with no channel anywhere in its stage has
no owner on the map.

## Example
```yaml
cxj: 1
title: Collecting a prescription
stages:
  - name: Collect
    touchpoints:
      - Pharmacy counter
```

## Use instead
```yaml
cxj: 1
title: Collecting a prescription
stages:
  - name: Collect
    touchpoints:
      - {name: Pharmacy counter, channel: store}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, first_key, item_path

CODE = "CXJ302"
NAME = "touchpoint-without-channel"
SEVERITY = Severity.INFO
SUMMARY = "A touchpoint has no `channel` and its stage has no `channels`."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    for stage in journey.stages:
        if stage.channels:
            continue
        for touchpoint in stage.touchpoints:
            if touchpoint.channel is None:
                yield Hit(first_key(touchpoint),
                          f"touchpoint '{touchpoint.name}' has no channel, and stage "
                          f"'{stage.id}' has no channels",
                          item_path(stage, "touchpoints", touchpoint.name) + ".channel")
