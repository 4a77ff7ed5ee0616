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
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).strip()).casefold()


def _text_items(stage: Stage, lane: str) -> Iterator[tuple[str, Mark]]:
    node = stage.value_node(lane)
    texts: Sequence[str] = getattr(stage, lane)
    for index, text in enumerate(texts):
        mark = node.items[index].start if isinstance(node, SequenceNode) else Mark(1, 1)
        yield text, mark


def _element_items(stage: Stage, lane: str, key: str) -> Iterator[tuple[str, Mark]]:
    elements: Sequence[Element] = getattr(stage, lane)
    for element in elements:
        yield getattr(element, key), first_key(element)


def _lanes(stage: Stage) -> Iterator[tuple[str, Iterator[tuple[str, Mark]]]]:
    for lane in TEXT_LANES:
        yield lane, _text_items(stage, lane)
    yield "emotions", _element_items(stage, "emotions", "text")
    yield "touchpoints", _element_items(stage, "touchpoints", "name")
    yield "metrics", _element_items(stage, "metrics", "name")


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    for stage in journey.stages:
        for lane, items in _lanes(stage):
            first_line: dict[str, int] = {}
            for text, mark in items:
                key = normalise(text)
                if key in first_line:
                    yield Hit(mark, f"'{text}' repeats an entry of {lane.replace('_', ' ')} "
                              f"in stage '{stage.id}' (line {first_line[key]})",
                              item_path(stage, lane, key))
                else:
                    first_line[key] = mark.line
