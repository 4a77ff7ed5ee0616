"""Regenerate the screenshots in docs/images/ from the flagship example.

    .venv/bin/python tests/render/make_doc_images.py

Writes docs/images/talvitakki-html.png (the HTML page in headless Chromium, 1440 px wide)
and docs/images/talvitakki-timeline.png (the Graphviz timeline, `cxj render -f png`).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import CHROMIUM, CHROMIUM_ARGS, FLAGSHIP, REPO, load

from cxjourney.output import write_atomic
from cxjourney.rendering import render

IMAGES = REPO / "docs" / "images"


def main() -> None:
    from playwright.sync_api import sync_playwright

    journey = load(FLAGSHIP)
    timeline = render(journey, "png")
    assert isinstance(timeline, bytes)
    write_atomic(IMAGES / "talvitakki-timeline.png", timeline)
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "talvitakki.html"
        page_path.write_text(str(render(journey, "html")), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900},
                                    device_scale_factor=1)
            page.goto(page_path.as_uri(), wait_until="load")
            shot = page.screenshot(full_page=True)
            browser.close()
    write_atomic(IMAGES / "talvitakki-html.png", shot)
    print(f"wrote {IMAGES / 'talvitakki-html.png'} and {IMAGES / 'talvitakki-timeline.png'}")


if __name__ == "__main__":
    main()
