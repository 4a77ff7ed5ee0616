"""The words of the map in English and Finnish (SPEC §6 "Labels"), and the synonyms the
importers recognise. One table: renderers label lanes with it, importers read them back.

Only plain data and two small lookups live here, so any command may import it cheaply.
"""

from __future__ import annotations

from typing import Literal

LabelLang = Literal["en", "fi"]

# Label key → (English, Finnish), in SPEC §6 order. Lane keys are the Stage field names.
LABELS: dict[str, tuple[str, str]] = {
    "stage": ("Stage", "Vaihe"),
    "actions": ("Actions", "Tekee"),
    "thoughts": ("Thoughts", "Ajattelee"),
    "emotions": ("Emotions", "Tuntee"),
    "touchpoints": ("Touchpoints", "Kosketuspisteet"),
    "channels": ("Channels", "Kanava"),
    "pain_points": ("Pain points", "Kipupisteet"),
    "opportunities": ("Opportunities", "Kehittämiskohteet"),
    "metrics": ("Metrics", "Mittarit"),
    "backstage": ("Backstage", "Taustaprosessit"),
    "peak": ("Peak", "Peak"),
    "end": ("End", "End"),
    "persona": ("Persona", "Asiakaspersoona"),
    "description": ("Description", "Kuvaus"),
    "goals": ("Goals", "Tavoitteet"),
    "needs": ("Needs", "Tarpeet"),
    "frustrations": ("Frustrations", "Turhautumiset"),
    "target": ("Target", "Tavoitetaso"),
    "actual": ("Actual", "Toteuma"),
    "reason": ("Reason", "Perustelu"),
}

# The stage lanes of a grid, in §2 order (Stage field names).
LANES: tuple[str, ...] = ("actions", "thoughts", "emotions", "touchpoints", "channels",
                          "pain_points", "opportunities", "metrics", "backstage")

# What importers also accept for a row (compared case-folded, trailing ':' ignored), and in
# which language it is written (None: both). The §6 labels are added below.
_SYNONYMS: dict[str, tuple[str, LabelLang | None]] = {
    "does": ("actions", "en"),
    "action": ("actions", "en"),
    "doing": ("actions", "en"),
    "thinks": ("thoughts", "en"),
    "thought": ("thoughts", "en"),
    "thinking": ("thoughts", "en"),
    "feels": ("emotions", "en"),
    "feelings": ("emotions", "en"),
    "feeling": ("emotions", "en"),
    "emotion": ("emotions", "en"),
    "touchpoint": ("touchpoints", "en"),
    "touch points": ("touchpoints", "en"),
    "channel": ("channels", "en"),
    "kanavat": ("channels", "fi"),
    "pain point": ("pain_points", "en"),
    "pains": ("pain_points", "en"),
    "pain_points": ("pain_points", "en"),
    "kipupiste": ("pain_points", "fi"),
    "opportunity": ("opportunities", "en"),
    "improvements": ("opportunities", "en"),
    "improvement": ("opportunities", "en"),
    "kehityskohteet": ("opportunities", "fi"),
    "metric": ("metrics", "en"),
    "kpis": ("metrics", "en"),
    "mittari": ("metrics", "fi"),
    "backstage actions": ("backstage", "en"),
    "taustaprosessi": ("backstage", "fi"),
    "id": ("id", None),
    "stages": ("stage", "en"),
    "phase": ("stage", "en"),
    "vaiheet": ("stage", "fi"),
    "huippu": ("peak", "fi"),
    "loppu": ("end", "fi"),
}

# The doc-table's label/value cells above the stage header (SPEC §8 "doc-table import").
DOC_HEADER_LABELS: dict[str, tuple[str, LabelLang | None]] = {
    "asiakaskokemus": ("title", "fi"),
    "otsikko": ("title", "fi"),
    "journey": ("title", "en"),
    "title": ("title", "en"),
    "asiakaspersoona": ("persona", "fi"),
    "persona": ("persona", "en"),
}


def label(key: str, lang: str | None) -> str:
    """The label of ``key`` in ``lang`` (anything but ``fi`` is English)."""
    english, finnish = LABELS[key]
    return finnish if lang == "fi" else english


def _normal(text: str) -> str:
    return " ".join(text.strip().rstrip(":").split()).casefold()


def _row_vocabulary() -> dict[str, tuple[str, LabelLang | None]]:
    vocabulary: dict[str, tuple[str, LabelLang | None]] = {}
    for key in (*LANES, "stage", "peak", "end", "description"):
        english, finnish = LABELS[key]
        same = english.casefold() == finnish.casefold()
        vocabulary[_normal(english)] = (key, None if same else "en")
        vocabulary[_normal(finnish)] = (key, None if same else "fi")
    for word, meaning in _SYNONYMS.items():
        vocabulary.setdefault(_normal(word), meaning)
    return vocabulary


ROW_VOCABULARY = _row_vocabulary()


def row_key(text: str) -> tuple[str, LabelLang | None] | None:
    """What a grid row label means (``"Tekee"`` → ``("actions", "fi")``), or None."""
    return ROW_VOCABULARY.get(_normal(text))


def header_key(text: str) -> tuple[str, LabelLang | None] | None:
    """What a doc-table label cell above the stages means, or None."""
    return DOC_HEADER_LABELS.get(_normal(text))


def language_of(votes: list[LabelLang | None]) -> LabelLang:
    """``fi`` when the labels read are mostly Finnish, else ``en``."""
    finnish = sum(1 for vote in votes if vote == "fi")
    english = sum(1 for vote in votes if vote == "en")
    return "fi" if finnish > english else "en"
