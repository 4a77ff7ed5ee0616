"""Fixtures of the render tests: headless Chromium (Debian's, through Playwright), a page
with the real Mermaid library, the CLI in-process, and a clean working folder."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cxj_foundation_support import run_in_process
from support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    MERMAID_BUNDLE,
    MERMAID_HARNESS,
)


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    out_bytes: bytes


@pytest.fixture
def cxj(capfdbinary: pytest.CaptureFixture[bytes]) -> Callable[..., Run]:
    """Run ``cxj ARGS`` in-process and capture both streams (as bytes: png, csv BOM)."""

    def run(*args: str) -> Run:
        code, out, err = run_in_process(capfdbinary, args)
        return Run(code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), out)

    return run


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current folder, away from any cxj.toml, with no colour variables."""
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "CXJ_TODAY"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless. A missing browser fails the tests (CI installs it)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "install chromium: apt-get install -y chromium"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class PageLog:
    """What a page did: console errors and page errors, and every request it made."""

    errors: list[str]
    requests: list[str]


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., tuple[Any, PageLog]]]:
    """Open a local file in a fresh page, recording console errors and requests."""
    contexts: list[Any] = []

    def open_file(path: Path, width: int = 1440, media: str = "screen") -> tuple[Any, PageLog]:
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        log = PageLog([], [])
        page.on("console", lambda message: log.errors.append(message.text)
                if message.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: log.errors.append(str(error)))
        page.on("request", lambda request: log.requests.append(request.url))
        page.emulate_media(media=media)
        page.goto(path.resolve().as_uri(), wait_until="load")
        return page, log

    yield open_file
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def mermaid(browser: Any) -> Iterator[Callable[[str], dict[str, Any]]]:
    """``draw(source)``: render with the real Mermaid library (``mermaid.render``, which
    decodes the ``#NNN;`` entity codes) and return the texts it draws, or its error."""
    assert MERMAID_BUNDLE.exists(), "install the npm packages: tests/render/setup-js.sh"
    page = browser.new_page()
    page.goto(MERMAID_HARNESS.as_uri(), wait_until="load")
    counter = iter(range(1_000_000))

    def draw(source: str) -> dict[str, Any]:
        result: dict[str, Any] = page.evaluate(
            """async ([id, source]) => {
                try {
                  const {svg} = await mermaid.render(id, source);
                  const box = document.createElement("div");
                  box.innerHTML = svg;
                  const texts = (selector) => Array.from(box.querySelectorAll(selector))
                      .map((node) => node.textContent);
                  return {sections: texts("text.journey-section"),
                          tasks: texts("text.task"), legend: texts("text.legend"),
                          title: texts("text.journey-title, svg > text").slice(-1)[0] ?? null,
                          scripts: box.querySelectorAll("script").length};
                } catch (error) { return {error: String(error && error.message || error)}; }
            }""", [f"diagram{next(counter)}", source])
        return result

    yield draw
    page.close()
