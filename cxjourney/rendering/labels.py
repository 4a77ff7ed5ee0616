"""The words rendered pages use around journey text, in English and Finnish (SPEC §6).

The SPEC's vocabulary is ``cxjourney.labels`` (shared with the importers); the rest are
the page's own words. Templates read them as ``labels.<key>`` (``labels.pain_points``),
so a key is a public name.
"""

from __future__ import annotations

from typing import Any

from cxjourney.labels import LABELS

# The SPEC's vocabulary comes from the one table the importers read too.
_SPEC_EN = {key: words[0] for key, words in LABELS.items()}
_SPEC_FI = {key: words[1] for key, words in LABELS.items()}

EN: dict[str, str] = {
    **_SPEC_EN,
    # The page's own words.
    "customer": "Customer", "journey_map": "Customer journey map",
    "emotion_curve": "Emotion curve", "score": "Score", "no_score": "no score",
    "very_negative": "very negative", "negative": "negative", "neutral": "neutral",
    "positive": "positive", "very_positive": "very positive",
    "type": "Type", "family": "Family", "source": "Source", "measured_at": "Measured",
    "status": "Status", "on_target": "on target", "off_target": "off target",
    "no_target": "no target", "not_measured": "not measured",
    "lower_is_better": "lower is better", "higher_is_better": "higher is better",
    "owner": "Owner", "updated": "Updated", "tags": "Tags", "journeys": "Journeys",
    "title": "Title", "stages": "Stages", "end_score": "End score", "lint": "Lint",
    "no_findings": "no findings", "error": "error", "errors": "errors",
    "warning": "warning", "warnings": "warnings", "info": "info", "infos": "infos",
    "pains_and_opportunities": "Pain points and opportunities",
    "generated_by": "Made with", "skip_to_map": "Skip to the map",
    "curve_summary": "Mean emotion score per stage, from −2 (very negative) to +2 "
                     "(very positive)",
}

FI: dict[str, str] = {
    **_SPEC_FI,
    "customer": "Asiakas", "journey_map": "Asiakaspolkukartta",
    "emotion_curve": "Tunnekäyrä", "score": "Tunnelma", "no_score": "ei arviota",
    "very_negative": "erittäin kielteinen", "negative": "kielteinen", "neutral": "neutraali",
    "positive": "myönteinen", "very_positive": "erittäin myönteinen",
    "type": "Tyyppi", "family": "Ryhmä", "source": "Lähde", "measured_at": "Mitattu",
    "status": "Tila", "on_target": "tavoitteessa", "off_target": "alle tavoitteen",
    "no_target": "ei tavoitetasoa", "not_measured": "ei mitattu",
    "lower_is_better": "pienempi on parempi", "higher_is_better": "suurempi on parempi",
    "owner": "Omistaja", "updated": "Päivitetty", "tags": "Tunnisteet",
    "journeys": "Asiakaspolut", "title": "Otsikko", "stages": "Vaiheet",
    "end_score": "End-vaiheen tunnelma", "lint": "Tarkistus",
    "no_findings": "ei huomautettavaa", "error": "virhe", "errors": "virhettä",
    "warning": "varoitus", "warnings": "varoitusta", "info": "huomio", "infos": "huomiota",
    "pains_and_opportunities": "Kipupisteet ja kehittämiskohteet",
    "generated_by": "Tehty työkalulla", "skip_to_map": "Siirry karttaan",
    "curve_summary": "Vaiheiden tunteiden keskiarvo asteikolla −2 (erittäin kielteinen) … "
                     "+2 (erittäin myönteinen)",
}

LANGUAGES: dict[str, dict[str, str]] = {"en": EN, "fi": FI}
MOODS = ("very_negative", "negative", "neutral", "positive", "very_positive")


class Labels:
    """``labels.actions`` in templates; ``labels["actions"]`` works too."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._words = LANGUAGES[lang]
        # Each word is an attribute of its own: a page reads about fifty, and a plain
        # attribute is found without __getattr__'s failed lookup first. (No word may be
        # named like a method; a test checks.)
        self.__dict__.update(self._words)

    def __getattr__(self, key: str) -> str:
        raise AttributeError(f"no label '{key}'")

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def mood(self, level: int | None) -> str:
        """The word for a rounded score −2…2 (``no score`` for None)."""
        return self._words["no_score"] if level is None else self._words[MOODS[level + 2]]

    def count(self, number: int, singular: str) -> str:
        """``1 warning``, ``3 warnings`` (singular key, plural key + ``s``)."""
        return f"{number} {self._words[singular if number == 1 else singular + 's']}"

    def as_dict(self) -> dict[str, Any]:
        return dict(self._words)


def resolve_lang(cli: str | None, journey: str | None, config: str | None) -> str:
    """SPEC §4: ``--lang``, then the file's ``lang:``, then config ``lang``, then en."""
    return cli or journey or config or "en"
