"""From the explorer to an embed code, a link and downloads, as a journalist would."""

from __future__ import annotations

import csv
import io
import re
import urllib.request

import pytest

from dashboard.web.ids import SHARE_LINK

from .helpers import open_explorer, reach_embed, table_ids

pytestmark = pytest.mark.browser
QUERY = "?domains=military&q=submarine"
SHARED = "&lang=en"  # a shared view, embed or download says its language


@pytest.fixture
def clipboard_page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    yield page
    context.close()


def test_two_clicks_give_a_working_embed_code(clipboard_page, server):
    page = clipboard_page
    open_explorer(page, server.url + "/" + QUERY)
    page.get_by_text("Share, embed, download or print this view").click()
    page.get_by_title("Copy: embed code (iframe)").click()
    snippet = page.evaluate("navigator.clipboard.readText()")
    # The code now carries a script that resizes the iframe (it was a bare fixed-height iframe).
    iframe, script = snippet.split("\n")
    assert re.fullmatch(
        rf'<iframe src="{re.escape(server.url)}/embed\{QUERY}{SHARED}" title="Timeline: [^"]+" '
        r'width="100%" height="\d+" style="border:0;max-width:100%" loading="lazy"></iframe>',
        iframe,
    )
    assert script.startswith("<script>") and f'e.origin==="{server.url}"' in script
    page.get_by_title("Copy: link to this view").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{server.url}/{QUERY}{SHARED}"


def test_the_copy_buttons_are_buttons_that_the_keyboard_reaches(clipboard_page, server):
    page = clipboard_page
    open_explorer(page, server.url + "/" + QUERY)
    page.get_by_text("Share, embed, download or print this view").click()
    copies = page.locator(".share button.copy")
    assert copies.count() == 4
    kinds = copies.evaluate_all("buttons => buttons.map(b => b.tagName + ':' + b.type)")
    assert kinds == ["BUTTON:button"] * 4
    page.locator(f"#{SHARE_LINK}").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.title") == "Copy: link to this view"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.copy-status').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == f"{server.url}/{QUERY}{SHARED}"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.title") == "Copy: link to this version of the data"
    page.keyboard.press("Enter")
    version = server.health()["data_version"]
    page.wait_for_function(
        "(url) => navigator.clipboard.readText().then(t => t === url)",
        arg=f"{server.url}/{QUERY}&v={version}{SHARED}",
    )
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.title") == "Copy: embed code (iframe)"
    page.keyboard.press("Space")
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.includes('/embed?'))")


def test_the_open_share_panel_has_no_serious_accessibility_violations(page, server):
    from axe_playwright_python.sync_playwright import Axe

    open_explorer(page, server.url + "/" + QUERY)
    page.get_by_text("Share, embed, download or print this view").click()
    results = Axe().run(page, context={"include": [[".share"]]})
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], results.generate_report()


def test_the_embed_preview_shows_the_same_events(page, server):
    open_explorer(page, server.url + "/" + QUERY)
    ids = table_ids(page)
    page.get_by_text("Share, embed, download or print this view").click()
    page.get_by_role("button", name="Preview the embed").click()
    page.frame_locator("#embed-preview").locator(".chart-box").wait_for()
    preview = next(f for f in page.frames if "/embed" in f.url)
    reach_embed(preview)
    shown = preview.evaluate(
        "() => document.querySelector('#chart').data"
        ".filter(t => t.meta && ['point', 'span'].includes(t.meta.kind))"
        ".flatMap(t => t.customdata.map(r => r[0]))"
    )
    assert sorted(shown) == sorted(ids)


def test_csv_download_holds_the_filtered_events_with_sources(page, server):
    open_explorer(page, server.url + "/" + QUERY)
    ids = table_ids(page)
    href = page.locator("#download-csv").get_attribute("href")
    assert href == "/download/csv" + QUERY + SHARED
    with urllib.request.urlopen(server.url + href) as response:
        assert response.headers["Content-Disposition"].endswith('.csv"')
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == ids
    assert all(row["sources"] for row in rows)


def test_the_png_and_svg_buttons_download_the_chart(page, server):
    open_explorer(page, server.url + "/" + QUERY)
    page.get_by_text("Share, embed, download or print this view").click()
    for label, suffix in (("PNG", ".png"), ("SVG", ".svg")):
        with page.expect_download() as download:
            page.get_by_role("button", name=label, exact=True).click()
        assert download.value.suggested_filename.endswith(suffix)
        assert download.value.suggested_filename.startswith("japan-taiwan-prc-relations")
        if suffix == ".svg":
            drawn = download.value.path().read_text(encoding="utf-8")
            assert "Source: Japan–Taiwan–PRC relations, 1972–2019" in drawn
            title = re.search(r'class="gtitle".*?</text>', drawn, re.S).group(0)
            assert "Japan–Taiwan–PRC relations, 1972–2019</tspan>" in title
            assert "Domains: Military &amp; security" in title and "Search: “submarine”" in title
