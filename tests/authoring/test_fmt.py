"""``cxj fmt``: canonical key order and indentation with everything else kept (SPEC §8
"fmt"), on every journey and fixture in the repository and on hand-made cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from authoring_support import ROOT, Run, load
from ruamel.yaml import YAML

from cxjourney.commands.fmt import format_bytes
from cxjourney.formatter import comments, format_text, same_data


def _repository_yaml() -> list[tuple[str, bytes]]:
    """Every journey file, fixture and validate-case source in the repository."""
    found: list[tuple[str, bytes]] = []
    for path in sorted([*ROOT.glob("examples/**/*.y*ml"), *ROOT.glob("tests/**/*.y*ml")]):
        if "node_modules" in path.parts:
            continue
        data = path.read_bytes()
        found.append((path.relative_to(ROOT).as_posix(), data))
        try:
            cases = YAML(typ="safe").load(data)
        except Exception:  # not YAML that a case file would be; the file itself counts
            continue
        if isinstance(cases, list):
            found.extend((f"{path.relative_to(ROOT).as_posix()}#{index}",
                          case["source"].encode("utf-8"))
                         for index, case in enumerate(cases)
                         if isinstance(case, dict) and isinstance(case.get("source"), str))
    return found


REPOSITORY = _repository_yaml()
# Inputs fmt declines by design, each with the reason it gives (exit 2, file untouched).
DECLINED = {
    "tab after a colon": "ruamel.yaml cannot round-trip",  # libyaml reads it, ruamel not
    "!!map on a sequence": "ruamel.yaml cannot round-trip",
    "non-specific tag": "would not load to the same journey",  # ruamel drops `! `
    "complex key": "would not load to the same journey",
    "!!null with text": "would not load to the same journey",  # ruamel drops the tag
}


def test_the_repository_has_journeys_and_fixtures_to_format() -> None:
    assert len(REPOSITORY) > 100
    assert any(name.startswith("examples/") for name, _ in REPOSITORY)


@pytest.mark.parametrize(("name", "data"), REPOSITORY, ids=[name for name, _ in REPOSITORY])
def test_fmt_twice_is_fmt_once_and_keeps_data_and_comments(name: str, data: bytes) -> None:
    outcome = format_bytes(data, name)
    if outcome.formatted is None:
        # Only what does not parse (CXJ001/010/011/012) or what fmt declines stops it.
        assert outcome.findings or any(reason in (outcome.problem or "")
                                       for reason in DECLINED.values()), outcome
        return
    original = data.decode("utf-8-sig").replace("\r\n", "\n")
    assert same_data(original, outcome.formatted)
    assert comments(original) == comments(outcome.formatted)
    assert format_bytes(outcome.formatted.encode("utf-8"), name).changed is False


def test_examples_are_already_formatted(cli: Run) -> None:
    result = cli("fmt", "--check", str(ROOT / "examples"))
    assert (result.code, result.out, result.err) == (0, "", "")


MESSY = """\
# Team notes at the top

title: Messy   # said twice
cxj: 1
stages:
    -   name: Awareness
        # Why we measure this
        metrics:
            -   target: 80
                name: Share
        id: awareness

        actions: [a, b]
        x-mine: 1
        description: |
            Two lines
            of text
    - {name: B, id: b}
x-team: cx
# The peak is the purchase
peak:
    reason: 'why'
    stage: b
lang: en
"""

FORMATTED = """\
# Team notes at the top

cxj: 1
title: Messy   # said twice
lang: en
stages:
  - id: awareness
    name: Awareness
    description: |
      Two lines
      of text

    actions: [a, b]
    # Why we measure this
    metrics:
      - name: Share
        target: 80
    x-mine: 1
  - {id: b, name: B}
# The peak is the purchase
peak:
  stage: b
  reason: 'why'
x-team: cx
"""


def test_keys_move_into_order_with_the_comment_block_above_them() -> None:
    # The blank line after the third key stays after the third key (now `description`).
    assert format_text(MESSY) == FORMATTED


def test_the_formatted_file_is_the_same_journey() -> None:
    assert load(FORMATTED) == load(MESSY)


def test_a_comment_directly_above_a_moved_key_stays_with_it() -> None:
    text = "title: T\n# the version\n# (always 1)\ncxj: 1\nstages:\n  - name: A\n"
    assert format_text(text) == "# the version\n# (always 1)\ncxj: 1\ntitle: T\n" \
                                "stages:\n  - name: A\n"


def test_quoting_flow_style_block_scalars_and_long_lines_are_kept() -> None:
    long = "x" * 150
    text = (f"cxj: 1\ntitle: \"{long}\"\nstages:\n- name: 'A'\n  actions: [\"a\", b]\n"
            "  thoughts:\n  - >-\n    folded\n    text\n")
    assert format_text(text) == (
        f"cxj: 1\ntitle: \"{long}\"\nstages:\n  - name: 'A'\n    actions: [\"a\", b]\n"
        "    thoughts:\n      - >-\n        folded\n        text\n")


def test_yaml_12_scalars_keep_their_spelling() -> None:
    text = "cxj: 1\ntitle: On\nupdated: 2026-02-01\nstages:\n  - name: 017\n    id: a\n"
    assert format_text(text) == "cxj: 1\ntitle: On\nupdated: 2026-02-01\nstages:\n" \
                                "  - id: a\n    name: 017\n"


def test_an_invalid_but_parsable_file_is_formatted() -> None:
    text = "colour: red\ntitle: T\ncxj: 1\n"
    assert format_text(text) == "cxj: 1\ntitle: T\ncolour: red\n"


def test_check_exits_1_and_writes_nothing(cli: Run, workdir: Path) -> None:
    path = workdir / "messy.journey.yaml"
    path.write_text(MESSY, encoding="utf-8")
    result = cli("fmt", "--check", ".")
    assert (result.code, result.out) == (1, "would reformat messy.journey.yaml\n")
    assert path.read_text(encoding="utf-8") == MESSY


def test_diff_shows_a_unified_diff_exits_1_and_writes_nothing(cli: Run,
                                                              workdir: Path) -> None:
    path = workdir / "messy.journey.yaml"
    path.write_text(MESSY, encoding="utf-8")
    result = cli("fmt", "--diff", "messy.journey.yaml")
    assert result.code == 1
    assert result.out.startswith("--- messy.journey.yaml\n+++ messy.journey.yaml\n@@ ")
    assert " \n+cxj: 1\n title: Messy   # said twice\n-cxj: 1\n+lang: en\n" in result.out
    assert path.read_text(encoding="utf-8") == MESSY
    path.write_text(FORMATTED, encoding="utf-8")
    again = cli("fmt", "--diff", "messy.journey.yaml")
    assert (again.code, again.out) == (0, "")


def test_fmt_writes_files_in_place(cli: Run, workdir: Path) -> None:
    path = workdir / "messy.journey.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MESSY.replace("\n", "\r\n").encode("utf-8"))
    result = cli("fmt", ".")
    assert (result.code, result.out) == (0, "")
    assert result.err == "cxj: 1 file reformatted\n"
    assert path.read_bytes() == FORMATTED.encode("utf-8")  # no BOM, LF, one final newline
    assert cli("fmt", ".").err == "cxj: 1 file left unchanged\n"


def test_fmt_dash_writes_standard_output(cli: Run, workdir: Path) -> None:
    result = cli("fmt", "-", stdin=MESSY)
    assert (result.code, result.out, result.err) == (0, FORMATTED, "")


@pytest.mark.parametrize(("text", "code"), [
    ("cxj: 1\ntitle: [unclosed\n", "CXJ001"),
    ("cxj: 1\ntitle: A\ntitle: B\nstages: []\n", "CXJ010"),
])
def test_files_that_do_not_parse_stop_fmt_with_exit_1(cli: Run, workdir: Path, text: str,
                                                      code: str) -> None:
    (workdir / "bad.journey.yaml").write_text(text, encoding="utf-8")
    result = cli("fmt", ".")
    assert result.code == 1
    assert result.out.startswith("bad.journey.yaml:")
    assert f" error {code} " in result.out
    assert (workdir / "bad.journey.yaml").read_text(encoding="utf-8") == text


def test_bad_encoding_and_limits_stop_fmt(cli: Run, workdir: Path) -> None:
    (workdir / "latin.journey.yaml").write_bytes(b"cxj: 1\ntitle: K\xe4ytt\xf6\n")
    (workdir / "deep.journey.yaml").write_text("x: " + "[" * 70 + "]" * 70 + "\n",
                                               encoding="utf-8")
    result = cli("fmt", ".")
    assert result.code == 1
    assert "deep.journey.yaml:1:" in result.out and " error CXJ011 " in result.out
    assert "latin.journey.yaml:2:9: error CXJ012 " in result.out


def test_fmt_refuses_when_the_result_would_not_be_the_same_journey(
        cli: Run, workdir: Path) -> None:
    # ruamel.yaml drops the non-specific tag `!`, which makes `2026` a number.
    text = "cxj: 1\ntitle: ! 2026\nstages:\n  - name: A\n"
    (workdir / "tag.journey.yaml").write_text(text, encoding="utf-8")
    result = cli("fmt", ".")
    assert result.code == 2
    assert result.err.startswith("cxj: error: refusing to write tag.journey.yaml: the "
                                 "formatted text would not load to the same journey")
    assert (workdir / "tag.journey.yaml").read_text(encoding="utf-8") == text


def test_file_selection_is_validates(cli: Run, workdir: Path) -> None:
    (workdir / "cxj.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")
    (workdir / "drafts").mkdir()
    (workdir / "drafts" / "d.journey.yaml").write_text("title: T\ncxj: 1\n", encoding="utf-8")
    (workdir / "notes.yaml").write_text("title: T\ncxj: 1\n", encoding="utf-8")
    assert cli("fmt", "--check", ".").code == 0  # drafts excluded, notes.yaml not included
    assert cli("fmt", "--check", "notes.yaml").code == 1  # named: always processed
    assert cli("fmt", "--check", "--force-exclude", "drafts/d.journey.yaml").code == 0
    result = cli("fmt", "--check", "-", "--stdin-filename", "drafts/x.journey.yaml",
                 "--force-exclude", stdin="title: T\ncxj: 1\n")
    assert (result.code, result.err) == (0, "cxj: warning: no journey files found\n")


def test_a_missing_path_exits_2(cli: Run, workdir: Path) -> None:
    result = cli("fmt", "nowhere.journey.yaml")
    assert (result.code, result.err) == (2, "cxj: error: path not found: nowhere.journey.yaml\n")
