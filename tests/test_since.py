"""The explorer's `since=` and `v=`: parsing and notices, the marks on the chart and in the
chronology, the filter to new and changed events, on a catalog whose history is a git repository."""

from __future__ import annotations

import shutil

import pytest
from dash import no_update
from dulwich import porcelain

from dashboard.core.filters import ViewState, parse_view
from dashboard.core.loader import load_dataset
from dashboard.core.store import Store
from dashboard.figures.change_marks import with_change_marks
from dashboard.figures.marks import CHANGE, SELECTION, kind
from dashboard.views.catalog import Catalog
from dashboard.views.change_log import ChangeLog
from dashboard.web import ids
from dashboard.web.view_update import ViewInputs, update_view
from tests.conftest import MINI
from tests.test_history import commit

REMOVED, NEW_ID = "gamma-prize", "delta-award"


@pytest.fixture
def history(tmp_path):
    """A repository whose event file was committed, then edited: a title changed, an event removed
    and one added. Returns the newer version's catalog (with its change log) and the older version."""
    repo = tmp_path / "repo"
    repo.mkdir()
    porcelain.init(str(repo))
    path = repo / "events.yaml"
    shutil.copy(MINI, path)
    commit(repo, "first", 1_700_000_000)
    first = Store([path]).version()
    text = path.read_text(encoding="utf-8").replace("Joint laboratory", "Shared laboratory")
    path.write_text(text.replace(f"id: {REMOVED}", f"id: {NEW_ID}"), encoding="utf-8")
    commit(repo, "second", 1_700_100_000)
    store = Store([path], folder=tmp_path / "cache")
    catalog = Catalog(load_dataset([path]), version=store.version(), change_log=ChangeLog(store))
    return catalog, first


def props(component) -> dict:
    return component.to_plotly_json()["props"]


def texts(components) -> list[str]:
    """The text of each notice paragraph (links and all)."""

    def text(node) -> str:
        if isinstance(node, str):
            return node
        if isinstance(node, list):
            return "".join(text(part) for part in node)
        return text(props(node).get("children", ""))

    return [text(component) for component in components]


def rows(outputs: dict) -> dict[str, list[str]]:
    """Each chronology row's tags ('New', 'Changed'), by event id."""
    found = {}
    for row in props(outputs["table"][2])["children"]:
        title_cell = props(row)["children"][1]
        tags = [props(part)["children"] for part in props(title_cell)["children"] if part is not None]
        found[props(row)["data-event"]] = [tag for tag in tags if isinstance(tag, str)]
    return found


def test_since_changed_and_v_round_trip_through_the_url(mini):
    parsed = parse_view("?since=ABCDEF12&changed=only&v=2026-12-06", mini)
    assert parsed.notices == ()
    assert parsed.state == ViewState(since="abcdef12", changed_only=True, version="2026-12-06")
    assert parsed.state.to_query() == "?since=abcdef12&changed=only&v=2026-12-06"


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("?since=last-week", "'since=last-week' is not a data version"),
        ("?since=abc", "'since=abc' is not a data version"),
        ("?v=2026-02-30", "'v=2026-02-30' is not a data version"),
        ("?changed=only", "'changed=only' needs since="),
        ("?since=2026-01-01&changed=some", "'changed=some' is not understood"),
    ],
)
def test_a_malformed_since_v_or_changed_is_ignored_with_a_notice(mini, query, notice):
    parsed = parse_view(query, mini)
    assert parsed.state == ViewState(since=parsed.state.since) and parsed.state.to_query() in (
        "",
        "?since=2026-01-01",
    )
    assert len(parsed.notices) == 1 and parsed.notices[0].startswith(notice)


def test_since_marks_new_and_changed_events_in_the_chronology_and_announces_them(history):
    catalog, first = history
    outputs = update_view(catalog, ViewInputs(search=f"?since={first[:8]}"), None)
    tags = rows(outputs)
    assert tags["joint-lab"] == ["Changed"] and tags[NEW_ID] == ["New"] and tags["alpha-founded"] == []
    assert REMOVED not in tags
    notices = texts(outputs["notices"])
    assert notices == [
        f"2 events new or changed since data version {first} of 2023-11-14 (1 new, 1 changed)."
    ]
    assert outputs["since_hidden"] is False and outputs["changed"] == []
    removed = texts(outputs["since_removed"])
    assert (
        removed[0].startswith(f"Removed since data version {first} of 2023-11-14: ") and "Gamma" in removed[0]
    )
    assert props(outputs["since_removed"][1])["href"] == f"/changes?since={first}"
    assert outputs["view_query"] == f"?since={first[:8]}"


def test_since_marks_the_chart_with_a_ring_and_a_word_in_label_and_hover(history):
    catalog, first = history
    figure = update_view(catalog, ViewInputs(search=f"?since={first}"), None)["figure"]
    assert [kind(trace) for trace in figure["data"][-2:]] == [CHANGE, SELECTION]
    assert len(figure["data"][-2]["x"]) == 2
    labels = {item["id"]: item for item in figure["layout"]["timeline"]["labels"]}
    assert labels["joint-lab"]["text"] == "Changed · Shared laboratory"
    assert labels[NEW_ID]["text"].startswith("New · ")
    assert labels["joint-lab"]["dated"].split(" · ", 1)[1] == "Changed · Shared laboratory"
    hovers = [row[1] for trace in figure["data"] if trace.get("customdata") for row in trace["customdata"]]
    assert any(hover.startswith(f"<b>Changed since data version {first} of ") for hover in hovers)


def test_only_new_and_changed_filters_the_chart_the_chronology_and_the_counts(history):
    catalog, first = history
    outputs = update_view(catalog, ViewInputs(search=f"?since={first}&changed=only"), None)
    assert sorted(rows(outputs)) == sorted(["joint-lab", NEW_ID]) and outputs["changed"] == ["only"]
    on = update_view(catalog, ViewInputs(search=f"?since={first}", changed=["only"]), ids.CHANGED_ONLY)
    assert sorted(rows(on)) == sorted(["joint-lab", NEW_ID])
    assert on["view_query"] == f"?since={first}&changed=only" and on["changed"] is no_update
    off = update_view(
        catalog, ViewInputs(search=f"?since={first}&changed=only", changed=[]), ids.CHANGED_ONLY
    )
    assert len(rows(off)) == catalog.event_count and off["view_query"] == f"?since={first}"


def test_a_since_that_names_no_version_marks_nothing_and_says_so(history):
    catalog, _first = history
    outputs = update_view(catalog, ViewInputs(search="?since=2001-01-01&changed=only"), None)
    assert texts(outputs["notices"]) == [
        "No earlier data version matches 'since=2001-01-01'; nothing is marked as new or changed."
    ]
    assert outputs["view_query"] == "" and outputs["since_hidden"] is True
    assert len(rows(outputs)) == catalog.event_count


def test_since_the_current_version_marks_nothing(history):
    catalog, _first = history
    outputs = update_view(catalog, ViewInputs(search=f"?since={catalog.version}"), None)
    assert texts(outputs["notices"]) == [
        f"0 events new or changed since data version {catalog.version} of 2023-11-16."
    ]
    assert all(tags == [] for tags in rows(outputs).values())


def test_change_marks_keep_the_selection_ring_last_and_leave_an_unmarked_figure_alone(history):
    catalog, _first = history
    figure = catalog.view(ViewState()).figure
    assert with_change_marks(figure, {}, "since then") is figure
    marked = with_change_marks(figure, {"joint-lab": "changed"}, "since then")
    assert kind(marked["data"][-1]) == SELECTION and kind(marked["data"][-2]) == CHANGE
    assert figure["layout"]["timeline"]["labels"] != marked["layout"]["timeline"]["labels"], (
        "a copy is marked"
    )
