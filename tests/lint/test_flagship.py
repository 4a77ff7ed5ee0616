"""The flagship example lints exactly as SPEC §1 says; the English examples lint clean."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cxj_lint_support import REPO, Run

PATH = "examples/talvitakki.journey.yaml"

# SPEC §1: CXJ103 (the end, Käyttö, is not the last stage), CXJ201 (Havahtuminen has no
# metric), CXJ203 ×5 (no metric has a target), CXJ302 ×3 (the touchpoints of stages 3–5
# have no channel and those stages none).
FINDINGS = [
    (8, 5, "warning", "CXJ201", "stage-without-metrics",
     "stage 'havahtuminen' has no metric: add one so its success can be measured"),
    (40, 9, "info", "CXJ203", "metric-without-target",
     "metric 'Löytyykö etsittävä tuote helposti muiden tuotteiden joukosta' has no target"),
    (41, 9, "info", "CXJ203", "metric-without-target",
     "metric 'Saako asiakas tarvittaessa palvelua (esim. jos sopiva koko puuttuu, voisi "
     "myyjä tarkistaa onko sitä saatavilla)' has no target"),
    (50, 9, "info", "CXJ302", "touchpoint-without-channel",
     "touchpoint 'Myyjä kassalla' has no channel, and stage 'ostaminen' has no channels"),
    (55, 9, "info", "CXJ203", "metric-without-target",
     "metric 'Asiakaspalautteen kerääminen välittömästi ostotapahtuman jälkeen esim. Happy "
     "or Not -palvelulla.' has no target"),
    (64, 9, "info", "CXJ302", "touchpoint-without-channel",
     "touchpoint 'Tuotteen loppukäyttäjä aloittaa tuotteen käytön ja on toistaiseksi hyvn "
     "tyytyväinen valintaansa' has no channel, and stage 'kaytto' has no channels"),
    (68, 9, "info", "CXJ203", "metric-without-target",
     "metric 'Tuotteen mukana voisi olla koodi jonka syöttämällä yrityksen verkkosivuilla "
     "voisi antaa palautetta juuri kyseisestä tuotteesta (tässä tulisi huomioida "
     "käyttäjäystävällisyys)' has no target"),
    (77, 9, "info", "CXJ302", "touchpoint-without-channel",
     "touchpoint 'Takin voisi viedä liikkeeseen kierrätettäväksi mutta tällöin tuotteen koko "
     "rahallinen arvo on mennyt ”hukkaan”' has no channel, and stage 'kayton-lopettaminen' "
     "has no channels"),
    (81, 9, "info", "CXJ203", "metric-without-target",
     "metric 'Asiakas voi antaa myymälään/verkossa palautetta yritykselle jos tuote ollut "
     "erityisen hyvä/huono.' has no target"),
    (85, 1, "warning", "CXJ103", "end-not-last",
     "the end is 'kaytto' but the last stage is 'kayton-lopettaminen': the customer's last "
     "impression comes later"),
]


@pytest.fixture
def at_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def test_flagship_json(cxj: Callable[..., Run], at_repo: None, parser: str) -> None:
    result = cxj("lint", "--isolated", "--format", "json", PATH)
    assert (result.code, result.err) == (1, "")
    data = result.json()
    assert [(f["path"], f["line"], f["column"], f["severity"], f["code"], f["rule"],
             f["message"]) for f in data["findings"]] == [(PATH, *f) for f in FINDINGS]
    assert data["summary"] == {"files": 1, "errors": 0, "warnings": 2, "infos": 8}
    codes = [f["code"] for f in data["findings"]]
    assert sorted(codes) == ["CXJ103", "CXJ201", *["CXJ203"] * 5, *["CXJ302"] * 3]


def test_flagship_text(cxj: Callable[..., Run], at_repo: None) -> None:
    result = cxj("lint", "--isolated", PATH)
    lines = [f"{PATH}:{line}:{column}: {severity} {code} {rule}: {message}"
             for line, column, severity, code, rule, message in FINDINGS]
    assert result.out == "\n".join([*lines, "Checked 1 file: 0 errors, 2 warnings, 8 infos."]) \
        + "\n"
    assert result.code == 1


def test_flagship_with_the_default_configuration_discovered(cxj: Callable[..., Run],
                                                            at_repo: None) -> None:
    """Without --isolated: the repository's pyproject.toml has no [tool.cxj]."""
    result = cxj("lint", "--format", "json", PATH)
    assert [(f["line"], f["code"]) for f in result.json()["findings"]] == \
        [(line, code) for line, _, _, code, _, _ in FINDINGS]
    assert result.code == 1


@pytest.mark.parametrize("name", ["winter-coat-online.journey.yaml",
                                  "flea-market-seller.journey.yaml"])
def test_english_examples_lint_clean(cxj: Callable[..., Run], at_repo: None, parser: str,
                                     name: str) -> None:
    result = cxj("lint", "--isolated", f"examples/{name}")
    assert (result.code, result.out, result.err) == \
        (0, "Checked 1 file: 0 errors, 0 warnings, 0 infos.\n", "")
