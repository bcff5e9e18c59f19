"""The explorer in real Chromium, served by gunicorn as in production."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.generate import write
from dashboard.core.loader import BUNDLED_EVENTS, load_dataset
from tests.serving import Server

from .helpers import MARKS_JS, drawn_points, marks, open_explorer, summary, table_ids, wait_for_summary

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset([BUNDLED_EVENTS])


def test_the_chart_shows_one_mark_per_event_in_each_of_its_domains(page, server, dataset):
    open_explorer(page, server.url)
    expected = Counter((domain, event.id) for event in dataset.events for domain in event.domains)
    assert Counter(marks(page)) == expected
    assert drawn_points(page) == sum(expected.values())
    assert {event_id for _, event_id in marks(page)} == {event.id for event in dataset.events}
    assert table_ids(page) == [event.id for event in dataset.events]
    assert summary(page) == f"Showing all {len(dataset.events)} events."
    page.screenshot(path=str(DOCS / "explorer.png"), full_page=False)


def test_the_explorer_works_when_its_scripts_arrive_late(page, server, dataset):
    """Its scripts are ES modules, which run only once the page is parsed: Dash must not call a
    clientside callback before they have registered it (web/routes.py start_dash_after). The page
    fixture fails the test on any console error."""

    def late(route):
        time.sleep(1.5)
        route.continue_()

    page.route("**/assets/js/callbacks.js*", late)
    open_explorer(page, server.url)
    assert page.evaluate("document.getElementById('filters-drawer').open"), "drawerOpen ran"
    assert len(set(marks(page))) >= len(dataset.events)


def test_toggling_a_domain_changes_the_marks_and_the_table(page, server, dataset):
    open_explorer(page, server.url)
    before = summary(page)
    page.get_by_role("checkbox", name=re.compile("^Military")).uncheck()
    after = wait_for_summary(page, before)
    kept = [event.id for event in dataset.events if set(event.domains) - {"military"}]
    assert after == f"Showing {len(kept)} of {len(dataset.events)} events."
    assert {domain for domain, _ in marks(page)} == {"diplomatic", "economic"}
    assert table_ids(page) == kept
    assert "domains=diplomatic,economic" in page.url


def test_a_search_narrows_chart_and_table_and_lands_in_the_url(page, server):
    open_explorer(page, server.url)
    before = summary(page)
    page.get_by_label("Search").fill("submarine")
    wait_for_summary(page, before)
    ids = table_ids(page)
    assert ids and all("submarine" in event_id or "soryu" in event_id for event_id in ids)
    assert {event_id for _, event_id in marks(page)} == set(ids)
    assert page.url.endswith("?q=submarine")


def test_clicking_a_mark_opens_its_sourced_detail(page, server, dataset):
    open_explorer(page, server.url + "?from=1972&to=1972")
    [(_, event_id)] = marks(page)
    point = page.locator("#timeline .scatterlayer .trace .point").first
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    event = dataset.event(event_id)
    page.wait_for_selector("#detail h2")
    assert page.locator("#detail h2").inner_text() == event.title
    sources = page.locator("#detail ol.sources > li").all_inner_texts()
    assert len(sources) == len(event.sources)
    assert all(source.outlet in text for source, text in zip(event.sources, sources, strict=True))
    page.wait_for_function("id => location.search.includes('event=' + id)", arg=event_id)
    assert page.locator("#chronology tr.selected").get_attribute("data-event") == event_id


def test_a_url_with_filters_restores_the_view(page, server, dataset):
    open_explorer(
        page,
        server.url + "/?domains=military&actors=Japan,PRC&from=2018&to=2019-05&q=&event=kono-wha-tweet-2019",
    )
    assert page.get_by_role("checkbox", name=re.compile("^Military")).is_checked()
    assert not page.get_by_role("checkbox", name=re.compile("^Diplomatic")).is_checked()
    assert page.get_by_role("checkbox", name=re.compile("^Japan")).is_checked()
    assert page.get_by_label("From", exact=True).input_value() == "2018"
    assert page.get_by_label("To", exact=True).input_value() == "2019-05"
    assert page.locator("#detail h2").inner_text() == dataset.event("kono-wha-tweet-2019").title
    period = (dt.date(2018, 1, 1), dt.date(2019, 5, 31))
    expected = [
        e.id
        for e in dataset.events
        if "military" in e.domains
        and {"Japan", "PRC"} & set(e.actors)
        and e.date.first_day() <= period[1]
        and (e.end or e.date).last_day() >= period[0]
    ]
    assert table_ids(page) == expected
    assert page.locator(".notices").inner_text() == ""


def test_the_page_comes_with_its_chart_and_the_first_answer_does_not_send_it_again(page, server):
    answers = []
    page.on(
        "response",
        lambda r: answers.append(r.json()["response"]) if "_dash-update-component" in r.url else None,
    )
    open_explorer(page, server.url + "/?domains=military&to=2019")
    page.wait_for_load_state("networkidle")
    assert answers and "timeline" not in answers[0] and "result-summary" in answers[0]
    ids = table_ids(page)
    assert ids and {event_id for _, event_id in marks(page)} == set(ids)
    before = summary(page)
    page.get_by_role("checkbox", name=re.compile("^Diplomatic")).check()
    wait_for_summary(page, before)
    assert "figure" in answers[-1]["timeline"]
    assert {event_id for _, event_id in marks(page)} == set(table_ids(page))


@pytest.mark.parametrize("size", [(1350, 940), (375, 800)])
def test_nothing_moves_while_the_page_loads(page, server, size):
    """The summary, the filters' options and the chart's height come with the page: the view
    callback's answer once pushed the chart and the chronology down (layout shift 0.73), and on a
    phone the filters' drawer closed after the first paint and the chart jumped up (0.55)."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.add_init_script(
        "window.__shift = 0; new PerformanceObserver(list => list.getEntries().forEach(entry => {"
        " if (!entry.hadRecentInput) window.__shift += entry.value; }))"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    open_explorer(page, server.url + "/?domains=military,economic")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__shift") < 0.1


def test_bad_parameters_are_ignored_with_a_visible_notice(page, server, dataset):
    open_explorer(page, server.url + "/?domains=spies&from=20x9&event=nope&colour=red&q=Kono")
    notices = page.locator(".notices .notice").all_inner_texts()
    assert notices == [
        "Unknown parameter 'colour' ignored.",
        "Unknown domain 'spies' ignored.",
        "'from=20x9' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); ignored.",
        "Unknown event 'nope' ignored.",
    ]
    assert page.get_by_label("Search").input_value() == "Kono"
    assert all(
        page.get_by_role("checkbox", name=re.compile(f"^{d.label}")).is_checked() for d in dataset.domains
    )
    assert page.url.endswith("/?q=Kono")


def test_no_matches_says_so_in_words(page, server):
    open_explorer(page, server.url + "/?q=zzzznothing")
    assert summary(page).startswith("No events match these filters")
    annotation = page.locator("#timeline .annotation-text")
    annotation.wait_for()
    assert annotation.text_content() == "No events match these filters."
    assert table_ids(page) == []


def test_the_table_is_keyboard_navigable_and_sortable(page, server, dataset):
    open_explorer(page, server.url)
    first = page.locator("#chronology .row-select").first
    first.focus()
    page.keyboard.press("ArrowDown")
    second_id = dataset.events[1].id
    assert page.evaluate("document.activeElement.closest('tr').dataset.event") == second_id
    page.keyboard.press("Enter")
    page.wait_for_function("id => location.search.includes('event=' + id)", arg=second_id)
    assert page.locator("#detail h2").inner_text() == dataset.event(second_id).title
    page.get_by_role("button", name=re.compile("^Date")).click()
    page.wait_for_function(
        "() => document.querySelector('#chronology th[aria-sort]').getAttribute('aria-sort') === 'descending'"
    )
    assert table_ids(page) == [event.id for event in reversed(dataset.events)][: len(table_ids(page))]


def test_related_links_select_the_related_event(page, server, dataset):
    event = dataset.event("kono-wha-tweet-2019")
    open_explorer(page, server.url + "/?event=kono-wha-tweet-2019")
    related = dataset.event(event.related[0].id)
    page.get_by_role("button", name=re.compile(re.escape(related.title))).first.click()
    page.wait_for_function("id => location.search.includes('event=' + id)", arg=related.id)
    assert page.locator("#detail h2").inner_text() == related.title


def test_a_phone_sized_screen_has_no_horizontal_scroll(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    phone = context.new_page()
    open_explorer(phone, server.url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


@pytest.mark.parametrize("size", [(1366, 900), (375, 812)])
def test_axe_finds_no_serious_or_critical_violations(page, server, size):
    """With a selection open: beside the chart on a wide screen, under it on a phone."""
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_explorer(page, server.url + "/?event=kono-wha-tweet-2019")
    page.wait_for_selector("#detail-title")
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], results.generate_report()


def test_any_valid_event_file_works_not_only_ours(page, mini_server):
    mini = load_dataset([Path(__file__).resolve().parents[1] / "data" / "cold-war-mini.yaml"])
    open_explorer(page, mini_server.url + "/?actors=Betastan")
    assert page.locator("h1").inner_text() == mini.title
    assert table_ids(page) == ["beta-festival", "joint-lab"]
    assert sorted(marks(page)) == [
        ("culture", "beta-festival"),
        ("culture", "joint-lab"),
        ("science", "joint-lab"),
    ]
    assert page.locator("#chronology tbody tr").first.locator("td.date").inner_text() == "1960 – 1964"
    labels = page.locator("#filter-domains label").all_inner_texts()
    assert labels == ["Science (1)", "Culture (2)"]


def test_the_explorer_loads_the_basic_plotly_bundle_not_the_full_one(page, server):
    open_explorer(page, server.url)
    assert sorted(page.evaluate("() => Object.keys(Plotly.PlotSchema.get().traces)")) == [
        "bar",
        "pie",
        "scatter",
    ]


def generated_server(tmp_path_factory, events: int):
    """Serve a synthetic event file of this many events; yield the server and its dataset."""
    path = write(events, tmp_path_factory.mktemp(f"generated-{events}") / "events.yaml")
    running = Server(path, workers=1)
    yield running, load_dataset([path])
    running.stop()


@pytest.fixture(scope="module")
def large_server(tmp_path_factory):
    yield from generated_server(tmp_path_factory, 140)


def test_a_long_chronology_is_paged_and_a_selection_turns_to_its_page(page, large_server):
    server, large = large_server
    open_explorer(page, server.url)
    assert len(table_ids(page)) == 50
    assert page.locator("#chronology caption").inner_text().startswith("Events 1–50 of 140 (page 1 of 3).")
    page.get_by_role("button", name="Next page ›").click()
    page.wait_for_function(
        "() => document.querySelector('#chronology caption').textContent.includes('page 2 of 3')"
    )
    assert table_ids(page) == [event.id for event in large.events][50:100]
    last = large.events[-1].id
    page.evaluate("id => window.history.replaceState(null, '', '/?event=' + id)", last)
    page.reload()
    page.wait_for_function(
        "() => document.querySelector('#chronology caption')?.textContent.includes('page')"
    )
    page.get_by_role("button", name="Next page ›").click()
    page.wait_for_function(
        "() => document.querySelector('#chronology caption').textContent.includes('page 2 of 3')"
    )
    page.locator("#detail").get_by_role("button", name="Close").click()
    page.wait_for_function("() => !location.search.includes('event=')")
    first = large.events[0].id
    page.evaluate("id => window.dash_clientside.set_props('selected-event', {data: id})", first)
    page.wait_for_function(
        "() => document.querySelector('#chronology caption').textContent.includes('page 1 of 3')"
    )
    assert page.locator("#chronology tr.selected").get_attribute("data-event") == first


@pytest.fixture(scope="module")
def counted_server(tmp_path_factory):
    yield from generated_server(tmp_path_factory, 3000)


def test_a_large_file_shows_counts_and_zooming_in_draws_events(page, counted_server):
    server, dataset = counted_server
    page.goto(server.url)
    page.wait_for_selector("#timeline .barlayer .point")
    assert "too many to draw one by one" in page.locator("#timeline .annotation-text").first.text_content()
    assert len(table_ids(page)) == 50
    page.hover("#timeline .js-plotly-plot")
    page.locator('#timeline .modebar-btn[data-title="Zoom in"]').click()
    page.wait_for_function(f"() => ({MARKS_JS})().length > 0")
    low, high = page.evaluate("() => document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range")
    overlapping = {
        e.id
        for e in dataset.events
        if e.date.first_day().isoformat() <= high[:10]
        and (e.end or e.date).last_day().isoformat() >= low[:10]
    }
    assert {event_id for _, event_id in marks(page)} == overlapping
    assert "too many to draw" not in page.locator("#timeline").text_content()
    page.wait_for_function(
        "() => document.querySelector('#timeline .js-plotly-plot').layout.annotations"
        ".some(a => a.name === 'label' && a.visible)"
    )


def test_a_short_search_means_the_word_typed_and_is_highlighted(page, server, dataset):
    open_explorer(page, server.url + "/?q=WHA")
    ids = table_ids(page)
    assert ids and all("wha" in event_id for event_id in ids), ids
    marks_text = page.locator("#chronology mark").all_inner_texts()
    assert marks_text and {text.upper() for text in marks_text} == {"WHA"}


def test_a_selection_that_leaves_the_view_closes(page, server):
    open_explorer(page, server.url + "/?event=kono-wha-tweet-2019")
    page.wait_for_selector("#detail h2")
    before = summary(page)
    page.get_by_label("Search").fill("submarine")
    wait_for_summary(page, before)
    page.wait_for_function("() => !location.search.includes('event=')")
    assert page.locator("#detail h2").count() == 0


def test_enter_on_a_row_moves_focus_to_the_detail_and_escape_returns(page, server):
    open_explorer(page, server.url)
    row = page.locator("#chronology .row-select").nth(3)
    event_id = row.evaluate("node => node.closest('tr').dataset.event")
    row.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'detail-title'")
    top = page.evaluate("() => document.getElementById('detail-title').getBoundingClientRect().top")
    assert -2 <= top < page.viewport_size["height"], "the heading is scrolled into view"
    page.keyboard.press("Escape")
    focused = page.evaluate("() => document.activeElement.closest('tr')?.dataset.event")
    assert focused == event_id


def inside_viewport(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    return (
        box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= size["height"]
        and (box["x"] + box["width"] <= size["width"])
    )


@pytest.mark.parametrize("size", [(1366, 900), (375, 812)])
def test_clicking_a_mark_brings_its_detail_into_view_and_escape_returns_to_its_row(page, server, size):
    """The detail once opened ~1,000 px under the chart, off screen: now it stands beside the chart
    on a wide screen, and a phone scrolls to it; focus goes to its heading either way."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_explorer(page, server.url + "/?from=1972&to=1972")
    [(_, event_id)] = marks(page)
    box = page.locator("#timeline .scatterlayer .trace .point").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'detail-title'")
    assert page.locator("#detail-title").get_attribute("data-event") == event_id
    assert inside_viewport(page, "#detail-title")
    if size[0] >= 1000:
        assert page.evaluate("scrollY") == 0, "the detail stands beside the chart: nothing scrolls"
        assert inside_viewport(page, "#chart .nsewdrag")
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.closest('tr')?.dataset.event") == event_id


def test_the_explorer_opens_on_its_chart(page, server):
    """The description folds to two lines on every width, so the chart starts near the top."""
    page.set_viewport_size({"width": 1366, "height": 900})
    open_explorer(page, server.url)
    assert page.locator("#chart").bounding_box()["y"] <= 250
    description = page.locator("#description")
    assert description.evaluate("node => node.scrollHeight > node.clientHeight"), "folded"
    page.get_by_role("button", name="more").click()
    assert description.evaluate("node => node.scrollHeight <= node.clientHeight + 1"), "unfolded"


def test_a_description_that_fits_its_two_lines_has_no_more_button(page, mini_server):
    page.set_viewport_size({"width": 1366, "height": 900})
    open_explorer(page, mini_server.url)
    page.wait_for_function("() => document.querySelector('.masthead .more').hidden")
    page.set_viewport_size({"width": 300, "height": 800})
    page.wait_for_function("() => !document.querySelector('.masthead .more').hidden")


def phone_page(browser, server, path: str = "/"):
    """A 375×812 touch phone on the explorer (a context the caller closes)."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    open_explorer(phone, server.url + path)
    return context, phone


def test_a_phone_lists_the_chronology_as_cards_of_date_title_and_domains(browser, server, dataset):
    """The table was 405 px wide in a 341 px column, cutting Domains and Actors."""
    context, phone = phone_page(browser, server)
    wrap = phone.locator(".table-wrap")
    assert wrap.evaluate("node => node.scrollWidth <= node.clientWidth")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    first = dataset.events[0]
    card = phone.locator(f'#chronology tr[data-event="{first.id}"]')
    shown = [part.strip() for part in card.inner_text().split("\n") if part.strip()]
    labels = {domain.id: domain.label for domain in dataset.domains}
    assert shown[:2] == [
        phone.locator(f'#chronology tr[data-event="{first.id}"] td.date').inner_text(),
        first.title,
    ]
    assert shown[2] == ", ".join(labels[d] for d in first.domains)
    assert card.bounding_box()["width"] <= 375
    context.close()


def test_the_upright_key_fits_the_phone_and_no_modebar_covers_it(browser, server):
    context, phone = phone_page(browser, server)
    phone.locator("#timeline .js-plotly-plot").tap(position={"x": 150, "y": 200})
    key = phone.locator("#timeline .annotation", has_text="Military & security").first
    box = key.bounding_box()
    chart = phone.locator("#timeline .main-svg").first.bounding_box()
    assert box["x"] + box["width"] <= chart["x"] + chart["width"], "the key runs past the chart's edge"
    for button in phone.locator("#timeline .modebar-btn").all():
        other = button.bounding_box()
        if other is None:
            continue
        overlap = other["x"] < box["x"] + box["width"] and box["x"] < other["x"] + other["width"]
        assert not (
            overlap and other["y"] < box["y"] + box["height"] and box["y"] < other["y"] + other["height"]
        )
    context.close()


def test_only_shortcuts_narrow_a_filter_to_one_domain_or_actor(page, server, dataset):
    """ "Military only" took two unticks."""
    open_explorer(page, server.url)
    before = summary(page)
    page.get_by_role("button", name="Only Military & security").click()
    wait_for_summary(page, before)
    page.wait_for_function("() => location.search.includes('domains=military')")
    assert page.locator("#filter-domains input:checked").evaluate_all("nodes => nodes.map(n => n.value)") == [
        "military"
    ]
    before = summary(page)
    page.get_by_role("button", name="Only Taiwan").click()
    wait_for_summary(page, before)
    expected = [e for e in dataset.events if "military" in e.domains and "Taiwan" in e.actors]
    assert summary(page) == f"Showing {len(expected)} of {len(dataset.events)} events."
    assert page.locator("#filter-actors input:checked").evaluate_all("nodes => nodes.map(n => n.value)") == [
        "Taiwan"
    ]


def test_every_actor_shows_without_a_scroll_box_up_to_twelve(page, server, dataset):
    page.set_viewport_size({"width": 1366, "height": 900})
    open_explorer(page, server.url)
    actors = page.locator("#filter-actors")
    assert actors.locator(".form-check").count() == len(dataset.actors) <= 12
    assert actors.evaluate("node => node.scrollHeight <= node.clientHeight")
    assert page.locator(".finder").count() == 0


def test_a_longer_actor_list_can_be_narrowed_by_typing(page, large_server):
    server, large = large_server
    assert len(large.actors) > 12
    open_explorer(page, server.url)
    finder = page.get_by_role("searchbox", name="Find in this list")
    finder.fill(large.actors[0][:4])
    visible = page.locator("#filter-actors .form-check:visible")
    names = visible.locator("input").evaluate_all("nodes => nodes.map(n => n.value)")
    assert large.actors[0] in names
    assert all(large.actors[0][:4].lower() in name.lower() for name in names)
    assert len(names) < len(large.actors)


def test_the_phone_drawer_says_what_is_set_and_closes_on_show(browser, server, dataset):
    """The drawer stayed open over the chart after choosing filters."""
    context, phone = phone_page(browser, server)
    drawer = phone.locator("#filters-drawer")
    assert phone.locator("#filters-set").inner_text() == "Filters"
    phone.locator("#filters-set").tap()
    assert drawer.evaluate("node => node.open")
    before = summary(phone)
    phone.get_by_role("button", name="Only Military & security").tap()
    wait_for_summary(phone, before)
    phone.locator("#filter-from").fill("2019")
    phone.locator("#filter-from").press("Enter")
    phone.wait_for_function("() => document.querySelector('#filters-set').textContent === 'Filters · 2 set'")
    count = int(re.match(r"Showing (\d+) of", summary(phone)).group(1))
    assert 0 < count < sum(1 for event in dataset.events if "military" in event.domains)
    phone.get_by_role("button", name=f"Show {count} event" + ("s" if count != 1 else "")).tap()
    assert not drawer.evaluate("node => node.open")
    chart = phone.locator("#chart").bounding_box()
    assert 0 <= chart["y"] < 812
    context.close()
