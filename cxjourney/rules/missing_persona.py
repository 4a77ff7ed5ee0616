"""The journey has no persona.

## What it does
Fires when the journey has no `persona` (a mapping, or the id of a persona in the personas
file).

## Why it matters
A journey is always somebody's journey. Without a persona, readers fill in their own
customer — usually someone like themselves — and the map's emotions and pain points lose
their meaning.

## Example
```yaml
cxj: 1
title: Applying for a parking permit
stages:
  - name: Apply
```

## Use instead
```yaml
cxj: 1
title: Applying for a parking permit
persona:
  name: New resident
  description: Moved in last week, has no idea which zone they live in.
stages:
  - name: Apply
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cxjourney.findings import Severity
from cxjourney.model import Journey
from cxjourney.rules.base import Context, Hit, first_key

CODE = "CXJ304"
NAME = "missing-persona"
SEVERITY = Severity.WARNING
SUMMARY = "The journey has no `persona`."


def check(journey: Journey, ctx: Context) -> Iterator[Hit]:
    if journey.persona is None:
        yield Hit(first_key(journey), "the journey has no persona: say whose journey this is",
                  "persona")
