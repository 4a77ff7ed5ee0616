"""Starter journeys for ``cxj new``: templates whose placeholders the team replaces.

The purchase starter follows the seed's five stages; the service starter a sign-up
service. Both lint clean with the default rules, so the first findings a team sees are
about its own edits: each stage has a scored emotion, a touchpoint with a channel, a pain
point with an opportunity and a metric with a target; the peak is the purchase (or first
use) and the end is the last stage, scored positive. The blank starter only names stages.
"""

from __future__ import annotations

from typing import Any, Literal

StarterName = Literal["purchase", "service", "blank"]
STARTERS: tuple[str, ...] = ("purchase", "service", "blank")

_STAGES: dict[tuple[str, str], list[str]] = {
    ("purchase", "en"): ["Awareness", "Comparison", "Purchase", "Use", "End of use"],
    ("purchase", "fi"): ["Havahtuminen", "Vertailu", "Ostaminen", "Käyttö",
                         "Käytön lopettaminen"],
    ("service", "en"): ["Discovery", "Sign-up", "First use", "Getting help",
                        "Renewal or exit"],
    ("service", "fi"): ["Löytäminen", "Rekisteröityminen", "Käyttöönotto", "Avun saaminen",
                        "Jatkaminen tai lopettaminen"],
    ("blank", "en"): ["Stage 1", "Stage 2", "Stage 3"],
    ("blank", "fi"): ["Vaihe 1", "Vaihe 2", "Vaihe 3"],
}

_TITLES: dict[tuple[str, str], str] = {
    ("purchase", "en"): "Purchase journey", ("purchase", "fi"): "Ostopolku",
    ("service", "en"): "Service journey", ("service", "fi"): "Palvelupolku",
    ("blank", "en"): "New journey", ("blank", "fi"): "Uusi asiakaspolku",
}

# Placeholder texts: questions the workshop answers (the seed's prompts, in Finnish).
_PROMPTS: dict[str, dict[str, str]] = {
    "en": {
        "persona": "Who is the customer?",
        "persona_description": "Age, situation, what matters to them.",
        "action": "What does the customer do here?",
        "thought": "What do they think?",
        "emotion": "How do they feel?",
        "touchpoint": "Where do they meet us?",
        "pain": "What gets in their way?",
        "opportunity": "What could we do better?",
        "metric": "How do we know this stage works?",
        "peak": "Why is this the most important moment?",
        "end": "How does the journey end for the customer?",
    },
    "fi": {
        "persona": "Kuka asiakas on?",
        "persona_description": "Ikä, elämäntilanne, mikä hänelle on tärkeää.",
        "action": "Mitä asiakas tekee tässä vaiheessa?",
        "thought": "Mitä asiakas ajattelee?",
        "emotion": "Mitä asiakas tuntee?",
        "touchpoint": "Miten asiakas on yrityksen kanssa tekemisissä?",
        "pain": "Mikä hankaloittaa?",
        "opportunity": "Mitä voisimme tehdä paremmin?",
        "metric": "Miten vaiheen onnistumista mitataan?",
        "peak": "Miksi tämä on asiakaskokemuksen tärkein vaihe?",
        "end": "Onko asiakaskokemuksen loppuvaihe positiivinen?",
    },
}

PEAK_INDEX = 2  # Purchase / First use


def starter(name: str, lang: str, *, title: str | None = None,
            channel: str = "web") -> dict[str, Any]:
    """The starter ``name`` in ``lang`` as plain journey data."""
    from cxjourney.importers import with_ids

    names = _STAGES[(name, lang)]
    data: dict[str, Any] = {"cxj": 1, "title": title or _TITLES[(name, lang)], "lang": lang}
    if name == "blank":
        data["stages"] = with_ids([{"name": stage} for stage in names])
        return data
    prompts = _PROMPTS[lang]
    data["persona"] = {"name": prompts["persona"],
                       "description": prompts["persona_description"]}
    stages = with_ids([_stage(stage, index, len(names), prompts, channel)
                       for index, stage in enumerate(names)])
    data["stages"] = stages
    data["peak"] = {"stage": stages[PEAK_INDEX]["id"], "reason": prompts["peak"]}
    data["end"] = {"stage": stages[-1]["id"], "reason": prompts["end"]}
    return data


def _stage(name: str, index: int, count: int, prompts: dict[str, str],
           channel: str) -> dict[str, Any]:
    # The peak feels strongest and the journey ends well: the curve a team aims for.
    score = 1 if index in (PEAK_INDEX, count - 1) else 0
    return {
        "name": name,
        "actions": [prompts["action"]],
        "thoughts": [prompts["thought"]],
        "emotions": [{"text": prompts["emotion"], "score": score}],
        "touchpoints": [{"name": prompts["touchpoint"], "channel": channel}],
        "pain_points": [prompts["pain"]],
        "opportunities": [prompts["opportunity"]],
        "metrics": [{"name": prompts["metric"], "type": "csat", "target": 80}],
    }
