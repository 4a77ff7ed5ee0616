"""The same entry twice in one lane of a stage.

## What it does
Fires for every repeat, within one stage, of the same text in `actions`, `thoughts`,
`pain_points`, `opportunities`, `backstage` or `channels`; of two emotions with the same
`text`; of two touchpoints or two metrics with the same `name`. Texts are compared after
Unicode NFC, trimming, collapsing runs of whitespace and case-folding, so "Calls  support"
and "calls support" are the same entry.

## Why it matters
Repeats creep in when stickies from several workshop groups are merged. They inflate lanes,
skew counts in reports and hide which items are really distinct.

## Example
```yaml
cxj: 1
title: Moving a phone contract
stages:
  - name: Switch
    pain_points:
      - Long hold times
      - long hold  times
```

## Use instead
```yaml
cxj: 1
title: Moving a phone contract
stages:
  - name: Switch
    pain_points:
      - Long hold times
```
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from cxjourney.findings import Severity
from cxjourney.model import Element, Journey, Stage
from cxjourney.rules.base import Context, Hit, first_key, item_path
from cxjourney.yamltree import Mark
from cxjourney.yamltree import Sequence as SequenceNode

CODE = "CXJ306"
NAME = "duplicate-entry"
SEVERITY = Severity.INFO
SUMMARY = "The same text twice in one lane of a stage."

TEXT_LANES = ("actions", "thoughts", "pain_points", "opportunities", "backstage", "channels")
# Lanes of mappings, and the field that is their text.
ELEMENT_LANES = {"emotions": "text", "touchpoints": "name", "metrics": "name"}
LANES = (*TEXT_LANES, *ELEMENT_LANES)
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).strip()).casefold()


def _lane_texts(items: Sequence[Any], lane: str) -> Sequence[str]:
    if lane in TEXT_LANES:
        return items
    return [getattr(element, ELEMENT_LANES[lane]) for element in items]


def _mark(stage: Stage, lane: str, index: int) -> Mark:
    """Where item ``index`` of a lane is written (looked up only for a repeat)."""
    if lane in TEXT_LANES:
        node = stage.value_node(lane)
        return node.items[index].start if isinstance(node, SequenceNode) else Mark(1, 1)
    elements: Sequence[Element] = getattr(stage, lane)
    return first_key(elements[index])


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    for stage in journey.stages:
        for lane in LANES:
            items = getattr(stage, lane)
            if len(items) < 2:  # most lanes: nothing can repeat
                continue
            texts = _lane_texts(items, lane)
            first: dict[str, int] = {}
            for index, text in enumerate(texts):
                key = normalise(text)
                if key not in first:
                    first[key] = index
                    continue
                earlier = _mark(stage, lane, first[key]).line
                yield Hit(_mark(stage, lane, index),
                          f"'{text}' repeats an entry of {lane.replace('_', ' ')} in stage "
                          f"'{stage.id}' (line {earlier})", item_path(stage, lane, key))
