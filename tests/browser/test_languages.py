"""The explorer and a story in Japanese and Traditional Chinese: the page's language, no English
interface word left (checked against the catalogue), a switch that keeps the view, labels placed
without overlap, axe clean."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from dashboard.core.i18n import LOCALE_DIR, catalogue_name

from .helpers import open_explorer
from .test_labels import assert_readable, read_labels

pytestmark = pytest.mark.browser

EVENT = "taiwan-wha-observer-2009-2016"
# Every string the page shows a reader as words: text nodes and the attributes read aloud or shown
# (plotly's modebar keeps its titles in data-title), outside text that is not in the page's language
# (event text without a translation, marked lang="en") and the chart's drawing (figures' own words).
WORDS_JS = """() => {
  const words = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    const element = node.nodeType === 1 ? node : node.parentElement;
    const foreign = element.closest('[lang]:not(html)')?.lang === 'en';
    if (foreign || element.closest('.main-svg, script, style')) continue;
    if (node.nodeType === 3) { if (node.textContent.trim()) words.push(node.textContent.trim()); continue; }
    for (const name of ['aria-label', 'placeholder', 'title', 'data-title', 'alt']) {
      if (node.getAttribute(name)) words.push(node.getAttribute(name));
    }
  }
  return words;
}"""


def english_messages(lang: str) -> list[re.Pattern]:
    """The catalogue's English messages that its translation changes, as patterns of a whole text
    (a placeholder stands for any text)."""
    path = LOCALE_DIR / catalogue_name(lang) / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as file:
        catalogue = read_po(file)
    patterns = []
    for message in catalogue:
        for english in message.id if isinstance(message.id, tuple) else (message.id,):
            translated = message.string if isinstance(message.string, str) else message.string[0]
            literal = re.split(r"%\(\w+\)s", english.strip())
            if translated != english and re.search(r"[A-Za-z]{2}", "".join(literal)):
                patterns.append(re.compile("^" + ".+".join(map(re.escape, literal)) + "$"))
    return patterns


def english_left(page, lang: str) -> list[str]:
    patterns = english_messages(lang)
    return [text for text in page.evaluate(WORDS_JS) if any(p.match(text.strip()) for p in patterns)]


def first_story(bundled) -> str:
    return bundled.narratives[0].id


@pytest.mark.parametrize("lang", ["ja", "zh-Hant"])
def test_the_explorer_speaks_the_pages_language_and_no_english_interface_word_is_left(page, server, lang):
    page.set_viewport_size({"width": 1366, "height": 900})
    open_explorer(page, f"{server.url}/?lang={lang}&event={EVENT}")
    page.wait_for_selector("#detail-title")
    assert page.evaluate("document.documentElement.lang") == lang
    page.locator(".share summary").click()
    assert english_left(page, lang) == []
    assert "lang=" + lang in page.locator("#share-link").input_value()
    assert f"lang={lang}" in page.locator("#embed-code").input_value()


@pytest.mark.parametrize("lang", ["ja", "zh-Hant"])
def test_a_story_speaks_the_pages_language_in_and_out_of_present_mode(page, server, bundled, lang):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_explorer(page, f"{server.url}/?lang={lang}&story={first_story(bundled)}&stop=2")
    page.wait_for_selector(".story-steps")
    assert page.evaluate("document.documentElement.lang") == lang
    assert english_left(page, lang) == []
    page.keyboard.press("f")
    page.wait_for_selector(".presenting .story-steps")
    assert page.locator("#languages").is_visible()
    assert english_left(page, lang) == []


def test_the_switch_is_reached_by_keyboard_and_keeps_the_view(page, server):
    open_explorer(page, f"{server.url}/?lang=ja&q=WHA&event={EVENT}")
    page.wait_for_selector("#detail-title")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "English"
    assert page.locator("#languages [aria-current]").inner_text() == "日本語"
    page.locator("#languages a", has_text="繁體中文").click()
    page.wait_for_function("() => document.documentElement.lang === 'zh-Hant' && window.__landed")
    page.wait_for_selector("#detail-title")
    assert page.locator("#filter-search").input_value() == "WHA"
    assert page.locator("#detail-title").get_attribute("data-event") == EVENT
    assert "lang=zh-Hant" in page.url


def test_switching_language_keeps_the_story_stop(page, server, bundled):
    open_explorer(page, f"{server.url}/?lang=zh-Hant&story={first_story(bundled)}&stop=3")
    total = len(bundled.narratives[0].stops)
    assert page.locator(".progress-label").inner_text() == f"第3步，共{total}步"
    page.locator("#languages a", has_text="English").click()
    page.wait_for_function("() => document.documentElement.lang === 'en' && window.__landed")
    assert page.locator(".progress-label").inner_text() == f"Stop 3 of {total}"


@pytest.mark.parametrize("width", [1280, 375])
def test_the_japanese_explorer_places_its_labels_without_overlap(page, server, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_explorer(page, f"{server.url}/?lang=ja")
    assert_readable(read_labels(page, "#timeline .js-plotly-plot"))
    if width == 375:
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        box = page.locator("#languages").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        assert box["y"] + box["height"] <= page.locator("h1").bounding_box()["y"]


def test_a_japanese_story_stop_is_labelled_without_overlap(page, server, bundled):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_explorer(page, f"{server.url}/?lang=ja&story={first_story(bundled)}&stop=2")
    assert_readable(read_labels(page, "#timeline .js-plotly-plot"))


@pytest.mark.parametrize(
    ("lang", "size"), [("ja", (1366, 900)), ("zh-Hant", (375, 812)), ("ja", (1280, 720))]
)
def test_axe_finds_no_serious_or_critical_violations_in_either_language(page, server, bundled, lang, size):
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": size[0], "height": size[1]})
    story = size == (1280, 720)
    view = f"story={first_story(bundled)}&stop=2" if story else f"event={EVENT}"
    open_explorer(page, f"{server.url}/?lang={lang}&{view}")
    page.wait_for_selector(".story-steps" if story else "#detail-title")
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], results.generate_report()
