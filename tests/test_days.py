"""Days in any year 1–9999, at every precision: the table's columns, plotly's texts, JavaScript's ms."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from dashboard.core.dates import parse_partial_date
from dashboard.core.days import day_column, day_ms, day_value, epoch_ms, plotly_day, plotly_days
from dashboard.core.filters import ViewState, filter_events
from dashboard.core.frame import events_table
from dashboard.core.model import Dataset, Event
from dashboard.figures.counts import counts_figure
from dashboard.figures.timeline import timeline_figure
from dashboard.web.widgets import zoom_range

YEARS = (1, 999, 1274, 1600, 1895, 2300, 9999)
WRITTEN = {"year": "{:04d}", "month": "{:04d}-02", "day": "{:04d}-02-28"}
EPOCH = dt.date(1970, 1, 1)


def written(year: int, precision: str) -> str:
    return WRITTEN[precision].format(year)


def expected_text(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def expected_ms(day: dt.date) -> int:
    return (day - EPOCH).days * 86_400_000


CASES = [(year, precision) for year in YEARS for precision in WRITTEN]


@pytest.mark.parametrize(("year", "precision"), CASES)
def test_a_days_text_and_milliseconds_are_right_in_any_year(year, precision):
    date = parse_partial_date(written(year, precision))
    days = [date.first_day(), date.last_day()]
    column = day_column(days)
    assert column.dtype == np.dtype("datetime64[s]")
    assert plotly_days(column) == [expected_text(day) for day in days]
    assert epoch_ms(column).tolist() == [expected_ms(day) for day in days]
    first = pd.Series(column).min()
    assert (plotly_day(first), day_ms(first)) == (expected_text(days[0]), expected_ms(days[0]))
    assert day_value(days[1]) == column[1] and day_value(expected_text(days[1])) == column[1]


@pytest.mark.parametrize(("year", "precision"), CASES)
def test_the_event_table_places_an_event_in_any_year(year, precision):
    date = parse_partial_date(written(year, precision))
    event = Event(
        id="one", date=date, title="One", summary="S.", domains=["diplomatic"], actors=["A"],
        sources=[{"outlet": "O"}],
    )  # fmt: skip
    [row] = events_table(Dataset(title="T", description="D", events=[event])).frame.itertuples()
    first, last = date.first_day(), date.last_day()
    middle = first + (last - first) // 2
    assert (row.start_iso, row.mid_iso, row.mid_ms) == (
        expected_text(first),
        expected_text(middle),
        expected_ms(middle),
    )
    assert (row.start.year, row.last_day.year, row.span_ms) == (year, year, 86_400_000)


def test_axis_texts_past_year_1_or_9999_stop_at_the_ends_plotly_can_show():
    far = pd.Series(day_column([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))
    padding = pd.Timedelta(days=3_000_000)
    assert plotly_days([far[0] - padding, far[1] + padding]) == ["0001-01-01", "9999-12-31"]
    assert (plotly_day(far[0] - padding), plotly_day(far[1] + padding)) == ("0001-01-01", "9999-12-31")


def one_event_a_year() -> Dataset:
    events = [
        Event(id=f"e{year}", date=f"{year:04d}", title="T", summary="S.", domains=["diplomatic"],
              actors=["A"], sources=[{"outlet": "O"}])
        for year in YEARS
    ]  # fmt: skip
    return Dataset(title="T", description="D", events=events)


def test_period_filters_keep_events_in_any_year():
    table = events_table(one_event_a_year())
    state = ViewState(start=parse_partial_date("0999-06"), end=parse_partial_date("2300"))
    assert filter_events(table, state)["id"].tolist() == ["e999", "e1274", "e1600", "e1895", "e2300"]


def test_a_zoom_before_year_1000_keeps_four_digit_years():
    relayout = {"xaxis.range[0]": "0999-03-01 10:00", "xaxis.range[1]": "1603-01-01"}
    assert zoom_range(relayout) == ("0999-03-01", "1603-01-01")
    assert zoom_range({"xaxis.range": ["-0010-01-01", "0002-01-01"]}) is False


def test_the_timeline_and_the_counts_draw_events_in_any_year():
    dataset = one_event_a_year()
    frame = events_table(dataset).frame
    middles = [dt.date(year, 1, 1) + (dt.date(year, 12, 31) - dt.date(year, 1, 1)) // 2 for year in YEARS]
    figure = timeline_figure(frame, dataset.domains)
    [points] = [trace for trace in figure["data"] if trace["meta"]["kind"] == "point"]
    assert points["x"] == [expected_text(day) for day in middles]
    labels = figure["layout"]["timeline"]["labels"]
    assert [item["x"] for item in labels] == [expected_ms(day) for day in middles]
    assert figure["layout"]["xaxis"]["minallowed"] == "0001-01-01"
    assert figure["layout"]["xaxis"]["maxallowed"] == "9999-12-31"
    [bars] = counts_figure(frame, dataset.domains)["data"]
    half_decade = dt.timedelta(days=3652 // 2)
    decades = [dt.date(year // 10 * 10, 1, 1) for year in YEARS[1:]]
    assert bars["x"][1:] == [expected_text(decade + half_decade) for decade in decades]
    # Year 1's decade starts in year 0 (a leap year), which Python's dates cannot hold.
    assert bars["x"][0] == expected_text(dt.date(1, 1, 1) + half_decade - dt.timedelta(days=366))
    assert bars["y"] == [1] * len(YEARS)
