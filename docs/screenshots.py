"""Screenshots of the pages for the README, taken by the headless Chromium the tests use.

Run from the repository root: ``.venv/bin/python docs/screenshots.py``. It serves the app
on a free local port over a temporary SQLite file holding the in-repo fixture articles,
analyses tests/fixtures/seed-article.txt on the analyse page, and saves each page at
desktop (1280 px) and phone (390 px) width in docs/screenshots/, as tall as the page up to a limit.
"""
from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By  # noqa: E402

from tests.pages.browser import LiveServer, emulate_screen, start_chromium  # noqa: E402
from tests.pages.conftest import stored_app  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}
MAX_HEIGHT = {"desktop": 2200, "phone": 2600}


def analyse_seed(driver, url: str) -> None:
    driver.get(url + "/")
    driver.find_element(By.ID, "title").send_keys("Despite Russian Airstrikes, ISIS Advances Toward Aleppo")
    seed = (ROOT / "tests" / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    body = seed.split("\n", 1)[1].lstrip("\n")  # the headline goes in the title box
    driver.execute_script("document.getElementById('text').value = arguments[0];", body)
    driver.find_element(By.CSS_SELECTOR, "#profile option[value='syria-2015']").click()
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]:not([name])").click()


def focus_first(driver, selector: str) -> None:
    """Focus the first mark of a kind, so its explanation shows in the picture."""
    driver.execute_script("document.querySelector(arguments[0]).focus({preventScroll: true});", selector)


def save(driver, size: str, name: str, before=None) -> None:
    """The page from its top, as tall as it is (up to MAX_HEIGHT), at the size's width."""
    width = WIDTHS[size]
    emulate_screen(driver, width, 900)
    height = min(driver.execute_script("return document.documentElement.scrollHeight;"), MAX_HEIGHT[size])
    emulate_screen(driver, width, height)
    driver.execute_script("window.scrollTo(0, 0);")
    if before:
        before()
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    (OUT / f"{name}-{size}.png").write_bytes(base64.b64decode(shot["data"]))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, LiveServer(stored_app(Path(folder))) as server:
        for size in WIDTHS:
            driver = start_chromium()
            try:
                emulate_screen(driver, WIDTHS[size], 900)
                analyse_seed(driver, server.url)
                # on a phone the explanation covers the lower half of the screen: shown on the desktop picture only
                opened = (lambda: focus_first(driver, "mark.m.l-writer[tabindex]")) if size == "desktop" else None
                save(driver, size, "analyze", opened)
                driver.get(server.url + "/dashboard")
                save(driver, size, "dashboard")
                driver.get(server.url + "/articles")
                save(driver, size, "articles")
            finally:
                driver.quit()
    for path in sorted(OUT.glob("*.png")):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
