"""``cxj import --from mermaid``: what Mermaid's ``journey`` grammar reads, from diagrams
as people write them (SPEC §8 "Mermaid import")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from authoring_support import Run, load

from cxjourney import records
from cxjourney.commands.importer import convert
from cxjourney.importers import ImportProblem, finish


def data(text: str, path: str = "diagram.mmd") -> dict[str, Any]:
    return finish(convert(text, "mermaid", path), path)


def stages(text: str, path: str = "diagram.mmd") -> list[tuple[str, list[str], list[Any]]]:
    return [(stage["name"], stage.get("actions", []),
             [emotion["score"] for emotion in stage.get("emotions", [])])
            for stage in data(text, path)["stages"]]


# Mermaid's own documentation example (the `journey` page).
MERMAID_DOCS = """\
journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""


def test_mermaids_documentation_example(cli: Run, workdir: Path) -> None:
    (workdir / "day.mmd").write_text(MERMAID_DOCS, encoding="utf-8")
    result = cli("import", "day.mmd", "--from", "mermaid")
    assert (result.code, result.err) == (0, "")
    journey = load(result.out)
    assert journey.title == "My working day"
    assert journey.resolved_persona is not None and journey.resolved_persona.name == "Me"
    assert [(stage.id, stage.actions, stage.scores) for stage in journey.stages] == [
        ("go-to-work", ["Make tea", "Go upstairs", "Do work"], [2, 0, -2]),
        ("go-home", ["Go downstairs", "Sit down"], [2, 2]),
    ]
    assert journey.stages[0].emotions[2].text == "Do work"


README = """\
# Checkout redesign

Some prose. A flowchart comes first and is not a journey:

```mermaid
flowchart LR
  A --> B
```

The customer journey today:

```mermaid
---
title: Front-matter title
---
%% The as-is journey, from the interviews
journey
  accTitle: Checkout journey
  accDescr {
    How a returning customer
      pays today.
  }
  section Cart<br/>review
    Open cart:4:Returning customer
    Change quantity : 2 : Returning customer ,
  section Payment
    Enter card: 1: Returning customer, Bank
    Confirm: 3:
```

```mermaid
journey
  title A later diagram
  section Ignored
    X: 3
```
"""


def test_the_first_journey_block_of_a_markdown_readme() -> None:
    result = data(README, "docs/checkout.md")
    assert result["title"] == "Front-matter title"
    assert result["description"] == "How a returning customer\npays today."
    assert result["persona"] == {"name": "Returning customer"}
    assert stages(README, "README.markdown") == [
        ("Cart review", ["Open cart", "Change quantity"], [1, -1]),
        ("Payment", ["Enter card", "Confirm"], [-2, 0]),
    ]


def test_a_title_statement_wins_over_the_front_matter() -> None:
    text = "---\ntitle: From front matter\n---\njourney\ntitle From the statement\n" \
           "section S\n  t: 3\n"
    assert data(text)["title"] == "From the statement"


DESIGN_DOC_FI = """\
%%{init: {"theme": "forest"}}%%
JOURNEY
  TITLE Talvitakin osto
  accDescr: Äidin ja lapsen ostomatka
  SECTION Havahtuminen
    Takki on jäänyt pieneksi: 2: Äiti
  Section Ostaminen # kassalla
    Alennus yllättää: 5: Äiti, Lapsi
    Kuitti #58; paperilla: 4: Äiti
"""


def test_a_finnish_design_doc_with_upper_case_keywords_and_comments() -> None:
    result = data(DESIGN_DOC_FI)
    assert result["title"] == "Talvitakin osto"
    assert result["description"] == "Äidin ja lapsen ostomatka"
    assert result["persona"] == {"name": "Äiti"}
    assert stages(DESIGN_DOC_FI) == [
        ("Havahtuminen", ["Takki on jäänyt pieneksi"], [-1]),
        ("Ostaminen", ["Alennus yllättää", "Kuitti : paperilla"], [2, 1]),
    ]


GERMAN = """\
journey
title Einkauf im Webshop
Produkt suchen: 3
section Kasse
  Bezahlen: 2: Kundin, Kunde
  Lieferung abwarten: 4: Kunde
  Paket öffnen
"""


def test_tasks_before_the_first_section_and_tasks_without_actors_or_score() -> None:
    result = data(GERMAN)
    assert stages(GERMAN) == [
        ("Einkauf im Webshop", ["Produkt suchen"], [0]),
        ("Kasse", ["Bezahlen", "Lieferung abwarten", "Paket öffnen"], [-1, 1]),
    ]
    assert result["persona"] == {"name": "Kunde"}  # named twice


def test_persona_ties_go_to_the_first_actor_and_no_actors_means_no_persona() -> None:
    assert data("journey\nsection S\n a: 3: Ann, Bob\n")["persona"] == {"name": "Ann"}
    assert "persona" not in data("journey\nsection S\n a: 3\n")


def test_no_title_uses_the_file_name() -> None:
    assert data("journey\nsection S\n a: 3\n", "maps/onboarding.mmd")["title"] == "onboarding"


def test_scores_outside_the_range_or_not_whole_are_fixed_with_a_warning(
        cli: Run, workdir: Path) -> None:
    (workdir / "j.mmd").write_text("journey\nsection S\n  a: 7\n  b: 0\n  c: 2.5\n  d: 3.4\n",
                                   encoding="utf-8")
    result = cli("import", "j.mmd", "--from", "mermaid")
    assert result.code == 0
    assert load(result.out).stages[0].scores == [2, -2, 0, 0]
    assert result.err.splitlines() == [
        "cxj: warning: j.mmd:3: score 7 is outside 1…5; clamped to 5",
        "cxj: warning: j.mmd:4: score 0 is outside 1…5; clamped to 1",
        "cxj: warning: j.mmd:5: score 2.5 is not a whole number; rounded to 3",
        "cxj: warning: j.mmd:6: score 3.4 is not a whole number; rounded to 3",
    ]


def test_line_break_variants_become_spaces_and_other_text_stays() -> None:
    text = "journey\nsection A<br>B<BR />C<br\t/>D</br />E\n  t: 3\n"
    assert stages(text)[0][0] == "A B C D</br />E"


def test_repeated_sections_get_unique_ids() -> None:
    result = data("journey\nsection Use\n a: 3\nsection Use\n b: 3\n")
    assert [stage["id"] for stage in result["stages"]] == ["use", "use-2"]


@pytest.mark.parametrize(("text", "path", "line", "message"), [
    ("flowchart LR\n  A --> B\n", "a.mmd", 1, "no Mermaid journey diagram"),
    ("\n\n%% nothing\n", "a.mmd", 1, "no Mermaid journey diagram"),
    ("# Doc\n\ntext\n\n```mermaid\nflowchart LR\n```\n", "a.md", 5,
     "no Mermaid journey diagram"),
    ("# Doc without diagrams\n", "a.md", 1, "no Mermaid journey diagram"),
    ("journey\nsection S\n  a: great: Me\n", "a.mmd", 3, "score 'great' is not a number"),
    ("# Doc\n\n```mermaid\njourney\nsection S\n  a: x\n```\n", "a.md", 6,
     "score 'x' is not a number"),
    ("journey\ntitle T\n", "a.mmd", 1, "no sections or tasks"),
])
def test_what_is_not_a_journey_names_its_line(text: str, path: str, line: int,
                                              message: str) -> None:
    with pytest.raises(ImportProblem) as problem:
        convert(text, "mermaid", path)
    assert problem.value.line == line
    assert message in problem.value.message


def test_a_bad_diagram_exits_1(cli: Run) -> None:
    result = cli("import", "-", "--from", "mermaid", stdin="journey\nsection S\n a: b\n")
    assert result.code == 1
    assert result.err == "cxj: error: -:3: the task score 'b' is not a number (Mermaid " \
                         "scores run from 1 to 5)\n"


def test_what_cxj_renders_as_mermaid_imports_back() -> None:
    from authoring_support import FLAGSHIP

    from cxjourney.rendering import render

    journey = load(FLAGSHIP.read_bytes(), FLAGSHIP.name)
    # Text Mermaid would cut or misread unless cxj escapes it (`:`, `;`, `#`, `%`, keywords).
    tricky = [*journey.stages[0].actions, "Kello 10:30; #1 % journey"]
    first = records.replace(journey.stages[0], actions=tricky)
    journey = records.replace(journey, stages=[first, *journey.stages[1:]])
    diagram = render(journey, "mermaid")
    assert isinstance(diagram, str)
    result = data(diagram, "talvitakki.mmd")
    assert result["title"] == journey.title
    assert [stage["name"] for stage in result["stages"]] == [s.name for s in journey.stages]
    assert result["stages"][0]["actions"] == tricky
    assert result["persona"] == {"name": "35-vuotias nainen"}
