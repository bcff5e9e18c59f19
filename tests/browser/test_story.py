"""Story mode and the narrative list, with the keyboard alone, in real Chromium."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.core.loader import BUNDLED_EVENTS, load_dataset

from .helpers import open_explorer

pytestmark = pytest.mark.browser
STORY = "communique-to-networking"


@pytest.fixture(scope="module")
def narrative():
    return load_dataset([BUNDLED_EVENTS]).narrative(STORY)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset([BUNDLED_EVENTS])


def ringed(page) -> list[str]:
    """Ids of the events under the selection ring (matched by position)."""
    return page.evaluate(
        """() => {
          const data = document.querySelector('#timeline .js-plotly-plot').data;
          const ring = data.find(t => t.meta && t.meta.kind === 'selection');
          if (!ring) return [];
          const hits = new Set();
          for (const t of data.filter(t => t.meta && (t.meta.kind === 'point' || t.meta.kind === 'span'))) {
            const xs = t.type === 'bar' ? t.base : t.x;
            t.customdata.forEach((row, i) => {
              ring.x.forEach((x, j) => { if (x === xs[i] && ring.y[j] === t.y[i]) hits.add(row[0]); });
            });
          }
          return [...hits];
        }"""
    )


def wait_for_stop(page, number: int) -> None:
    page.wait_for_function("n => location.search.includes('stop=' + n)", arg=number)
    page.wait_for_function(
        "n => !document.querySelector('.first-paint')"
        " && (document.querySelector('.progress-label')?.textContent || '').startsWith('Stop ' + n + ' ')",
        arg=number,
    )


def test_a_teacher_steps_through_a_narrative_with_the_keyboard(page, server, narrative, dataset):
    open_explorer(page, f"{server.url}/story/{STORY}")
    wait_for_stop(page, 1)
    total = len(narrative.stops)
    assert page.locator(".progress-label").inner_text() == f"Stop 1 of {total}"
    assert page.locator(".story-title").inner_text() == narrative.title
    for number in (2, 3):
        page.keyboard.press("ArrowRight")
        wait_for_stop(page, number)
        stop = narrative.stops[number - 1]
        assert page.locator("#detail h2").inner_text() == dataset.event(stop.event).title
        assert ringed(page) == [stop.event]
    page.keyboard.press("ArrowLeft")
    wait_for_stop(page, 2)
    page.keyboard.press("End")
    wait_for_stop(page, total)
    assert page.locator('[data-step="next"]').is_disabled()
    page.keyboard.press("Home")
    wait_for_stop(page, 1)
    assert page.locator('[data-step="prev"]').is_disabled()


def test_a_stop_url_survives_a_reload(page, server, narrative, dataset):
    open_explorer(page, f"{server.url}/?story={STORY}&stop=4")
    wait_for_stop(page, 4)
    page.reload()
    wait_for_stop(page, 4)
    stop = narrative.stops[3]
    assert page.locator(".story-note").inner_text().startswith(stop.note[:40])
    assert ringed(page) == [stop.event]
    path = page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').data"
        ".find(t => t.meta.kind === 'path').x.length"
    )
    assert path == 4


def test_the_story_shows_its_question_and_exits_back_to_the_explorer(page, server, narrative):
    open_explorer(page, f"{server.url}/story/{STORY}/3")
    wait_for_stop(page, 3)
    question = " ".join(page.locator(".story-question").inner_text().split())
    assert question == f"Discuss: {narrative.stops[2].question}"
    page.get_by_role("button", name="Exit story").click()
    page.wait_for_function("() => !location.search.includes('story=')")
    assert page.locator(".filters").is_visible()


def test_the_narrative_list_links_to_every_story(page, server, dataset):
    open_explorer(page, f"{server.url}/stories")
    links = page.locator("#stories .story-list a")
    assert links.all_inner_texts() == [narrative.title for narrative in dataset.narratives]
    links.first.click()
    wait_for_stop(page, 1)


def test_story_mode_over_a_filtered_view_steps_through_its_events(page, server, dataset):
    open_explorer(page, f"{server.url}/?q=submarine")
    page.get_by_role("button", name="▶ Story mode for this view").click()
    wait_for_stop(page, 1)
    expected = [
        e.id for e in dataset.events if "submarine" in (e.title + e.summary + " ".join(e.tags)).lower()
    ]
    assert page.locator(".progress-label").inner_text() == f"Stop 1 of {len(expected)}"
    page.keyboard.press("ArrowRight")
    wait_for_stop(page, 2)
    assert ringed(page) == [expected[1]]
    assert "q=submarine" in page.url


def test_every_way_of_stepping_reaches_the_last_stop_of_every_narrative(page, server, dataset):
    for story in dataset.narratives:
        total = len(story.stops)
        open_explorer(page, f"{server.url}/story/{story.id}")
        wait_for_stop(page, 1)
        for number in range(2, total + 1):
            page.keyboard.press("ArrowRight")
            wait_for_stop(page, number)
        assert page.get_by_role("button", name="Next →").is_disabled()
        page.get_by_role("button", name="« First").click()
        wait_for_stop(page, 1)
        for number in range(2, total + 1):
            page.get_by_role("button", name="Next →").click()
            wait_for_stop(page, number)


def test_each_stop_shows_its_event_what_comes_next_and_a_chart_around_it(page, server, narrative, dataset):
    page.set_viewport_size({"width": 1280, "height": 720})
    number = len(narrative.stops) - 2
    page.goto(f"{server.url}/story/{STORY}/{number}")
    wait_for_stop(page, number)
    event = dataset.event(narrative.stops[number - 1].event)
    following = dataset.event(narrative.stops[number].event)
    stop_title = " ".join(page.locator(".stop-title").inner_text().split())
    assert event.title in stop_title and event.date.label() in stop_title
    assert page.locator(".story-next").inner_text() == f"Next: {following.title}"
    assert page.locator(".stop-title").bounding_box()["y"] < 720, "the stop's event is above the fold"
    low, high = page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range"
        ".map(x => new Date(x).getTime())"
    )
    day = dt.datetime(event.date.year, event.date.month or 6, event.date.day or 15, tzinfo=dt.UTC)
    assert low <= day.timestamp() * 1000 <= high
    assert high - low < 5 * 365 * 86_400_000, "a late stop zooms in from the 47-year span"


def test_an_out_of_range_stop_is_clamped_and_the_url_corrected_with_a_notice(page, server, narrative):
    total = len(narrative.stops)
    page.goto(f"{server.url}/story/{STORY}/99")
    wait_for_stop(page, total)
    assert f"stop={total}" in page.url and "stop=99" not in page.url
    assert page.locator(".story-panel .notice").is_visible()


def test_opening_stepping_a_story_does_not_shift_the_layout(page, server):
    page.add_init_script(
        "window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())"
        " if (!e.hadRecentInput) window.__shift += e.value; })"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server.url}/story/{STORY}")
    wait_for_stop(page, 1)
    page.wait_for_timeout(1500)
    assert page.evaluate("window.__shift") <= 0.05
    page.keyboard.press("ArrowRight")
    wait_for_stop(page, 2)
    page.wait_for_timeout(1000)
    assert page.evaluate("window.__shift") <= 0.05


def test_the_stories_address_lands_on_the_list(page, server):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server.url}/stories")
    page.wait_for_function(
        "() => { const list = document.getElementById('stories'); if (!list) return false;"
        " const r = list.getBoundingClientRect(); return r.top >= -2 && r.top < innerHeight; }"
    )


def test_every_stop_of_every_narrative_is_one_screen_at_1280_by_720(page, server, dataset):
    """A projector: the card (title, date, note, question) and the chart's plot area both in view,
    with no scrolling (at stop 1 the chart was below the fold, later only its top lane showed)."""
    page.set_viewport_size({"width": 1280, "height": 720})
    inside = """selector => { const r = document.querySelector(selector).getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }"""
    for story in dataset.narratives:
        page.goto(f"{server.url}/story/{story.id}")
        wait_for_stop(page, 1)
        for number in range(1, len(story.stops) + 1):
            if number > 1:
                page.keyboard.press("ArrowRight")
                wait_for_stop(page, number)
            page.locator("#timeline .nsewdrag").first.wait_for()
            for part in (".story-panel", ".stop-title", ".story-body", "#timeline .nsewdrag"):
                assert page.evaluate(inside, part), (story.id, number, part)
            assert page.evaluate("scrollY") == 0


PRESENTING = "() => document.querySelector('#page').classList.contains('presenting')"
LABEL_SIZES = """() => (document.querySelector('#timeline .js-plotly-plot').layout.annotations || [])
  .filter(a => a.name === 'label' && a.visible !== false).map(a => a.font.size)"""


def test_present_mode_is_a_full_screen_for_a_room_at_1920_by_1080(page, server, dataset):
    """Present mode (the Present button or "f"): full screen, nothing but the stop and its chart, at
    least 24 px text and 20 px chart labels, every stop one screen; "f" again or Escape leaves."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    inside = """selector => { const r = document.querySelector(selector).getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }"""
    story = dataset.narratives[0]
    page.goto(f"{server.url}/story/{story.id}")
    wait_for_stop(page, 1)
    page.keyboard.press("f")
    page.wait_for_function(PRESENTING)
    assert page.evaluate("() => document.fullscreenElement === document.documentElement")
    assert page.locator(".masthead").is_hidden() and page.locator(".share").is_hidden()
    assert page.get_by_role("button", name="Leave present mode").get_attribute("aria-pressed") == "true"
    for number in range(1, len(story.stops) + 1):
        if number > 1:
            page.keyboard.press("ArrowRight")
            wait_for_stop(page, number)
        page.wait_for_function(f"() => Math.min(...({LABEL_SIZES})()) >= 20")  # min of none: Infinity
        assert page.evaluate(LABEL_SIZES), number
        body = page.locator(".story-body p").first.evaluate(
            "node => parseFloat(getComputedStyle(node).fontSize)"
        )
        assert body >= 24, number
        for part in (".story-panel", ".stop-title", ".story-body", "#timeline .nsewdrag"):
            assert page.evaluate(inside, part), (number, part)
    page.keyboard.press("f")
    page.wait_for_function(f"() => !({PRESENTING})()")
    assert page.evaluate("() => document.fullscreenElement") is None
    page.get_by_role("button", name="Present").click()
    page.wait_for_function(PRESENTING)
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => !({PRESENTING})()")


def test_axe_finds_no_serious_or_critical_violations_in_present_mode(page, server):
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{server.url}/story/{STORY}")
    wait_for_stop(page, 1)
    page.get_by_role("button", name="Present").click()
    page.wait_for_function(PRESENTING)
    page.wait_for_function(f"() => ({LABEL_SIZES})().length > 0")
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], results.generate_report()
