"""The pages in a real browser: Debian's headless Chromium, driven by Selenium.

Each test also reads the browser's console: a Content-Security-Policy violation or a
script error fails it.
"""
from __future__ import annotations

import re

import pytest

from tests.pages.test_views import XSS_TEXTS, XSS_TITLE

pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from tests.pages.browser import emulate_screen  # noqa: E402


def console_problems(browser) -> list[str]:
    return [entry["message"] for entry in browser.get_log("browser")
            if entry["level"] == "SEVERE" or "Content Security Policy" in entry["message"]]


def analyse(browser, url: str, text: str, title: str = "", profile: str = "") -> None:
    browser.get(url + "/")
    browser.find_element(By.ID, "title").send_keys(title)
    # typing thousands of characters is slow and tells nothing more: set the box's value
    browser.execute_script("document.getElementById('text').value = arguments[0];", text)
    if profile:
        browser.find_element(By.CSS_SELECTOR, f"#profile option[value='{profile}']").click()
    browser.find_element(By.CSS_SELECTOR, "#article-form button[type=submit]:not([name])").click()
    WebDriverWait(browser, 30).until(lambda driver: driver.find_elements(By.ID, "article-text"))


def visible_tip(browser):
    tip = browser.find_element(By.ID, "tip")
    WebDriverWait(browser, 5).until(lambda _driver: tip.is_displayed())
    return tip


def test_the_seed_article_shows_its_marks_and_a_tooltip_explains_one(browser, live_url, seed_text):
    analyse(browser, live_url, seed_text, profile="syria-2015")
    text = browser.find_element(By.ID, "article-text")
    for style in ("a-source", "a-cue", "a-content", "a-hedged", "l-writer", "l-quoted", "h-hedge", "actor"):
        assert text.find_elements(By.CSS_SELECTOR, f"mark.{style}"), f"no {style} mark"
    label = next(mark for mark in text.find_elements(By.CSS_SELECTOR, "mark.l-writer") if mark.text == "militant group")
    ActionChains(browser).move_to_element(label).perform()
    tip = visible_tip(browser)
    assert "LOADED TERM" in tip.text.upper() and "armed group / <group name>" in tip.text and "Islamic State" in tip.text
    assert "hedged" in tip.text.lower(), "the term sits in a hedged claim, whose card shows too"
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    assert not browser.find_element(By.ID, "tip").is_displayed()
    assert console_problems(browser) == []


@pytest.mark.parametrize("text", XSS_TEXTS)
def test_an_article_with_markup_runs_nothing_and_shows_it_as_text(browser, live_url, text):
    analyse(browser, live_url, text, title=XSS_TITLE)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.execute_script("return typeof window.framingPwned;") == "undefined"
    shown = browser.find_element(By.ID, "article-text").text
    assert text.split("\n")[0] in shown
    assert XSS_TITLE in browser.find_element(By.CSS_SELECTOR, "#article-text h2.title").text
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text img, #article-text script") == []
    assert console_problems(browser) == []


def test_the_dashboard_draws_one_series_per_outlet_and_lists_terms(browser, live_url):
    browser.get(live_url + "/dashboard")
    WebDriverWait(browser, 10).until(lambda driver: driver.execute_script("return !!Chart.getChart('trend-chart');"))
    labels = browser.execute_script("return Chart.getChart('trend-chart').data.datasets.map(d => d.label);")
    assert sorted(labels) == ["daily", "post", "wire"]
    drawn = browser.execute_script("""
        const chart = Chart.getChart('trend-chart');
        return chart.data.datasets.map((d, i) => chart.getDatasetMeta(i).data.filter(p => !p.skip).length);""")
    assert all(points > 0 for points in drawn), drawn
    styles = browser.execute_script("return Chart.getChart('trend-chart').data.datasets.map(d => d.pointStyle + JSON.stringify(d.borderDash));")
    assert len(set(styles)) == 3, "each outlet differs in shape and dash, not only colour"
    for column in browser.find_elements(By.CSS_SELECTOR, "article.outlet"):
        words = column.find_elements(By.CSS_SELECTOR, ".words li")
        assert words and all(re.search(r"^\S.*\sz \d+\.\d\d$", word.text, re.DOTALL) for word in words), [w.text for w in words]
    assert console_problems(browser) == []


def test_the_keyboard_reaches_every_explanation(browser, live_url):
    """Tab from the top of a stored article: every card is shown by some focused mark; the
    legend's buttons are reachable and take marks of a hidden kind out of the tab order."""
    browser.get(live_url + "/articles/1")
    cards = {card.get_attribute("id") for card in browser.find_elements(By.CSS_SELECTOR, "#article-text li.card")}
    assert cards
    shown, legend_buttons = set(), 0
    browser.execute_script("document.querySelector('a.skip').focus();")  # the page's first stop
    for _ in range(400):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        focused = browser.switch_to.active_element
        if focused.tag_name == "button" and focused.get_attribute("data-layer"):
            legend_buttons += 1
        if focused.tag_name == "mark":
            tip = visible_tip(browser)
            described = set(focused.get_attribute("aria-describedby").split())
            assert len(tip.find_elements(By.CSS_SELECTOR, "li.card")) == len(described)
            shown |= described
        elif shown and not browser.execute_script("return document.getElementById('article-text').contains(document.activeElement);"):
            break  # past the article
    assert legend_buttons == 4
    assert shown == cards
    actor_button = browser.find_element(By.CSS_SELECTOR, ".legend button[data-layer=actor]")
    actor_button.send_keys(Keys.SPACE)
    assert actor_button.get_attribute("aria-pressed") == "false"
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text mark[data-opens=actor][tabindex]") == []
    assert console_problems(browser) == []


@pytest.mark.parametrize("path", ["/", "/articles", "/articles/1", "/dashboard"])
def test_pages_fit_a_phone_screen(browser, live_url, path):
    emulate_screen(browser, 390, 844)
    try:
        browser.get(live_url + path)
        width = browser.execute_script("return document.documentElement.scrollWidth;")
        assert width <= 390, f"{path} is {width}px wide on a 390px screen"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert console_problems(browser) == []
