"""The explorer's view update, called as the Dash callback calls it: inputs by name and the id of the
one that changed (None while the page loads), on real catalogs."""

from __future__ import annotations

import pytest
from dash import Patch, no_update

from benchmarks.generate import write
from dashboard.core.filters import parse_view
from dashboard.core.loader import load_dataset
from dashboard.views.catalog import TABLE_PAGE, Catalog
from dashboard.web import ids
from dashboard.web.view_update import ViewInputs, update_view

SUBMARINES = "dpp-submarine-priority-2014"  # military only
COMMUNIQUE = "joint-communique-1972"  # diplomatic only
EVERY_DOMAIN = ["diplomatic", "economic", "military"]


@pytest.fixture(scope="module")
def catalog(bundled):
    return Catalog(bundled)


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """More events than one page of the chronology holds."""
    return Catalog(load_dataset([write(3 * TABLE_PAGE, tmp_path_factory.mktemp("large") / "events.yaml")]))


def props(component) -> dict:
    return component.to_plotly_json()["props"]


def table_ids(outputs: dict) -> list[str]:
    """The event ids of the chronology's rows, top to bottom."""
    return [props(row)["data-event"] for row in props(outputs["table"][2])["children"]]


def detail_event(outputs: dict) -> str | None:
    """The event the detail panel shows, or None for its hint."""
    first = outputs["detail"][0]
    if props(first).get("className") == "hint":
        return None
    return props(props(first)["children"][0])["data-event"]


def test_loading_a_url_sets_every_widget_to_its_view_and_opens_its_event(catalog):
    search = f"?domains=military&q=submarine&event={SUBMARINES}"
    outputs = update_view(catalog, ViewInputs(search=search), None)
    assert outputs["domains"] == ["military"] and outputs["query"] == "submarine"
    assert outputs["actors"] == [] and outputs["start"] == "" and outputs["story"] is None
    assert outputs["selected"] == SUBMARINES and detail_event(outputs) == SUBMARINES
    assert outputs["view_query"] == search and outputs["notices"] == []
    assert table_ids(outputs) == [SUBMARINES, "submarine-japan-reports-2018-2019"]
    assert isinstance(outputs["figure"], dict) and outputs["drawn"] is no_update


def test_loading_a_url_does_not_redraw_the_figure_the_page_came_with(catalog):
    state = parse_view("?domains=military", catalog.dataset).state
    drawn = catalog.figure_key(state)
    outputs = update_view(catalog, ViewInputs(search="?domains=military", drawn=drawn), ids.URL)
    assert outputs["figure"] is no_update and outputs["drawn"] is None
    assert outputs["domains"] == ["military"]


def test_a_url_value_that_does_not_fit_is_dropped_with_a_notice(catalog):
    outputs = update_view(catalog, ViewInputs(search="?domains=magic"), None)
    assert outputs["domains"] == EVERY_DOMAIN and outputs["view_query"] == ""
    assert [props(notice)["children"] for notice in outputs["notices"]] == ["Unknown domain 'magic' ignored."]


def test_a_filter_change_that_leaves_the_selected_event_out_of_view_closes_its_detail(catalog):
    inputs = ViewInputs(domains=["diplomatic"], selected=SUBMARINES)
    outputs = update_view(catalog, inputs, ids.DOMAINS)
    assert outputs["selected"] is None and detail_event(outputs) is None
    assert outputs["view_query"] == "?domains=diplomatic"
    assert outputs["domains"] is no_update and outputs["query"] is no_update, (
        "the widgets keep what was typed"
    )
    assert SUBMARINES not in table_ids(outputs)


def test_a_filter_change_that_keeps_the_selected_event_keeps_its_detail_open(catalog):
    outputs = update_view(catalog, ViewInputs(domains=["military"], selected=SUBMARINES), ids.DOMAINS)
    assert outputs["selected"] is no_update and detail_event(outputs) == SUBMARINES
    assert outputs["view_query"] == f"?domains=military&event={SUBMARINES}"


def test_selecting_an_event_sends_only_the_selection_ring_and_its_links(catalog):
    inputs = ViewInputs(domains=EVERY_DOMAIN, selected=COMMUNIQUE)
    outputs = update_view(catalog, inputs, ids.SELECTED)
    assert isinstance(outputs["figure"], Patch)
    links, ring = outputs["figure"].to_plotly_json()["operations"]
    full = catalog.view(parse_view(f"?event={COMMUNIQUE}", catalog.dataset).state).figure
    assert ring["location"] == ["data", len(full["data"]) - 1]
    assert ring["params"]["value"] == full["data"][-1] and full["data"][-1]["x"], "the ring, drawn"
    assert links["location"] == ["data", len(full["data"]) - 2]
    assert links["params"]["value"] == full["data"][-2] and full["data"][-2]["x"], "the links, drawn"
    assert detail_event(outputs) == COMMUNIQUE
    assert isinstance(update_view(catalog, inputs, ids.DOMAINS)["figure"], dict), "a filter sends it whole"


def test_turning_the_sort_reorders_the_chronology(catalog):
    sort = {"key": "title", "descending": True, "page": 1}
    outputs = update_view(catalog, ViewInputs(domains=EVERY_DOMAIN, sort=sort), ids.SORT)
    titles = [catalog.dataset.event(event_id).title for event_id in table_ids(outputs)]
    assert outputs["sort"] == sort and titles == sorted(titles, reverse=True) and len(titles) == 30
    assert outputs["figure"] == catalog.view(parse_view("", catalog.dataset).state).figure


def test_a_turned_page_stays_until_a_filter_changes_or_an_event_elsewhere_is_selected(large):
    every = [domain.id for domain in large.dataset.domains]
    page_two = {"key": "date", "descending": False, "page": 2}
    turned = update_view(large, ViewInputs(domains=every, sort=page_two), ids.SORT)
    assert turned["sort"]["page"] == 2
    assert table_ids(turned) == list(large.frame["id"][TABLE_PAGE : 2 * TABLE_PAGE])
    filtered = update_view(large, ViewInputs(domains=every, query="", actors=[], sort=page_two), ids.ACTORS)
    assert filtered["sort"]["page"] == 1
    last = large.frame["id"].iloc[-1]
    selected = update_view(large, ViewInputs(domains=every, selected=last, sort=page_two), ids.SELECTED)
    assert selected["sort"]["page"] == 3 and last in table_ids(selected)
