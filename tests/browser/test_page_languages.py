"""The brief and the embed in Japanese and Chinese, in Chromium: the printed brief's PDF holds the
era dates and copies out exactly, the switch changes the page's language, and axe finds nothing
serious."""

from __future__ import annotations

import unicodedata

import pytest

from dashboard.core.loader import BUNDLED_EVENTS, load_dataset
from dashboard.core.shown import shown

from .test_brief import open_brief, pdf_text_and_fonts, squeezed

pytestmark = pytest.mark.browser
# Chromium names some Noto CJK glyphs by another code point that shares them: 民 and 長 come out
# as the radicals ⺠ and ⻑ (U+2EA0, U+2ED1, which NFKC does not fold), the katakana middle dot ・
# as ‧ (U+2027) and the fullwidth tilde ～ as the wave dash 〜 (U+301C). Everything else a reader
# copies out of the PDF is the page's text exactly (after NFKC, see pdf_text_and_fonts).
CHROMIUM_GLYPH_NAMES = str.maketrans({"⺠": "民", "⻑": "長", "‧": "・", "〜": "~"})


def test_the_japanese_brief_prints_its_reiwa_dates_and_its_text_copies_out_exactly(page, server):
    dataset = load_dataset([BUNDLED_EVENTS])
    open_brief(page, server.url + "/brief?lang=ja&from=2019")
    page.emulate_media(media="print")
    text, _fonts, _sizes = pdf_text_and_fonts(page.pdf(format="A4", print_background=True))
    rows = page.locator("table.chronology > tbody > tr").evaluate_all("rows => rows.map(r => r.id.slice(6))")
    titles = [shown(dataset.event(event_id).title, "ja").text for event_id in rows]
    expected = ["ブリーフィング資料", "年表", "2019（令和元）年5月", "2019（平成31）年1月", *titles]
    copied = squeezed(text).translate(CHROMIUM_GLYPH_NAMES)
    for phrase in expected:
        assert squeezed(unicodedata.normalize("NFKC", phrase)) in copied, phrase
    assert "印刷／PDFで保存" not in text and "繁體中文" not in text, "the buttons and switch do not print"


@pytest.mark.parametrize("lang", ["ja", "zh-Hant"])
def test_the_switch_opens_the_same_view_in_the_other_language(page, server, lang):
    open_brief(page, server.url + "/brief?q=Hsieh")
    page.locator(f".lang-switch a[lang='{lang}']").click()
    page.wait_for_selector("body[data-ready='1']")
    assert page.evaluate("document.documentElement.lang") == lang
    assert "q=Hsieh" in page.url and f"lang={lang}" in page.url
    assert page.locator(".lang-switch [aria-current='page']").get_attribute("lang") == lang


@pytest.mark.parametrize(
    "path", ["/brief?lang=ja", "/embed?lang=ja", "/brief?lang=zh-Hant", "/embed?lang=zh-Hant"]
)
def test_axe_finds_no_serious_or_critical_violations_in_japanese_or_chinese(browser, server, path):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.goto(server.url + path)
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    context.close()
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], results.generate_report()
