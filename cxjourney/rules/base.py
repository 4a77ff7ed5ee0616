"""What every lint rule is given (:class:`Context`) and yields (:class:`Hit`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import NamedTuple

from cxjourney.findings import Severity
from cxjourney.model import Element, Journey, Stage
from cxjourney.text import number_text, score_text
from cxjourney.yamltree import Mapping, Mark


class Hit(NamedTuple):
    """A rule firing: where, what to tell the user, and the logical place (fingerprints)."""

    mark: Mark
    message: str
    location: str


class Context(NamedTuple):
    """The settings a rule may read."""

    today: dt.date
    max_age_days: int | None = None
    channels: tuple[str, ...] = ()


Check = Callable[[Journey, Context], Iterator[Hit]]


class Rule(NamedTuple):
    """A rule module's constants and its ``check`` generator, gathered by the registry."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: Check
    options: tuple[str, ...] = ()

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(code=module.CODE, name=module.NAME, severity=module.SEVERITY,
                   summary=module.SUMMARY, doc=(module.__doc__ or "").strip(),
                   check=module.check, options=tuple(getattr(module, "OPTIONS", ())))


# --- where findings point (SPEC §8 "Where findings point") --------------------------------


def first_key(element: Element | None) -> Mark:
    """A mapping's first key; a string item's own position."""
    node = element.node if element is not None else None
    if isinstance(node, Mapping):
        return node.first_key_mark
    return node.start if node is not None else Mark(1, 1)


def key_mark(element: Element, key: str) -> Mark:
    """Where ``key:`` is written in ``element``'s mapping (its first key if it is not)."""
    node = element.key_node(key)
    return node.start if node is not None else first_key(element)


def value_mark(element: Element, key: str) -> Mark:
    node = element.value_node(key)
    return node.start if node is not None else key_mark(element, key)


def stage_path(stage: Stage) -> str:
    return f"stages[{stage.id}]"


def item_path(stage: Stage, lane: str, name: str) -> str:
    return f"{stage_path(stage)}.{lane}[{name}]"


def at_stage(stage: Stage, message: str, lane: str = "") -> Hit:
    location = f"{stage_path(stage)}.{lane}" if lane else stage_path(stage)
    return Hit(first_key(stage), message, location)


__all__ = ["number_text", "score_text"]  # the rules' wording of numbers is the renders'


def days(count: int) -> str:
    """``1 day``, ``366 days``."""
    return f"{count} day" if count == 1 else f"{count} days"
