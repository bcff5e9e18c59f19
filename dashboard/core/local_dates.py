"""Dates as each language's readers write them, at the date's precision.

- English: core/dates.py's label ('29 Sep 1972', 'Sep 1972', '1972'), its one home.
- Japanese: the Gregorian year with the era year in brackets, as the Defense of Japan white paper
  writes it ("西暦表記（元号表記）"): 2019（令和元）年5月1日, 2019（平成31）年4月; a year or month that
  spans a change of era names both: 2019（平成31・令和元）年, 1989（昭和64・平成元）年1月. Eras are read
  from japanera's table. Before 1873, when Japan took up the Gregorian calendar, an era year beside
  a Gregorian month and day would name a day that no Japanese calendar had, so those dates are
  Gregorian alone (1872年12月).
- Traditional Chinese: the ROC calendar of Taiwan's official documents, 民國108年5月1日 (1912 is
  民國元年). Before 1912 the Gregorian date (1895年4月17日): history written in Taiwan gives
  pre-Republic dates in 西元 years, and 民國前N年 reads as a count, not a date.

Month and day order and their words come from CLDR through Babel (the ja and zh-Hant y年M月d日).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import DateTimeFormat, tokenize_pattern
from japanera import ERA_DATA_GENERAL, Era

from .dates import PartialDate
from .i18n import DEFAULT, catalogue_name, translator

GREGORIAN_IN_JAPAN = dt.date(1873, 1, 1)  # Meiji 6: the day Japan's Gregorian calendar began
ROC_FIRST_YEAR = 1912
SKELETONS = {"year": "y", "month": "yMMM", "day": "yMMMd"}  # CLDR skeletons for each precision
MODERN_ERAS = tuple(era for era in ERA_DATA_GENERAL if era.until is None or era.until > GREGORIAN_IN_JAPAN)


def _numbered(name: str, year: int) -> str:
    """An era's year as written: the first is 元 (令和元), the rest in digits (平成31)."""
    return f"{name}{'元' if year == 1 else year}"


def _era(day: dt.date) -> Era:
    return next(era for era in reversed(MODERN_ERAS) if era.since <= day)


def japanese_year(date: PartialDate) -> str:
    """The year part of a Japanese date: '2019（令和元）', '2019（平成31・令和元）' when the date's
    year or month spans two eras, the bare year before 1873."""
    first, last = date.first_day(), date.last_day()
    if first < GREGORIAN_IN_JAPAN:
        return str(date.year)
    eras = [_era(first), _era(last)]
    names = [_numbered(era.kanji, era.absolute_year_to_relative_year(date.year)) for era in eras]
    return f"{date.year}（{'・'.join(dict.fromkeys(names))}）"


def roc_year(date: PartialDate) -> str:
    """The year part of a Traditional Chinese date: '民國108', '民國元', the bare year before 1912."""
    if date.year < ROC_FIRST_YEAR:
        return str(date.year)
    return _numbered("民國", date.year - ROC_FIRST_YEAR + 1)


YEAR_TEXT = {"ja": japanese_year, "zh-Hant": roc_year}


@lru_cache(maxsize=16)
def _pattern(lang: str, precision: str) -> list[tuple[str, object]]:
    locale = Locale.parse(catalogue_name(lang))
    return tokenize_pattern(locale.datetime_skeletons[SKELETONS[precision]].pattern)


@lru_cache(maxsize=4096)  # events share dates; a catalog writes each date once per language
def local_date(date: PartialDate, lang: str) -> str:
    """The date at its precision as `lang`'s readers write it (see the module's docstring)."""
    if lang == DEFAULT:
        return date.label()
    year = YEAR_TEXT[lang](date)
    fields = DateTimeFormat(date.first_day(), locale=catalogue_name(lang))
    return "".join(
        value if kind == "chars" else year if value[0] == "y" else fields[value[0] * value[1]]
        for kind, value in _pattern(lang, date.precision)
    )


def with_date(text: str, date_text: str, lang: str) -> str:
    """A label followed by its date, bracketed as `lang` brackets it: 'Treaty (1978)',
    '条約（1978（昭和53）年）'."""
    return translator(lang).gettext("%(text)s (%(date)s)") % {"text": text, "date": date_text}


def event_date(event, lang: str) -> str:
    """An event's date at its precision in `lang`, with its end for a span ('2009 – 2016',
    '2009（平成21）年～2016（平成28）年')."""
    start = local_date(event.date, lang)
    if event.end is None:
        return start
    words = translator(lang).gettext("%(start)s – %(end)s")
    return words % {"start": start, "end": local_date(event.end, lang)}
