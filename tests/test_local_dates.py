"""Dates as readers of each language write them: Japanese era years, ROC years, at every precision."""

from __future__ import annotations

import pytest

from dashboard.core.dates import PartialDate, parse_partial_date
from dashboard.core.i18n import LANGUAGES
from dashboard.core.local_dates import local_date


def _ja(text: str) -> str:
    return local_date(parse_partial_date(text), "ja")


def _zh(text: str) -> str:
    return local_date(parse_partial_date(text), "zh-Hant")


@pytest.mark.parametrize(
    ("date", "written"),
    [
        ("2019-04-30", "2019（平成31）年4月30日"),  # Heisei's last day
        ("2019-05-01", "2019（令和元）年5月1日"),  # Reiwa's first: 元年, not 1年
        ("2019-04", "2019（平成31）年4月"),  # the month before the change is all Heisei
        ("2019-05", "2019（令和元）年5月"),
        ("2019", "2019（平成31・令和元）年"),  # the year holds both eras: both are named
        ("2020", "2020（令和2）年"),
        ("2019-01-28", "2019（平成31）年1月28日"),
    ],
)
def test_japanese_dates_carry_the_era_year_across_the_heisei_reiwa_boundary(date, written):
    assert _ja(date) == written


@pytest.mark.parametrize(
    ("date", "written"),
    [
        ("1989-01-07", "1989（昭和64）年1月7日"),
        ("1989-01-08", "1989（平成元）年1月8日"),
        ("1989-01", "1989（昭和64・平成元）年1月"),  # a month that spans a change names both eras
        ("1972-09-29", "1972（昭和47）年9月29日"),
        ("1912-07-29", "1912（明治45）年7月29日"),
        ("1912-07-30", "1912（大正元）年7月30日"),
        ("1926-12-25", "1926（昭和元）年12月25日"),
    ],
)
def test_japanese_dates_change_era_on_the_day_each_era_began(date, written):
    assert _ja(date) == written


@pytest.mark.parametrize(
    ("date", "written"),
    [
        ("1873-01-01", "1873（明治6）年1月1日"),  # the first day of Japan's Gregorian calendar
        ("1872-12-31", "1872年12月31日"),  # before it an era year beside a Gregorian day is false
        ("1872", "1872年"),
        ("1868-10", "1868年10月"),
        ("1600-10-21", "1600年10月21日"),
    ],
)
def test_japanese_dates_before_1873_are_gregorian_alone(date, written):
    assert _ja(date) == written


@pytest.mark.parametrize(
    ("date", "written"),
    [
        ("2019-05-01", "民國108年5月1日"),
        ("2019-05", "民國108年5月"),
        ("2019", "民國108年"),
        ("1912-01-01", "民國元年1月1日"),
        ("1912", "民國元年"),
        ("1972-09", "民國61年9月"),
        ("1911-12-31", "1911年12月31日"),  # before the Republic: the Gregorian date
        ("1895-04", "1895年4月"),
        ("1895", "1895年"),
    ],
)
def test_traditional_chinese_dates_are_in_roc_years_from_1912(date, written):
    assert _zh(date) == written


@pytest.mark.parametrize("precision", ["0001", "0001-01", "0001-01-01", "9999", "9999-12-31"])
def test_the_first_and_last_years_the_app_accepts_are_written_in_every_language(precision):
    date = parse_partial_date(precision)
    written = {lang: local_date(date, lang) for lang in LANGUAGES}
    assert written["en"] == date.label()
    if date.year == 1:
        assert (
            written["ja"]
            == written["zh-Hant"]
            == {"year": "1年", "month": "1年1月", "day": "1年1月1日"}[date.precision]
        )
    else:
        assert written["ja"].startswith("9999（令和") and written["zh-Hant"].startswith("民國8088年")


def test_english_is_the_label_the_app_already_shows():
    for date in (PartialDate(1972), PartialDate(1972, 9), PartialDate(1972, 9, 29), PartialDate(1, 1, 1)):
        assert local_date(date, "en") == date.label()


def test_every_year_from_1_to_9999_is_written_in_every_language():
    for year in range(1, 10000):
        date = PartialDate(year)
        japanese, chinese = local_date(date, "ja"), local_date(date, "zh-Hant")
        assert japanese.startswith(str(year)) and japanese.endswith("年")
        assert ("（" in japanese) == (year >= 1873)
        assert chinese == (f"民國{year - 1911 if year > 1912 else '元'}年" if year >= 1912 else f"{year}年")
