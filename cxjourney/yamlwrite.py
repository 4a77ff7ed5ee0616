"""Write plain journey data as YAML in ``cxj fmt`` form (SPEC §8 "fmt", "Written files").

The same ruamel.yaml settings serve ``cxj fmt`` (round trip) and the commands that write
new files (import, new), so a written file is already formatted.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from cxjourney.plain import is_date_text

NO_WRAP = 1 << 30  # ruamel folds long lines at `width`; the format says never
DATE_KEYS = frozenset({"updated", "measured_at"})


def round_trip_yaml(*, verbatim: bool = False) -> Any:
    """A ruamel.yaml round-trip instance with the format's indentation and no wrapping.

    ``verbatim`` (for ``cxj fmt``) reads every scalar as the text it is written as, so
    nothing is interpreted and re-spelled: no dates are checked, ``<<`` stays a key,
    ``017`` stays ``017``, and explicit core tags are kept as written.
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    if verbatim:
        yaml.Resolver = _verbatim_resolver()
        yaml.Constructor = _verbatim_constructor()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = NO_WRAP
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    return yaml


def dump(data: dict[str, Any], *, header: str = "") -> str:
    """``data`` as a YAML document; ``header`` (comment lines) goes first."""
    yaml = round_trip_yaml()
    stream = io.StringIO()
    yaml.dump(_node(data, None), stream)
    return header + stream.getvalue()


def _node(value: Any, key: str | None) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        mapping = CommentedMap()
        for item_key, item in value.items():
            mapping[item_key] = _node(item, str(item_key))
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_node(item, None) for item in value)
    if isinstance(value, str):
        return _text(value, key)
    return value


def _text(value: str, key: str | None) -> Any:
    from ruamel.yaml.scalarstring import LiteralScalarString

    if key in DATE_KEYS and is_date_text(value):
        return dt.date.fromisoformat(value)
    if "\n" in value and _literal_safe(value):
        return LiteralScalarString(value)
    return value


def _literal_safe(value: str) -> bool:
    """A literal block keeps text exactly unless it holds characters a block cannot carry
    (control characters, trailing spaces that would be eaten, a leading space line)."""
    if any(ord(char) < 32 and char != "\n" for char in value):
        return False
    lines = value.split("\n")
    return not any(line != line.rstrip(" \t") for line in lines) and \
        not lines[0].startswith((" ", "\t")) and not value.startswith("\n")


def _verbatim_resolver() -> type:
    from ruamel.yaml.resolver import VersionedResolver

    class VerbatimResolver(VersionedResolver):
        """Only an empty plain scalar means null; every other plain scalar is text."""

        @property
        def versioned_resolver(self) -> Any:
            import re

            return {"": [("tag:yaml.org,2002:null", re.compile("^$"))]}

    return VerbatimResolver


def _verbatim_constructor() -> type:
    from ruamel.yaml.constructor import RoundTripConstructor

    class VerbatimConstructor(RoundTripConstructor):
        """Explicitly tagged core scalars (``!!int 3``) keep tag and text."""

    for suffix in ("int", "float", "bool", "timestamp", "binary"):
        VerbatimConstructor.add_constructor(f"tag:yaml.org,2002:{suffix}", _tagged_scalar)
    return VerbatimConstructor


def _tagged_scalar(constructor: Any, node: Any) -> Any:
    from ruamel.yaml.comments import TaggedScalar

    return TaggedScalar(value=node.value, style=node.style, tag=node.tag)
