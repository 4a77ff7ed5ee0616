"""The node tree (``cxjourney.yamltree``): YAML 1.2 core scalars, positions, merges, and the
limits that protect the machine (SPEC §8 "Limits"), for both parsers."""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from cxjourney import loader, yamltree
from cxjourney.loader import FileLimits, load_bytes
from cxjourney.yamltree import (
    LimitError,
    Limits,
    Mapping,
    Mark,
    Scalar,
    Sequence,
    TagValueError,
    YamlSyntaxError,
    compose,
    resolve_scalar,
    to_python,
    walk,
)

PARSERS = pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure-python"])


def value_of(text: str, *, pure: bool) -> Any:
    root = compose(f"key: {text}\n", pure=pure).root
    assert isinstance(root, Mapping)
    node = root.get("key")
    assert isinstance(node, Scalar)
    # node.value may have been settled by the composer's fast path; it must agree with
    # the core schema itself.
    value = node.value
    assert value == resolve_scalar(node) or value != value  # NaN is not equal to itself
    return value


# --- YAML 1.2 core schema ------------------------------------------------------------------

@PARSERS
@pytest.mark.parametrize(("text", "expected"), [
    ("on", "on"), ("off", "off"), ("yes", "yes"), ("no", "no"), ("On", "On"), ("Y", "Y"),
    ("true", True), ("True", True), ("TRUE", True), ("false", False), ("FALSE", False),
    ("tRUE", "tRUE"),
    ("~", None), ("null", None), ("Null", None), ("NULL", None), ("", None), ("nULL", "nULL"),
    ("017", 17), ("0o17", 15), ("0x1F", 31), ("0x1f", 31), ("-5", -5), ("+5", 5),
    ("1_000", "1_000"), ("0b101", "0b101"), ("0o8", "0o8"),
    ("1:20", "1:20"), ("190:20:30", "190:20:30"),
    ("1.5", 1.5), (".5", 0.5), ("5.", 5.0), ("1e3", 1000.0), ("-1.5E-2", -0.015),
    (".inf", math.inf), ("-.Inf", -math.inf), ("+.INF", math.inf),
    ("2026-11-01", "2026-11-01"), ("'17'", "17"), ('"true"', "true"), ("a", "a"),
    ("prose, with words", "prose, with words"), ("-x", "-x"), (".x", ".x"), ("9" * 5000, math.inf),
    ("!!str 17", "17"), ("!!int '17'", 17), ("!!float 1", 1.0), ("!!bool 'false'", False),
    ("!!null ''", None), ("! 17", "17"),
])
def test_core_schema_scalars(text: str, expected: Any, pure: bool) -> None:
    value = value_of(text, pure=pure)
    assert value == expected
    assert type(value) is type(expected)


@PARSERS
def test_nan(pure: bool) -> None:
    assert math.isnan(value_of(".NaN", pure=pure))


@PARSERS
@pytest.mark.parametrize(("text", "message"), [
    ("!!int one", "'one' is not a valid !!int"),
    ("!!int 1.5", "'1.5' is not a valid !!int"),
    ("!!int true", "'true' is not a valid !!int"),
    ("!!bool yes", "'yes' is not a valid !!bool"),
    ("!!bool 1", "'1' is not a valid !!bool"),
    ("!!float x", "'x' is not a valid !!float"),
    ("!!null 0", "'0' is not a valid !!null"),
    ("!!seq x", "'x' is not a valid !!seq"),
])
def test_core_tags_the_text_does_not_fit(text: str, message: str, pure: bool) -> None:
    with pytest.raises(TagValueError) as raised:
        value_of(text, pure=pure)
    assert str(raised.value) == message


# --- positions and structure -------------------------------------------------------------------

@PARSERS
def test_marks_are_one_based_code_points(pure: bool) -> None:
    document = compose("ä: [öö, x]\n  # c\nb:\n  - 日本\n", pure=pure)
    root = document.root
    assert isinstance(root, Mapping)
    assert root.start == Mark(1, 1)
    first, second = root.pairs
    assert first[0].start == Mark(1, 1)
    assert isinstance(first[1], Sequence)
    assert first[1].start == Mark(1, 4)
    assert [item.start for item in first[1].items] == [Mark(1, 5), Mark(1, 9)]
    assert second[1].start == Mark(4, 3)
    assert isinstance(second[1], Sequence)
    assert second[1].items[0].start == Mark(4, 5)


@PARSERS
def test_duplicate_keys_survive(pure: bool) -> None:
    root = compose("a: 1\na: 2\n", pure=pure).root
    assert isinstance(root, Mapping)
    assert [(k.start.line, to_python(v)) for k, v in root.pairs] == [(1, 1), (2, 2)]


@PARSERS
def test_merge_keys(pure: bool) -> None:
    text = textwrap.dedent("""\
        base: &b {x: 1, y: 2}
        more: &m {z: 3}
        one:
          <<: [*b, *m]
          y: 20
        """)
    root = compose(text, pure=pure).root
    assert isinstance(root, Mapping)
    one = root.get("one")
    assert isinstance(one, Mapping)
    assert to_python(one) == {"y": 20, "x": 1, "z": 3}
    assert len(one.merges) == 1


@PARSERS
def test_quoted_and_block_scalars_are_text_spans(pure: bool) -> None:
    document = compose("a: 'x # not a comment'\nb: |\n  # nor this\nc: plain # comment\n",
                       pure=pure)
    assert [(start.line, end.line) for start, end in document.text_spans] == [(1, 1), (2, 4)]


@PARSERS
def test_a_second_document_is_noted_not_composed(pure: bool) -> None:
    document = compose("a: 1\n---\nb: [\n", pure=pure)
    assert document.second_document == Mark(2, 1)


@PARSERS
def test_walk_visits_shared_alias_nodes_once(pure: bool) -> None:
    root = compose("a: &x [1, 2]\nb: *x\nc: *x\n", pure=pure).root
    assert root is not None
    shown = [node.text if isinstance(node, Scalar) else type(node).__name__
             for node in walk(root)]
    assert shown == ["Mapping", "a", "Sequence", "1", "2", "b", "c"]


def test_libyaml_rejects_yaml_1_2_the_pure_parser_decides() -> None:
    """libyaml (YAML 1.1) rejects a plain ``1:20`` in a flow sequence; the tree is then read
    by the pure parser, so both paths give the YAML 1.2 result."""
    for pure in (False, True):
        root = compose("a: [1:20, 12:30]\n", pure=pure).root
        assert root is not None and to_python(root) == {"a": ["1:20", "12:30"]}


@PARSERS
def test_syntax_errors_carry_the_problem_mark(pure: bool) -> None:
    with pytest.raises(YamlSyntaxError) as raised:
        compose("a: 1\n b: 2\n", pure=pure)
    assert raised.value.mark == Mark(2, 3)
    assert raised.value.message == "mapping values are not allowed here"


# --- limits ------------------------------------------------------------------------------------

@PARSERS
@pytest.mark.parametrize(("text", "limits", "mark"), [
    # every scalar (keys included), every collection: `cxj: 1` is 3 nodes
    ("cxj: 1\n", Limits(max_nodes=3), None),
    ("cxj: 1\n", Limits(max_nodes=2), Mark(1, 6)),
    # an alias counts every node it repeats (the list and its two items)
    ("a: &a [x, x]\nb: *a\n", Limits(max_nodes=9), None),
    ("a: &a [x, x]\nb: *a\n", Limits(max_nodes=8), Mark(2, 4)),
    # depth: the root mapping is 1; an alias adds the height of what it repeats
    ("a: [[x]]\n", Limits(max_depth=3), None),
    ("a: [[x]]\n", Limits(max_depth=2), Mark(1, 5)),
    ("a: &a [[x]]\nb: [*a]\n", Limits(max_depth=4), None),
    ("a: &a [[x]]\nb: [*a]\n", Limits(max_depth=3), Mark(2, 5)),
])
def test_limits_stop_at_the_node_crossing_them(text: str, limits: Limits, mark: Mark | None,
                                               pure: bool) -> None:
    if mark is None:
        compose(text, limits, pure=pure)
        return
    with pytest.raises(LimitError) as raised:
        compose(text, limits, pure=pure)
    assert raised.value.mark == mark


def _bomb(levels: int = 9) -> bytes:
    """A "billion laughs" document: 10^levels nodes from a few hundred bytes."""
    lines = ["cxj: 1", "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        refs = ", ".join([f"*l{level - 1}"] * 10)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


_GUARDED = textwrap.dedent("""\
    import resource, sys
    limit = 300 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from cxjourney.loader import load_bytes
    data = sys.stdin.buffer.read()
    for pure in (False, True):
        loaded = load_bytes(data, "bomb.journey.yaml", pure=pure)
        print([(f.line, f.column, f.code) for f in loaded.findings])
    """)


def _guarded_run(data: bytes) -> list[str]:
    """Load ``data`` with both parsers in a child with 300 MB of address space."""
    completed = subprocess.run([sys.executable, "-c", _GUARDED], input=data,
                               capture_output=True, timeout=10, check=False)
    assert completed.returncode == 0, completed.stderr.decode()
    return completed.stdout.decode().splitlines()


def test_billion_laughs_is_rejected_within_little_memory() -> None:
    lines = _guarded_run(_bomb())
    # 12,353 nodes before l4's items, and each *l3 repeats 11,111: the 8th crosses 100,000
    assert lines == ["[(6, 45, 'CXJ011')]"] * 2


def test_fifty_thousand_nested_brackets_give_one_error_and_no_crash() -> None:
    lines = _guarded_run(b"cxj: 1\nx: " + b"[" * 50_000 + b"\n")
    assert lines == ["[(2, 67, 'CXJ011')]"] * 2


@PARSERS
def test_deep_nesting_within_a_raised_limit(pure: bool) -> None:
    """Raising max-depth to 400 works; 1,500 is beyond the recursive validator, which
    then reports the limit instead of crashing."""
    def nested(depth: int) -> bytes:
        return b"cxj: 1\ntitle: T\nstages: [{name: A}]\nx-deep: " + b"[" * depth + b"]" * depth

    fine = load_bytes(nested(400), "deep.journey.yaml", pure=pure,
                      limits=FileLimits(max_depth=401))
    assert fine.findings == [] and fine.valid
    deep = load_bytes(nested(1500), "deep.journey.yaml", pure=pure,
                      limits=FileLimits(max_depth=1501))
    assert [(f.line, f.column, f.code, f.message) for f in deep.findings] == [
        (1, 1, "CXJ011", "the document is nested too deeply to validate (lower max-depth)")]


@PARSERS
def test_size_is_checked_before_anything_else(pure: bool) -> None:
    data = b"\xff" * 20
    loaded = load_bytes(data, "big.journey.yaml", limits=FileLimits(max_file_size=19),
                        pure=pure)
    assert [(f.line, f.column, f.code, f.message) for f in loaded.findings] == [
        (1, 1, "CXJ011", "the file is 20 bytes; the limit is 19 (limit max-file-size)")]


def test_default_limits_are_the_spec_ones() -> None:
    assert FileLimits() == FileLimits(max_file_size=5_242_880, max_depth=64,
                                      max_nodes=100_000)
    assert Limits() == Limits(max_depth=64, max_nodes=100_000)


def test_the_byte_precheck_never_misses_a_forbidden_character() -> None:
    # decode() runs the regular expression only when the cheap byte scan suspects something
    forbidden = [chr(c) for c in range(0x110000)
                 if not 0xD800 <= c <= 0xDFFF and loader._NOT_PRINTABLE.match(chr(c))]
    assert len(forbidden) == 63  # C0 but tab and breaks, DEL, C1 but NEL, U+FFFE, U+FFFF
    for character in forbidden:
        assert loader._may_hold_forbidden(f"Hyvä {character} päivä".encode())


def test_the_byte_precheck_lets_ordinary_text_through() -> None:
    finnish = "Asiakas ostaa talvitakin – hinta 120 €, ”hyvä” 😊\n\ttab\r\n".encode()
    assert not loader._may_hold_forbidden(finnish)


def _event_facts(text: str) -> list[tuple[Any, ...]]:
    from _ruamel_yaml import CParser
    from ruamel.yaml.error import YAMLError

    facts: list[tuple[Any, ...]] = []
    parser = CParser(text)
    try:
        for event in iter(parser.get_event, None):
            facts.append((type(event).__name__, *(getattr(event, name, "-") for name in (
                              "anchor", "tag", "implicit", "value", "style", "flow_style",
                              "comment", "nr_items")),
                          *((mark.line, mark.column, mark.index)
                            for mark in (event.start_mark, event.end_mark))))
    except YAMLError as error:
        facts.append(("error", str(error)))
    return facts


@pytest.mark.skipif(not yamltree.HAVE_C_PARSER, reason="needs ruamel.yaml.clib")
def test_flat_libyaml_events_carry_what_ruamels_classes_carry(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import _ruamel_yaml
    from ruamel.yaml import events
    from test_validate_cases import ALL_CASES, case_bytes

    texts = [case_bytes(case).decode("utf-8", "replace") for _, case in ALL_CASES]
    texts.append("a: &x !t [b, 'c', {d: *x}]\n? e\n: |\n  f\n")
    flat = yamltree._c_event_kinds()
    assert all(cls.__mro__[1] is base for cls, base in zip(
        flat, yamltree._ruamel_event_kinds(), strict=True))
    with_flat = [_event_facts(text) for text in texts]
    for cls in flat:
        monkeypatch.setattr(_ruamel_yaml, cls.__name__, getattr(events, cls.__name__))
    with_ruamels = [_event_facts(text) for text in texts]
    for flat_facts, ruamel_facts in zip(with_flat, with_ruamels, strict=True):
        assert flat_facts == ruamel_facts
    assert sum(len(facts) for facts in with_flat) > 3000
