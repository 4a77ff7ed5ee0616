"""HTML: every page is valid HTML5, loads in headless Chromium without a console error or
a request, shows journey text as text, and is readable without colour (SPEC §6)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import html5lib
import jinja2
import markupsafe
import pytest
from support import FLAGSHIP, all_journeys, hostile_journey, load

from cxjourney import records
from cxjourney.model import Journey
from cxjourney.rendering import environment, escape, render

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
Open = Callable[..., tuple[Any, Any]]


def write_page(journey: Journey, folder: Path, **options: Any) -> Path:
    text = render(journey, "html", **options)
    assert isinstance(text, str)
    path = folder / f"{journey.id}.html"
    path.write_text(text, encoding="utf-8")
    return path


def words(text: str) -> str:
    return " ".join(text.split())


def texts(page: Any, selector: str) -> list[str]:
    return [words(text) for text in page.eval_on_selector_all(
        selector, "nodes => nodes.map(node => node.textContent)")]


@pytest.mark.parametrize("journey", all_journeys(), ids=lambda journey: journey.id)
def test_page_is_valid_loads_cleanly_and_shows_text_as_text(
        journey: Journey, tmp_path: Path, open_page: Open) -> None:
    path = write_page(journey, tmp_path)
    html5lib.HTMLParser(strict=True).parse(path.read_text(encoding="utf-8"))
    page, log = open_page(path)
    assert log.errors == []
    assert log.requests == [path.resolve().as_uri()]
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.images.length") == 0
    assert page.evaluate("""Array.from(document.querySelectorAll('*')).flatMap(node =>
        Array.from(node.attributes).map(a => a.name)).filter(n => n.startsWith('on'))""") == []
    assert page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content") == CSP
    assert texts(page, "h1") == [words(journey.title)]
    assert texts(page, ".stage-head .name") == [words(stage.name) for stage in journey.stages]
    actions = texts(page, "tr.lane-actions td")
    for stage, cell in zip(journey.stages, actions, strict=True):
        assert cell == words(" ".join(stage.actions))
    shot = tmp_path / "page.png"
    page.screenshot(path=str(shot))  # the viewport: a 100 KB cell makes a very tall page
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_emotion_is_told_in_words_and_numbers_not_only_colour(tmp_path: Path,
                                                              open_page: Open) -> None:
    page, _ = open_page(write_page(load(FLAGSHIP), tmp_path))
    heads = texts(page, ".stage-head")
    assert heads[0] == "1 Havahtuminen ▼-1.0 kielteinen"
    assert heads[2] == "3 Ostaminen ▲+2.0 erittäin myönteinen Peak"
    assert heads[3] == "4 Käyttö ▲+1.0 myönteinen End"
    assert texts(page, "tr.lane-emotions td")[1].startswith("●0.0 neutraali Äiti yrittää")
    assert page.eval_on_selector_all(".grid th[scope=col]", "n => n.length") == 6
    rows = texts(page, ".grid th[scope=row]")
    assert rows == ["Tekee", "Tuntee", "Kosketuspisteet", "Kanava", "Kehittämiskohteet",
                    "Mittarit", "Peak", "End"]
    curve = texts(page, "svg[role=img] > title")
    assert curve == ["Tunnekäyrä: Talvitakin osto lapselle"]
    points = texts(page, "svg g.point > title")
    assert points[2] == "3. Ostaminen: +2.0 (erittäin myönteinen) – Peak"


CONTRAST_JS = """selector => Array.from(document.querySelectorAll(selector)).map(node => {
  const rgb = (text) => text.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92
        : Math.pow((v + 0.055) / 1.055, 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152,
        0.0722][i], 0);
  let back = node, bg = null;
  while (back) { const c = rgb(getComputedStyle(back).backgroundColor);
    if (c.length < 4 || c[3] > 0) { bg = c.slice(0, 3); break; } back = back.parentElement; }
  bg = bg || [255, 255, 255];
  const a = lum(rgb(getComputedStyle(node).color)), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
})"""


def test_text_has_sufficient_contrast(tmp_path: Path, open_page: Open) -> None:
    path = write_page(load(Path(FLAGSHIP.parent / "winter-coat-online.journey.yaml")),
                      tmp_path)
    page, _ = open_page(path)
    for selector in ("h1", ".lede", ".meta dt", ".score-pill", ".badge", ".grid th",
                     ".grid td li", ".pain", ".opportunity", ".status", ".small", "footer",
                     ".tag", ".eyebrow"):
        ratios = page.evaluate(CONTRAST_JS, selector)
        assert ratios, selector
        assert min(ratios) >= 4.5, selector


def test_print_is_landscape(tmp_path: Path, open_page: Open) -> None:
    page, _ = open_page(write_page(load(FLAGSHIP), tmp_path), media="print")
    pdf = page.pdf(prefer_css_page_size=True)
    width, height = map(float, re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]",
                                         pdf).groups())  # type: ignore[union-attr]
    assert width > height


def test_a_phone_gets_no_sideways_page_scroll(tmp_path: Path, open_page: Open) -> None:
    page, _ = open_page(write_page(load(FLAGSHIP), tmp_path), width=375)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # the grid scrolls inside its own focusable region instead
    assert page.evaluate("document.querySelector('.scroll').scrollWidth") > 375


def test_labels_follow_the_language(tmp_path: Path, open_page: Open) -> None:
    page, _ = open_page(write_page(load(FLAGSHIP), tmp_path, lang="en"))
    assert page.get_attribute("html", "lang") == "en"
    assert texts(page, "th[scope=row]")[:2] == ["Actions", "Emotions"]


def test_the_curve_breaks_at_a_stage_without_score(tmp_path: Path, open_page: Open) -> None:
    journey = load(FLAGSHIP)
    stages = list(journey.stages)
    stages[2] = records.replace(stages[2], emotions=[])
    page, _ = open_page(write_page(records.replace(journey, stages=stages), tmp_path))
    assert page.eval_on_selector_all("polyline.line", "n => n.length") == 2
    assert texts(page, "svg g.point > title")[2] == "3. Ostaminen: – (ei arviota) – Peak"
    assert texts(page, ".stage-head .score-pill")[2] == "◆– ei arviota"


def test_hostile_text_is_escaped_in_the_source() -> None:
    text = render(hostile_journey(), "html")
    assert isinstance(text, str)
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "{{ 7 * 7 }}" in text  # journey text is never a template


def test_the_index_page_is_valid_and_links_every_journey(tmp_path: Path, open_page: Open,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from cxjourney.__main__ import main

    monkeypatch.chdir(tmp_path)
    assert main(["render", str(FLAGSHIP.parent), "-o", "site"]) == 0
    index = tmp_path / "site" / "index.html"
    html5lib.HTMLParser(strict=True).parse(index.read_text(encoding="utf-8"))
    page, log = open_page(index)
    assert log.errors == [] and log.requests == [index.resolve().as_uri()]
    links = page.eval_on_selector_all("a[href]", "nodes => nodes.map(n => n.href)")
    assert [link.rsplit("/", 1)[-1] for link in links] == [
        "flea-market-seller.html", "talvitakki.html", "winter-coat-online.html"]
    assert all((tmp_path / "site" / link.rsplit("/", 1)[-1]).is_file() for link in links)
    rows = texts(page, "tbody tr")
    assert rows[1].startswith("Talvitakin osto lapselle · talvitakki 35-vuotias nainen 5:")
    assert rows[1].endswith("▲+1.0 positive Käyttö 2 warnings, 8 infos")


class _Trusted:
    def __html__(self) -> str:
        return "<b>trusted</b>"


@pytest.mark.parametrize("value", [
    "plain", "<script>alert('x')</script>", '"><img src=x onerror=alert(1)>', "a & b",
    "", "ä – ✓", 7, -1.5, None, True, markupsafe.Markup("<i>kept</i>"), _Trusted(),
])
def test_html_output_writes_what_markupsafe_escape_writes(value: object) -> None:
    assert escape.html_output(value) == str(markupsafe.escape(value))


def test_autoescaping_holds_in_macros_set_blocks_and_safe_values() -> None:
    env = environment.environment()
    template = env.from_string(  # as in an .html.j2 file, which is autoescaped by its name
        "{% autoescape true %}{% macro m(x) %}<p>{{ x }}</p>{% endmacro %}"
        "{% set block %}<q>{{ text }}</q>{% endset %}"
        "{{ m(text) }}|{{ block }}|{{ text }}|{{ trusted }}|{{ '<u>' | safe }}|{{ m(m(text)) }}"
        "{% endautoescape %}")
    assert isinstance(template, jinja2.Template)
    assert template.render(text="<s>&", trusted=_Trusted()) == (
        "<p>&lt;s&gt;&amp;</p>|<q>&lt;s&gt;&amp;</q>|&lt;s&gt;&amp;|<b>trusted</b>|<u>|"
        "<p><p>&lt;s&gt;&amp;</p></p>")
