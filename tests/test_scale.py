"""Large files: past MAX_MARKS the chart shows honest counts, and zooming in brings events back."""

import pytest

from benchmarks.generate import write
from dashboard.core.filters import ViewState
from dashboard.core.loader import load_dataset
from dashboard.figures.marks import MAX_MARKS
from dashboard.views.catalog import Catalog
from dashboard.web.widgets import zoom_range


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    path = write(3000, tmp_path_factory.mktemp("scale") / "events.yaml")
    return Catalog(load_dataset([path]))


def drawn_and_in_range(catalog, figure, low: str, high: str) -> tuple[set, set]:
    """The ids of the events the figure draws one by one, and of those overlapping low–high."""
    drawn = {
        row[0] for t in figure["data"] if t["meta"]["kind"] in {"point", "span"} for row in t["customdata"]
    }
    expected = {
        e.id
        for e in catalog.dataset.events
        if e.date.first_day().isoformat() <= high and (e.end or e.date).last_day().isoformat() >= low
    }
    return drawn, expected


def kinds(figure):
    return {trace["meta"]["kind"] for trace in figure["data"]}


def test_too_many_marks_are_shown_as_counts_and_the_chart_says_so(catalog):
    figure = catalog.view(ViewState()).figure
    assert kinds(figure) == {"count"}
    counted = sum(sum(trace["y"]) for trace in figure["data"])
    assert counted == sum(len(event.domains) for event in catalog.dataset.events) > MAX_MARKS
    note = next(a for a in figure["layout"]["annotations"] if a.get("name") == "aggregated")
    assert note["text"].startswith(
        "3,000 events: too many to draw one by one, so this shows counts per year."
    )


def test_zooming_in_draws_the_events_in_range_one_by_one(catalog):
    figure = catalog.zoomed(ViewState(), ("2001-01-01", "2002-12-31"))
    assert kinds(figure) >= {"point"} and "count" not in kinds(figure)
    drawn, expected = drawn_and_in_range(catalog, figure, "2001-01-01", "2002-12-31")
    assert drawn == expected
    assert figure["layout"]["xaxis"]["range"] == ["2001-01-01", "2002-12-31"]
    notes = figure["layout"]["timeline"]  # labelled like any events view, and zooming out asks again
    assert notes["zoomable"] and {item["id"] for item in notes["labels"]} == expected


def test_resetting_the_zoom_brings_the_counts_back_and_small_views_need_no_zoom_help(catalog):
    assert kinds(catalog.zoomed(ViewState(), None)) == {"count"}
    assert (
        catalog.zoomed(ViewState(start=catalog.dataset.events[-1].date), ("2020-01-01", "2025-12-31")) is None
    )


@pytest.mark.parametrize(
    ("relayout", "expected"),
    [
        (
            {"xaxis.range[0]": "2001-01-01 00:00", "xaxis.range[1]": "2002-06-30 12:00"},
            ("2001-01-01", "2002-06-30"),
        ),
        ({"xaxis.range": ["1999-01-01", "2000-01-01"]}, ("1999-01-01", "2000-01-01")),
        ({"xaxis.autorange": True}, None),
        ({"dragmode": "zoom"}, False),
        ({"xaxis.range": ["later", "sooner"]}, False),
        ({"xaxis.range": ["2002-01-01", "2001-01-01"]}, False),
        ("not a dict", False),
    ],
)
def test_only_real_zooms_are_read_from_plotly_relayout_events(relayout, expected):
    assert zoom_range(relayout) == expected


def test_counts_and_zooms_work_for_a_large_file_in_the_1500s(tmp_path):
    catalog = Catalog(load_dataset([write(3000, tmp_path / "events.yaml", years=(1500, 1575))]))
    figure = catalog.view(ViewState()).figure
    assert kinds(figure) == {"count"} and figure["data"][0]["x"][0].startswith("15")
    figure = catalog.zoomed(ViewState(), ("1520-01-01", "1521-12-31"))
    drawn, expected = drawn_and_in_range(catalog, figure, "1520-01-01", "1521-12-31")
    assert drawn == expected and figure["layout"]["xaxis"]["range"] == ["1520-01-01", "1521-12-31"]
