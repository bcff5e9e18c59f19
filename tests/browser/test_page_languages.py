"""The brief and the embed in Japanese and Chinese, in Chromium: the printed brief's PDF holds the
era dates and copies out exactly, in the print-only CJK fonts that no screen page fetches; the
switch changes the page's language, and axe finds nothing serious."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from dashboard.core.i18n import translator
from dashboard.core.loader import BUNDLED_EVENTS, load_dataset
from dashboard.core.local_dates import event_date
from dashboard.core.shown import shown

from .test_brief import brief_ids, open_brief, squeezed

pytestmark = pytest.mark.browser
PRINT_FONTS = "/vendor/noto-sans-cjk/"
# Each brief from 2019 holds its calendar's dates and the names that copied out as radicals from
# the system's Noto Sans CJK (民 as ⺠, 長 as ⻑, 日 as ⽇) and its look-alike marks (・ as ‧, ～ as 〜).
COPIED_EXACTLY = {
    "ja": [
        "2019（令和元）年5月",
        "2019（平成31）年1月",
        "謝長廷",
        "日本・台湾・中華人民共和国の関係（1972～2019年）",
    ],
    "zh-Hant": ["民國108年5月", "民國108年1月", "謝長廷", "日本、臺灣與中華人民共和國關係"],
}


def fetched_fonts(page) -> list[str]:
    """The print-only CJK fonts the page has asked for so far (recorded by `record_fonts`)."""
    return [url.rsplit("/", 1)[1] for url in page.font_requests]


def record_fonts(page) -> None:
    page.font_requests = []
    page.on("request", lambda request: PRINT_FONTS in request.url and page.font_requests.append(request.url))


@pytest.mark.parametrize(("lang", "face"), [("ja", "jp"), ("zh-Hant", "tc")])
def test_the_printed_brief_copies_out_exactly_in_the_print_only_cjk_font(page, server, lang, face):
    """No NFKC and no folding: the PDF's text is the page's, character for character."""
    dataset = load_dataset([BUNDLED_EVENTS])
    record_fonts(page)
    open_brief(page, f"{server.url}/brief?lang={lang}&from=2019")
    page.wait_for_load_state("networkidle")
    assert fetched_fonts(page) == [], "the screen page draws CJK in the system's fonts"
    data = page.pdf(format="A4", print_background=True)  # a reader's print: no media emulated first
    # The chart's labels name Noto Sans CJK JP first in every language (figures/theme.py).
    own = {f"noto-sans-cjk-{face}-{weight}.woff2" for weight in ("regular", "bold")}
    assert own <= set(fetched_fonts(page)), fetched_fonts(page)
    copied = squeezed("".join(pdf_page.extract_text() for pdf_page in PdfReader(io.BytesIO(data)).pages))
    events = [dataset.event(event_id) for event_id in brief_ids(page)]
    words = translator(lang)
    expected = [words.gettext("Briefing"), words.gettext("Chronology"), *COPIED_EXACTLY[lang]]
    expected += [shown(event.title, lang).text for event in events]
    expected += [event_date(event, lang) for event in events]
    for phrase in expected:
        assert squeezed(phrase) in copied, phrase
    assert "印刷" not in copied and "繁體中文" not in copied, "the buttons and switch do not print"


@pytest.mark.parametrize("path", ["/", "/embed", "/brief"])
def test_english_pages_do_not_fetch_the_print_only_cjk_fonts(page, server, path):
    """Not even for the language switch's 日本語 and 繁體中文 (on the embed and the brief)."""
    record_fonts(page)
    page.goto(server.url + path)
    page.wait_for_load_state("networkidle")
    assert fetched_fonts(page) == []


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
