"""``cxj import --from doc-table``: the seed and the rules of SPEC §8 "doc-table import"."""

from __future__ import annotations

from pathlib import Path

import pytest
from authoring_support import FLAGSHIP, SEED, Run, load, normal_form, without_scores

from cxjourney.commands.importer import convert, journey_text
from cxjourney.importers import ImportProblem


def imported(text: str) -> str:
    return journey_text(convert(text, "doc-table", "table.txt"), "table.txt")


def test_the_seed_ends_with_a_lone_space_and_no_newline() -> None:
    assert SEED.read_bytes().endswith(b"\n ")  # what the tests below rely on


def test_the_seed_imports_to_a_valid_journey_with_its_five_stages(cli: Run) -> None:
    result = cli("import", str(SEED), "--from", "doc-table")
    assert (result.code, result.err) == (0, "")
    journey = load(result.out, "talvitakki.journey.yaml")
    assert [stage.name for stage in journey.stages] == [
        "Havahtuminen", "Vertailu", "Ostaminen", "Käyttö", "Käytön lopettaminen"]
    assert journey.lang == "fi"
    assert journey.title == "Talvitakin osto lapselle"
    assert journey.resolved_persona is not None
    assert journey.resolved_persona.name == "35-vuotias nainen"
    assert journey.peak is not None and journey.peak.stage == "ostaminen"
    assert journey.end is not None and (journey.end.stage, journey.end.reason) == ("kaytto", "On")
    assert [bool(stage.metrics) for stage in journey.stages] == [False, True, True, True, True]
    assert [bool(stage.channels) for stage in journey.stages] == [True, True, False, False,
                                                                  False]


def test_the_seed_is_the_flagship_without_its_scores() -> None:
    seed = load(imported(SEED.read_text(encoding="utf-8")), "talvitakki.journey.yaml")
    flagship = load(without_scores(FLAGSHIP.read_text(encoding="utf-8")),
                    "talvitakki.journey.yaml")
    assert normal_form(seed) == normal_form(flagship)


def test_the_seed_import_is_the_flagship_text_without_scores() -> None:
    # The flagship is "exactly what import gives, plus the scores" (SPEC §1), byte for byte.
    assert imported(SEED.read_text(encoding="utf-8")) == \
        without_scores(FLAGSHIP.read_text(encoding="utf-8"))


def test_the_seed_paragraph_rules_hold() -> None:
    seed = load(imported(SEED.read_text(encoding="utf-8")))
    kaytto = seed.stages[3]
    # "(tässä …)" continues the item before it; the bookmark marker is gone.
    assert kaytto.metrics[0].name.endswith("tuotteesta (tässä tulisi huomioida "
                                           "käyttäjäystävällisyys)")
    assert seed.stages[2].opportunities[0].startswith("Alennuksessa olevat")
    # The lane's prompt question ("Mitä asiakas tekee …?") is dropped.
    assert all("?" not in action for stage in seed.stages for action in stage.actions)


TABLE = (
    "\tTitle:\n\tA small table\n\n"
    "\t\n\tFirst\n\tSecond\n\n"
    "\tDoes\nWhat does the customer do?\n\tLooks around\n\tBuys\n(with a card)\n\n"
    "\tPeak\n\t\n\tThe only contact with staff\n"
)


def test_an_english_table_imports_without_lang() -> None:
    text = imported(TABLE)
    assert text == (
        "cxj: 1\ntitle: A small table\nstages:\n"
        "  - id: first\n    name: First\n    actions:\n      - Looks around\n"
        "  - id: second\n    name: Second\n    actions:\n      - Buys (with a card)\n"
        "peak:\n  stage: second\n  reason: The only contact with staff\n")


def test_a_line_holding_only_a_tab_is_an_empty_cell() -> None:
    text = imported("\t\n\tA\n\tB\n\n\tTekee\n\t\n\tx\n")
    journey = load(text)
    assert [stage.actions for stage in journey.stages] == [[], ["x"]]


def test_crlf_and_a_bom_are_ignored() -> None:
    assert imported("\ufeff" + TABLE.replace("\n", "\r\n")) == imported(TABLE)


def test_repeated_and_empty_stage_slugs_get_unique_ids() -> None:
    journey = load(imported("\t\n\tSame\n\tSame\n\t???\n"))
    assert [stage.id for stage in journey.stages] == ["same", "same-2", "stage-3"]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("Before any cell\n\t\n\tA\n", 1, "text before the first cell"),
    ("\t\n\tA\n\tB\n\n\tColour\n\tx\n\ty\n", 5, "expected a lane name"),
    ("\t\n\tA\n\tB\n\n\tTekee\n\tx\n", 5, "has 1 cells; there are 2 stages"),
    ("\t\n\tA\n\tB\n\n\tPeak\n\tx\n\ty\n", 7, "marks more than one stage"),
    ("\tSomething:\n\tvalue\n\t\n\tA\n", 1, "unknown label 'Something:'"),
    ("\tTitle\n\tOnly\n", 2, "no stage header found"),
])
def test_what_cannot_be_read_names_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ImportProblem) as problem:
        imported(text)
    assert problem.value.line == line
    assert message in problem.value.message


def test_bad_content_exits_1_naming_the_file_and_line(cli: Run, workdir: Path) -> None:
    (workdir / "t.txt").write_text("\t\n\tA\n\tB\n\n\tColour\n\tx\n\ty\n", encoding="utf-8")
    result = cli("import", "t.txt", "--from", "doc-table")
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("cxj: error: t.txt:5: expected a lane name")


def test_a_file_that_is_not_utf8_exits_2(cli: Run, workdir: Path) -> None:
    (workdir / "t.txt").write_bytes(b"\t\n\tK\xe4ytt\xf6\n")
    result = cli("import", "t.txt", "--from", "doc-table")
    assert result.code == 2
    assert "t.txt:2: invalid UTF-8 byte 0xe4" in result.err


def test_a_missing_file_exits_2(cli: Run, workdir: Path) -> None:
    result = cli("import", "nope.txt", "--from", "doc-table")
    assert result.code == 2
    assert result.err.startswith("cxj: error: cannot read nope.txt")


def test_output_goes_to_a_new_file_and_never_over_one(cli: Run, workdir: Path) -> None:
    target = workdir / "out.journey.yaml"
    assert cli("import", str(SEED), "--from", "doc-table", "-o", str(target)).code == 0
    written = target.read_bytes()
    assert written.endswith(b"reason: On\n") and not written.startswith(b"\xef\xbb\xbf")
    again = cli("import", str(SEED), "--from", "doc-table", "-o", str(target))
    assert again.code == 2
    assert "exists" in again.err
    assert target.read_bytes() == written


def test_standard_input_is_read_with_dash(cli: Run) -> None:
    result = cli("import", "-", "--from", "doc-table", stdin=SEED.read_bytes())
    assert result.code == 0
    assert result.out.startswith("cxj: 1\ntitle: Talvitakin osto lapselle\nlang: fi\n")


def test_the_import_is_already_formatted(cli: Run) -> None:
    text = cli("import", str(SEED), "--from", "doc-table").out
    assert cli("fmt", "-", "--check", stdin=text).code == 0
