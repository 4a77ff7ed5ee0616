"""Inline suppressions (SPEC §4): which lines a comment covers, what counts as a comment,
and what can never be suppressed. Every test runs under both YAML parsers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cxj_lint_support import Run

Lint = Callable[..., Run]

# One stage, no peak, end or persona: CXJ101, CXJ102 and CXJ304 at 1:1, CXJ307 at 3:1 and
# CXJ106, CXJ201, CXJ301 at the stage's first key (4:5), unless suppressed.
STAGE_LINE = "  - name: Pay"
ALL_FINDINGS = [(1, 1, "CXJ101"), (1, 1, "CXJ102"), (1, 1, "CXJ304"), (3, 1, "CXJ307"),
                (4, 5, "CXJ106"), (4, 5, "CXJ201"), (4, 5, "CXJ301")]


def journey(stage_line: str = STAGE_LINE, *, before: str = "", after: str = "",
            title: str = "Paying a bill") -> str:
    return f"cxj: 1\ntitle: {title}\nstages:\n{before}{stage_line}\n{after}"


def without(*codes: str, line: int = 4) -> list[tuple[int, int, str]]:
    return [f for f in ALL_FINDINGS if not (f[2] in codes and f[0] == line)]


@pytest.fixture
def lint(lint_source: Lint, parser: str) -> Lint:
    return lint_source


def test_the_baseline_journey(lint: Lint) -> None:
    assert lint(journey()).findings() == ALL_FINDINGS


def test_a_trailing_comment_covers_its_own_line(lint: Lint) -> None:
    result = lint(journey(f"{STAGE_LINE}  # cxj: ignore[CXJ201]"))
    assert result.findings() == without("CXJ201")


def test_a_trailing_comment_does_not_cover_the_next_line(lint: Lint) -> None:
    source = "cxj: 1\ntitle: Paying a bill\nstages:  # cxj: ignore[CXJ201]\n  - name: Pay\n"
    assert lint(source).messages() == [
        (1, 1, "CXJ101", "the journey has no peak: add `peak: {stage: …}` naming its most "
                         "intense stage"),
        (1, 1, "CXJ102", "the journey has no end: add `end: {stage: …}` naming the stage it "
                         "ends on"),
        (1, 1, "CXJ304", "the journey has no persona: say whose journey this is"),
        (3, 1, "CXJ307", "the journey has 1 stage; a readable map has 3 to 12"),
        (3, 10, "CXJ309", "unused suppression 'CXJ201' (nothing to suppress)"),
        (4, 5, "CXJ106", "stage 'pay' has no scored emotion: give one of its emotions a "
                         "`score` from -2 to 2"),
        (4, 5, "CXJ201", "stage 'pay' has no metric: add one so its success can be measured"),
        (4, 5, "CXJ301", "stage 'pay' has no touchpoint"),
    ]


def test_a_comment_alone_covers_the_next_code_line(lint: Lint) -> None:
    before = "  # cxj: ignore[CXJ201]\n\n  # another comment\n\n"
    result = lint(journey(before=before))
    # The stage moved down to line 8; the comment on line 4 covers it.
    assert result.findings() == [(1, 1, "CXJ101"), (1, 1, "CXJ102"), (1, 1, "CXJ304"),
                                 (3, 1, "CXJ307"), (8, 5, "CXJ106"), (8, 5, "CXJ301")]


def test_a_comment_alone_covers_only_the_next_code_line(lint: Lint) -> None:
    source = "# cxj: ignore[CXJ101]\n\ncxj: 1\ntitle: Paying a bill\nstages:\n  - name: Pay\n"
    result = lint(source)
    assert (3, 1, "CXJ101") not in result.findings()
    assert (3, 1, "CXJ102") in result.findings()


def test_a_last_comment_covers_nothing(lint: Lint) -> None:
    result = lint(journey(after="# cxj: ignore[CXJ201]\n"))
    assert result.findings() == sorted([*ALL_FINDINGS, (5, 1, "CXJ309")])


def test_ignore_file_anywhere_covers_the_whole_file(lint: Lint) -> None:
    result = lint(journey(after="# cxj: ignore-file[CXJ1, stage-without-metrics]\n"))
    assert result.findings() == [(1, 1, "CXJ304"), (3, 1, "CXJ307"), (4, 5, "CXJ301")]


def test_bare_ignore_covers_every_rule_on_its_line(lint: Lint) -> None:
    result = lint(journey(f"{STAGE_LINE}  # cxj: ignore"))
    assert result.findings() == [(1, 1, "CXJ101"), (1, 1, "CXJ102"), (1, 1, "CXJ304"),
                                 (3, 1, "CXJ307")]


def test_bare_ignore_file_covers_everything(lint: Lint) -> None:
    result = lint(journey(after="\n# cxj: ignore-file\n"))
    assert result.findings() == []
    assert result.code == 0


def test_an_unused_bare_ignore_file_is_named_as_written(lint: Lint) -> None:
    source = ("# cxj: ignore-file\ncxj: 1\ntitle: T\npersona: {name: P}\nstages:\n"
              "  - name: A\n    emotions: [{text: ok, score: 1}]\n"
              "    touchpoints: [{name: Web, channel: web}]\n    metrics: [{name: M, target: 1}]\n"
              "  - name: B\n  - name: C\npeak: {stage: a}\nend: {stage: c}\n")
    result = lint(source, extra=("--select", "CXJ101,CXJ102,CXJ103,CXJ309"))
    assert result.messages() == [
        (1, 1, "CXJ309", "unused suppression 'cxj: ignore-file' (nothing to suppress)")]


@pytest.mark.parametrize(("comment", "suppressed"), [
    # spaces, a name and a prefix
    ("# cxj: ignore[ stage-without-metrics , CXJ30 ]", ("CXJ201", "CXJ301")),
    # no space after the colon, one before the bracket
    ("# cxj:ignore [CXJ2]", ("CXJ201",)),
    # anywhere in the comment text
    ("# reviewed by Ana; cxj: ignore[ALL] until Q3", ("CXJ106", "CXJ201", "CXJ301")),
    ("#cxj: ignore[CXJ201, CXJ301]", ("CXJ201", "CXJ301")),
])
def test_selectors_in_comments(lint: Lint, comment: str, suppressed: tuple[str, ...]) -> None:
    result = lint(journey(f"{STAGE_LINE}  {comment}"))
    assert result.findings() == without(*suppressed)


def test_the_directive_is_case_sensitive(lint: Lint) -> None:
    result = lint(journey(f"{STAGE_LINE}  # CXJ: IGNORE[CXJ201]"))
    assert result.findings() == ALL_FINDINGS


def test_hash_inside_quoted_scalars_is_not_a_comment(lint: Lint) -> None:
    source = journey('  - name: "Pay # cxj: ignore"\n    description: \'x # cxj: ignore\'',
                     title='"Bill # cxj: ignore-file"')
    result = lint(source)
    assert result.findings() == ALL_FINDINGS


def test_hash_without_white_space_before_it_is_not_a_comment(lint: Lint) -> None:
    result = lint(journey(title="Paying#cxj:ignore-file"))
    assert result.findings() == ALL_FINDINGS


def test_hash_inside_a_block_scalar_is_not_a_comment(lint: Lint) -> None:
    source = journey(after="    description: |\n      Steps:\n      # cxj: ignore[CXJ201]\n"
                           "      # cxj: ignore-file\n    actions:\n      - >-\n"
                           "        folded # cxj: ignore\n")
    result = lint(source)
    assert result.findings() == ALL_FINDINGS


@pytest.mark.parametrize("header", ["|", ">-", "|2+", "&text !!str |-", "!!str >"])
def test_a_comment_after_a_block_scalar_header_is_a_comment(lint: Lint, header: str) -> None:
    # Regression: the scalar's span starts at `|`, but the rest of that line is a comment.
    source = journey(after=f"    description: {header}  # cxj: ignore-file[CXJ3]\n"
                           "      Steps. # cxj: ignore-file[CXJ1]\n")
    result = lint(source)
    assert result.findings() == [(1, 1, "CXJ101"), (1, 1, "CXJ102"), (4, 5, "CXJ106"),
                                 (4, 5, "CXJ201")]


def test_a_comment_after_a_block_scalar_is_a_comment(lint: Lint) -> None:
    source = ("cxj: 1\ntitle: Paying a bill\nstages:\n  - description: |\n      Steps.\n"
              "    # cxj: ignore[CXJ201]\n    name: Pay\n")
    result = lint(source)
    assert result.findings() == [(1, 1, "CXJ101"), (1, 1, "CXJ102"), (1, 1, "CXJ304"),
                                 (3, 1, "CXJ307"), (4, 5, "CXJ106"), (4, 5, "CXJ201"),
                                 (4, 5, "CXJ301"), (6, 5, "CXJ309")]


def test_crlf_line_ends(lint: Lint) -> None:
    source = journey(f"{STAGE_LINE}  # cxj: ignore[CXJ201]").replace("\n", "\r\n")
    assert lint(source).findings() == without("CXJ201")


def test_validation_errors_cannot_be_suppressed(lint: Lint) -> None:
    source = ("# cxj: ignore-file\ncxj: 1\ntitle: Paying a bill\nstages:\n"
              "  - name: Pay\n    pain_point: [Fees]  # cxj: ignore\n")
    result = lint(source)
    assert result.messages() == [
        (6, 5, "CXJ004", "unknown key 'pain_point' (did you mean 'pain_points'?)")]
    assert result.code == 1


def test_unused_suppressions_count_towards_the_exit_code_only_as_infos(lint: Lint) -> None:
    source = journey(f"{STAGE_LINE}  # cxj: ignore[CXJ204]")
    result = lint(source, extra=("--select", "CXJ204,CXJ309"))
    assert result.messages() == [
        (4, 16, "CXJ309", "unused suppression 'CXJ204' (nothing to suppress)")]
    assert result.code == 0
    assert lint(source, extra=("--select", "CXJ204,CXJ309", "--fail-on", "info")).code == 1
