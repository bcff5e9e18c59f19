"""The briefing pack as a staffer uses it: one click from a filtered view to a sourced PDF."""

from __future__ import annotations

import io
import urllib.request

import pytest
from pypdf import PdfReader

from dashboard.core.loader import BUNDLED_EVENTS, load_dataset

from .conftest import ConsoleLog
from .helpers import open_explorer, table_ids

pytestmark = pytest.mark.browser
HSIEH_TITLE = "Frank Hsieh urges Japan to adopt a Basic Law on Japan-Taiwan Relations"
PAGE_POINTS = {"A4": (595, 842), "Letter": (612, 792)}
A4_CONTENT_PX = (672, 986)  # 210 × 297 mm less the 16 mm and 18 mm @page margins, at 96 px per inch
EXPLORER_QUERY = "?domains=military&q=submarine"
SHARED_QUERY = EXPLORER_QUERY + "&lang=en"  # what the share panel links to says its language


def open_brief(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']")


def brief_ids(page) -> list[str]:
    return page.locator("table.chronology > tbody > tr").evaluate_all("rows => rows.map(r => r.id.slice(6))")


def squeezed(text: str) -> str:
    """Text without whitespace: a PDF breaks lines wherever the page wraps them."""
    return "".join(text.split())


def font_name(font) -> str:
    """A PDF font's name; Chromium writes CJK glyphs as Type 3 fonts, named only in their descriptor."""
    descriptor = font.get("/FontDescriptor")
    return str(font.get("/BaseFont") or (descriptor and descriptor.get_object().get("/FontName")))


def pdf_text_and_fonts(data: bytes) -> tuple[str, set[str], list[tuple[float, float]]]:
    """The PDF's text, its fonts' names, and each page's size in points."""
    reader = PdfReader(io.BytesIO(data))
    fonts = {
        font_name(font.get_object())
        for pdf_page in reader.pages
        for font in pdf_page["/Resources"].get("/Font", {}).values()
    }
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    # Exactly as a reader copies it: the print fonts (assets/fonts.css) give each glyph one character,
    # so 日 no longer comes out as the Kangxi radical ⽇ that the system font shares it with.
    text = "\n".join(p.extract_text() for p in reader.pages)
    return text, fonts, sizes


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_hsieh_brief_prints_to_a_pdf_with_its_filters_events_sources_and_cjk_text(page, server, paper):
    dataset = load_dataset([BUNDLED_EVENTS])
    open_brief(page, server.url + "/brief?q=Hsieh")
    page.emulate_media(media="print")
    text, fonts, sizes = pdf_text_and_fonts(page.pdf(format=paper, print_background=True))
    width, height = PAGE_POINTS[paper]
    assert all(abs(w - width) < 2 and abs(h - height) < 2 for w, h in sizes), sizes
    shown = [dataset.event(event_id) for event_id in brief_ids(page)]
    assert HSIEH_TITLE in [event.title for event in shown]
    expected = [dataset.title, "Search: “Hsieh”", f"3 of {len(dataset.events)} events", "日台交流基本法"]
    expected += [event.title for event in shown]
    expected += [source.outlet for event in shown for source in event.sources]
    for phrase in expected:
        assert squeezed(phrase) in squeezed(text), phrase
    assert "Print / Save as PDF" not in text
    assert any("NotoSansCJK" in font or "NotoSerifCJK" in font for font in fonts), fonts
    # Latin text is set in the app's own Noto Sans, so it copies out exactly on any machine.
    assert any("NotoSans" in font and "CJK" not in font for font in fonts), fonts
    assert dataset.title in text.splitlines()


def test_the_printed_page_fits_a4_and_its_first_page_is_saved_for_a_look(page, server, tmp_path):
    page.set_viewport_size({"width": A4_CONTENT_PX[0], "height": A4_CONTENT_PX[1]})
    open_brief(page, server.url + "/brief?q=Hsieh")
    page.emulate_media(media="print")
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_CONTENT_PX[0]
    assert page.evaluate("document.querySelector('#chart .main-svg').getBoundingClientRect().width") <= 672
    assert page.locator("#print-button").is_hidden()
    shot = tmp_path / "brief-first-page.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000


def test_one_click_from_a_filtered_explorer_view_opens_a_brief_of_the_same_events(page, server):
    open_explorer(page, server.url + "/" + EXPLORER_QUERY)
    ids = table_ids(page)
    page.get_by_text("Share, embed, download or print this view").click()
    link = page.locator("#brief-link")
    assert link.get_attribute("href") == "/brief" + SHARED_QUERY
    with page.expect_popup() as popup_info:
        link.click()
    brief = popup_info.value
    log = ConsoleLog(brief)
    brief.wait_for_selector("body[data-ready='1']")
    assert brief_ids(brief) == ids
    assert brief.locator(".filters li").all_inner_texts() == [
        "Domains: Military & security",
        "Search: “submarine”",
    ]
    assert log.errors == []


def test_the_markdown_briefing_link_downloads_the_same_events(page, server):
    open_explorer(page, server.url + "/" + EXPLORER_QUERY)
    ids = table_ids(page)
    href = page.locator("#download-brief").get_attribute("href")
    assert href == "/download/brief" + SHARED_QUERY
    with urllib.request.urlopen(server.url + href) as response:
        memo = response.read().decode("utf-8")
    dataset = load_dataset([BUNDLED_EVENTS])
    assert f"**{len(ids)} of {len(dataset.events)} events**" in memo
    places = [memo.index(f" — {dataset.event(event_id).title}**") for event_id in ids]
    assert places == sorted(places)


def test_the_print_button_and_print_parameter_open_the_print_dialog(page, server):
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    open_brief(page, server.url + "/brief?q=Hsieh&print=1")
    assert page.evaluate("window.printed") == 1
    page.get_by_role("button", name="Print / Save as PDF").click()
    assert page.evaluate("window.printed") == 2


def test_the_brief_chart_numbers_its_marks_as_the_chronology_rows(page, server):
    open_brief(page, server.url + "/brief?from=2018")
    page.wait_for_function("() => [...document.querySelectorAll('#chart .annotation-text')].length > 3")
    rows = page.locator("table.chronology > tbody > tr").evaluate_all(
        "rows => rows.map(r => [r.querySelector('.number').textContent,"
        " r.querySelector('strong').textContent])"
    )
    assert [number for number, _ in rows] == [str(n) for n in range(1, len(rows) + 1)]
    drawn = page.evaluate(
        """() => { const g = document.getElementById('chart');
                   const labels = g.layout.annotations.filter(a => a.name === 'label');
                   return g.layout.timeline.labels.filter((item, i) => labels[i].visible)
                     .map(item => [item.id, item.number]); }"""
    )
    ids = brief_ids(page)
    assert len(drawn) > len(rows) / 2, "most marks carry their number on paper"
    for event_id, number in drawn:
        assert ids[int(number) - 1] == event_id
