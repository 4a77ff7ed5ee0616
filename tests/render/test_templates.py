"""User templates (SPEC §6): folders shadow built-ins by name, `cxj/<name>` reaches the
built-ins, `--template FILE` replaces the journey template; the documented worked example
renders as documented."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from support import EXAMPLES, FLAGSHIP, REPO, load

from cxjourney.rendering import environment, render
from cxjourney.rendering.labels import LANGUAGES, Labels

Cxj = Callable[..., Any]


def test_built_in_templates_are_named_per_format() -> None:
    root = environment.builtin_templates()
    names = sorted(path.relative_to(root).as_posix() for path in root.rglob("*.j2"))
    assert names == ["csv/journey.csv.j2", "dot/journey.dot.j2", "html/index.html.j2",
                     "html/journey.html.j2", "html/macros.html.j2", "html/style.css.j2",
                     "json/journey.json.j2", "md/index.md.j2", "md/journey.md.j2",
                     "mermaid/journey.mmd.j2"]


def test_a_folder_shadows_one_block_of_a_built_in(cxj: Cxj, workdir: Path) -> None:
    custom = workdir / "tpl" / "md"
    custom.mkdir(parents=True)
    (custom / "journey.md.j2").write_text(
        '{% extends "cxj/md/journey.md.j2" %}\n'
        "{% block persona %}PERSONA BLOCK {{ persona.name | md_line }}\n\n{% endblock %}\n",
        encoding="utf-8")
    run = cxj("render", str(FLAGSHIP), "-f", "md", "-o", "-", "--templates", "tpl")
    assert run.code == 0, run.err
    assert "PERSONA BLOCK 35-vuotias nainen" in run.out
    assert "## Asiakaspersoona" not in run.out
    assert "```mermaid\njourney\n" in run.out  # the other blocks are the built-in's


def test_config_templates_folder_is_relative_to_the_config(cxj: Cxj, workdir: Path) -> None:
    (workdir / "cxj.toml").write_text('[render]\ntemplates = "t"\n', encoding="utf-8")
    (workdir / "t" / "mermaid").mkdir(parents=True)
    (workdir / "t" / "mermaid" / "journey.mmd.j2").write_text(
        "journey\n    title {{ journey.title | mermaid }} (ours)\n", encoding="utf-8")
    run = cxj("render", str(FLAGSHIP), "-f", "mermaid", "-o", "-")
    assert run.out == "journey\n    title Talvitakin osto lapselle (ours)\n"
    # the Markdown page includes the Mermaid template, so it follows the override
    run = cxj("render", str(FLAGSHIP), "-f", "md", "-o", "-")
    assert "title Talvitakin osto lapselle (ours)" in run.out


def test_template_file_replaces_the_journey_template_and_is_autoescaped(
        cxj: Cxj, workdir: Path) -> None:
    (workdir / "one.j2").write_text(
        '{% extends "cxj/html/journey.html.j2" %}{% block footer %}'
        "<footer>{{ journey.title ~ ' <b>' }}</footer>{% endblock %}", encoding="utf-8")
    run = cxj("render", str(FLAGSHIP), "-o", "-", "--template", "one.j2")
    assert run.code == 0, run.err
    assert "<footer>Talvitakin osto lapselle &lt;b&gt;</footer>" in run.out


def test_svg_uses_the_dot_template(cxj: Cxj, workdir: Path) -> None:
    (workdir / "t.dot.j2").write_text(
        "digraph { a [label={{ journey.title | dot }}] }\n", encoding="utf-8")
    run = cxj("render", str(FLAGSHIP), "-f", "svg", "-o", "-", "--template", "t.dot.j2")
    assert run.code == 0, run.err
    assert ">Talvitakin osto lapselle</text>" in run.out


def test_template_errors_are_exit_2_with_file_and_line(cxj: Cxj, workdir: Path) -> None:
    (workdir / "bad.j2").write_text("line one\n{% if %}\n", encoding="utf-8")
    run = cxj("render", str(FLAGSHIP), "-o", "-", "--template", "bad.j2")
    assert run.code == 2 and "bad.j2:2: template syntax error" in run.err
    (workdir / "typo.j2").write_text("{{ journey.titel }}\n", encoding="utf-8")
    run = cxj("render", str(FLAGSHIP), "-o", "-", "--template", "typo.j2")
    assert run.code == 2 and "typo.j2: template error:" in run.err and "titel" in run.err
    run = cxj("render", str(FLAGSHIP), "-o", "-", "--templates", "missing")
    assert (run.code, run.err) == (2, "cxj: error: templates folder not found: missing\n")


def _doc_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


def test_the_documented_worked_example_renders_as_documented(cxj: Cxj,
                                                             workdir: Path) -> None:
    doc = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
    (config,) = _doc_blocks(doc, "toml")
    (workdir / "pyproject.toml").write_text(config, encoding="utf-8")
    for block in _doc_blocks(doc, "jinja"):
        name = re.match(r"\{# file: (\S+) #\}", block)
        assert name is not None
        target = workdir / "templates" / "custom" / name.group(1)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block, encoding="utf-8")
    run = cxj("render", str(EXAMPLES / "winter-coat-online.journey.yaml"))
    assert run.code == 0, run.err
    page = (workdir / "site" / "winter-coat-online.html").read_text(encoding="utf-8")
    expected = _doc_blocks(doc, "html")
    assert len(expected) == 2
    for snippet in expected:
        assert snippet.strip() in page
    assert 'class="persona card"' in page and "<svg" in page  # the rest is built in


def test_every_label_reads_as_an_attribute_and_an_unknown_one_is_an_error() -> None:
    for lang, words in LANGUAGES.items():
        labels = Labels(lang)
        for key, word in words.items():
            assert getattr(labels, key) == labels[key] == word
        assert labels.mood(-2) == words["very_negative"]  # no word shadows a method
        assert labels.count(2, "warning") == f"2 {words['warnings']}"
    env = environment.environment()
    with pytest.raises(jinja2.UndefinedError, match="no_such_label"):
        env.from_string("{{ labels.no_such_label }}").render(labels=Labels("en"))


@pytest.fixture
def fresh_environments() -> Iterator[None]:
    environment.environment.cache_clear()
    yield
    environment.environment.cache_clear()


def test_compiled_templates_are_cached_between_runs(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    fresh_environments: None) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CXJ_NO_CACHE", raising=False)
    journey = load(FLAGSHIP)
    page = render(journey, "html")
    cached = list((tmp_path / "cache" / "cxj").glob("templates-*/*.cache"))
    assert len(cached) == 3  # the page, its stylesheet and its macros
    # A later run reads them instead of compiling: with compiling broken, it still renders.
    environment.environment.cache_clear()

    def no_compiling(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(jinja2.Environment, "_parse", no_compiling)
    assert render(journey, "html") == page


def test_a_broken_or_unwritable_template_cache_is_only_a_miss(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_environments: None) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CXJ_NO_CACHE", raising=False)
    journey = load(FLAGSHIP)
    page = render(journey, "html")
    for entry in (tmp_path / "cache" / "cxj").glob("templates-*/*.cache"):
        entry.write_bytes(entry.read_bytes()[:40])  # truncated mid-way
    environment.environment.cache_clear()
    assert render(journey, "html") == page
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    environment.environment.cache_clear()
    assert render(journey, "html") == page
    monkeypatch.setenv("CXJ_NO_CACHE", "1")
    environment.environment.cache_clear()
    assert environment.environment().bytecode_cache is None
