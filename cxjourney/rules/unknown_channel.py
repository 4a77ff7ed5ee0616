"""A channel outside the team's vocabulary.

## What it does
Fires for each stage `channels` item and touchpoint `channel` that is not in the configured
`channels` list (top level of cxj.toml or `[tool.cxj]`). Runs only when a vocabulary is
configured; `channels = []` means none. The comparison is case-sensitive; the message
suggests a match that differs only in case.

## Why it matters
A shared channel vocabulary keeps journeys comparable across teams: "web", "Web" and
"website" would otherwise count as three channels in every report.

## Example
With `channels = ["web", "store", "phone"]`:
```yaml
cxj: 1
title: Booking a table
stages:
  - name: Book
    channels: [Web]
```

## Use instead
```yaml
cxj: 1
title: Booking a table
stages:
  - name: Book
    channels: [web]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, item_path, stage_path
from cxjourney.yamltree import Mark, Sequence

CODE = "CXJ305"
NAME = "unknown-channel"
SEVERITY = Severity.WARNING
SUMMARY = "A channel is not in the configured vocabulary (only when one is set)."
OPTIONS = ("channels",)


def _message(channel: str, vocabulary: tuple[str, ...]) -> str:
    same_but_case = [known for known in vocabulary if known.casefold() == channel.casefold()]
    hint = f" (did you mean '{same_but_case[0]}'?)" if same_but_case else ""
    return f"channel '{channel}' is not in the configured channels{hint}"


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    vocabulary = ctx.channels
    if not vocabulary:
        return
    for stage in journey.stages:
        items = stage.value_node("channels")
        for index, channel in enumerate(stage.channels):
            if channel not in vocabulary:
                mark = items.items[index].start if isinstance(items, Sequence) else Mark(1, 1)
                yield Hit(mark, _message(channel, vocabulary),
                          f"{stage_path(stage)}.channels[{channel}]")
        for touchpoint in stage.touchpoints:
            own = touchpoint.channel
            node = touchpoint.value_node("channel")
            if own is not None and own not in vocabulary and node is not None:
                yield Hit(node.start, _message(own, vocabulary),
                          item_path(stage, "touchpoints", touchpoint.name) + ".channel")
