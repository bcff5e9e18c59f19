import datetime as dt

import pytest

from dashboard.core.dates import PartialDate, parse_partial_date


@pytest.mark.parametrize(
    ("raw", "precision", "label", "iso"),
    [
        (1972, "year", "1972", "1972"),
        ("1972", "year", "1972", "1972"),
        ("1972-09", "month", "Sep 1972", "1972-09"),
        ("1972-09-29", "day", "29 Sep 1972", "1972-09-29"),
        (dt.date(1972, 9, 29), "day", "29 Sep 1972", "1972-09-29"),
    ],
)
def test_dates_keep_their_precision(raw, precision, label, iso):
    date = parse_partial_date(raw)
    assert (date.precision, date.label(), date.iso()) == (precision, label, iso)


def test_year_only_date_covers_the_whole_year():
    date = parse_partial_date("2016")
    assert (date.first_day(), date.last_day()) == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))


def test_month_date_ends_on_the_months_last_day_in_a_leap_year():
    assert parse_partial_date("2020-02").last_day() == dt.date(2020, 2, 29)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("2019-02-30", "February 2019 has 28 days"),
        ("2019-13", "months run from 01 to 12"),
        ("May 2019", "write YYYY, YYYY-MM or YYYY-MM-DD"),
        (True, "expected a date"),
        (3.5, "got float"),
    ],
)
def test_impossible_or_malformed_dates_say_how_to_fix_them(raw, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_partial_date(raw)


def test_dates_order_by_calendar():
    assert PartialDate(1972) < PartialDate(1972, 9) < PartialDate(1972, 9, 29) < PartialDate(1973)
