"""since= in real Chromium: new and changed events are marked on the chart (a ring and a word) and in
the chronology (a tag screen readers read), announced in the status region, and can be filtered to."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import MINI
from tests.serving import serving, wait_for

from .helpers import open_explorer, summary, table_ids, wait_for_summary

pytestmark = pytest.mark.browser
CHANGED_LABEL = "Changed · Shared laboratory"


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """A server whose event file was edited while it served (a title changed, an event swapped for a
    new one), and the version before the edit."""
    events = tmp_path_factory.mktemp("since") / "events.yaml"
    shutil.copy(MINI, events)
    for running in serving(events, workers=1):
        first = running.health()["data_version"]
        text = MINI.read_text(encoding="utf-8").replace("Joint laboratory", "Shared laboratory")
        text = text.replace("id: gamma-prize", "id: delta-award")
        events.write_text(text.replace('title: "Gamma prize awarded"', 'title: "Delta award given"'), "utf-8")
        wait_for(lambda r=running, v=first: r.health()["data_version"] != v, seconds=15)
        yield running, first


SHOWN_LABEL = (
    "(text) => [...document.querySelectorAll('#timeline .annotation-text')]"
    ".some((a) => a.textContent === text)"
)


def test_new_and_changed_events_are_marked_on_the_chart_and_in_the_chronology(page, edited):
    running, first = edited
    open_explorer(page, f"{running.url}/?since={first}")
    status = page.locator("#notices[role=status]").inner_text()
    assert re.fullmatch(
        rf"2 events new or changed since data version {first} of [-\d]{{10}} \(1 new, 1 changed\)\.", status
    )
    page.wait_for_function(SHOWN_LABEL, arg=CHANGED_LABEL)
    labels = page.evaluate("() => document.querySelector('#timeline .js-plotly-plot').layout.timeline.labels")
    assert "New · Delta award given" in [label["text"] for label in labels], (
        "shown where it fits (else ringed)"
    )
    rings = page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').data"
        ".filter((t) => t.meta && t.meta.kind === 'change').map((t) => t.x.length)"
    )
    assert rings == [2]
    assert page.locator('#timeline .scatterlayer .trace path.point[style*="rgb(194, 65, 12)"]').count() >= 2
    row = page.locator("#chronology tr[data-event=joint-lab]")
    assert row.locator(".change-tag").inner_text().lower() == "changed"
    assert row.get_by_role("button").inner_text() == "Shared laboratory"
    assert page.locator("#chronology tr[data-event=delta-award] .change-tag").inner_text().lower() == "new"
    assert page.locator("#chronology .change-tag").count() == 2
    removed = page.locator("#since-removed")
    assert "Gamma prize awarded" in removed.inner_text()
    assert removed.get_by_role("link").get_attribute("href") == f"/changes?since={first}"


def test_only_new_and_changed_filters_the_view_and_lands_in_the_url(page, edited):
    running, first = edited
    open_explorer(page, f"{running.url}/?since={first}")
    before = summary(page)
    page.get_by_role("checkbox", name="Only new and changed").check()
    assert wait_for_summary(page, before) == "Showing 2 of 4 events."
    assert sorted(table_ids(page)) == ["delta-award", "joint-lab"]
    page.wait_for_function("() => location.search.includes('changed=only')")
    assert f"since={first}" in page.evaluate("location.search")
    page.reload()
    open_explorer(page, page.url)
    assert page.get_by_role("checkbox", name="Only new and changed").is_checked()
    assert sorted(table_ids(page)) == ["delta-award", "joint-lab"]


def test_the_upright_phone_chart_keeps_the_marks(browser, edited):
    running, first = edited
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    phone = context.new_page()
    open_explorer(phone, f"{running.url}/?since={first}")
    phone.wait_for_function(
        "() => document.querySelector('#timeline .js-plotly-plot').layout.timeline.upright"
    )
    phone.wait_for_function(
        "() => [...document.querySelectorAll('#timeline .annotation-text')]"
        ".some((a) => a.textContent.endsWith('Changed · Shared laboratory'))"
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert phone.locator("#chronology .change-tag").count() == 2
    context.close()
