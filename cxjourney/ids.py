"""Slugs: the ids of journeys, stages and personas (SPEC §8 "Ids")."""

from __future__ import annotations

import re
import unicodedata

from cxjourney.model import SLUG_MAX_LENGTH, SLUG_PATTERN

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(SLUG_PATTERN)
_JOURNEY_SUFFIXES = (".journey.yaml", ".journey.yml", ".yaml", ".yml")


def slugify(text: str) -> str:
    """``Käytön lopettaminen`` → ``kayton-lopettaminen``; may return ``""``."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    slug = _NOT_SLUG.sub("-", bare.lower()).strip("-")
    return slug[:SLUG_MAX_LENGTH].strip("-")


def is_slug(text: str) -> bool:
    return len(text) <= SLUG_MAX_LENGTH and _SLUG.match(text) is not None


def journey_id_from_path(path: str) -> str:
    """The default journey id: the file name without its journey suffix, slugified."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    lowered = name.lower()
    for suffix in _JOURNEY_SUFFIXES:
        if lowered.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return slugify(name) or "journey"
