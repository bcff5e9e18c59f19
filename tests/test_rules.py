"""The small rules every layer shares (slugs, dates as text, links, colours) agree wherever they are used."""

import re

import pytest
import yaml
from pydantic import ValidationError

from dashboard.core.dates import DATE_TEXT, parse_partial_date
from dashboard.core.event_file import dump_event_file
from dashboard.core.links import safe_scheme
from dashboard.core.model import DATE_PATTERN, Source
from dashboard.core.slugs import SLUG, slugify
from dashboard.interop.timelinejs import to_timelinejs
from dashboard.interop.timelinejs_read import as_sources


@pytest.mark.parametrize(
    "name",
    ["Arts & Culture", "Japan–Taiwan", "Ōsaka Café", "--a--b--", "PRC (China)", "x" * 100, "a" + "-b" * 40],
)
def test_a_slug_made_from_any_name_is_a_valid_id(name):
    slug = slugify(name)
    assert re.match(SLUG, slug) and len(slug) <= 60


def test_a_name_with_no_latin_letter_or_digit_gives_no_slug():
    assert slugify("日本 – 台灣") == ""


@pytest.mark.parametrize("text", ["1972", "1972-09", "1972-09-29", "0794"])
def test_a_date_written_to_an_event_file_is_quoted_so_it_reads_back_as_text(text):
    assert DATE_TEXT.match(text)
    written = dump_event_file({"date": text})
    assert written == f'date: "{text}"\n' and yaml.safe_load(written) == {"date": text}
    assert parse_partial_date(text).iso() == text


def test_the_schema_takes_the_readers_date_pattern_but_refuses_year_zero():
    assert re.match(DATE_PATTERN, "1972-09-29") and not re.match(DATE_PATTERN, "1972-9")
    assert DATE_TEXT.match("0000") and not re.match(DATE_PATTERN, "0000")


@pytest.mark.parametrize(
    ("scheme", "safe"), [("http", True), ("https", True), ("javascript", False), ("ftp", False)]
)
def test_only_http_and_https_links_are_followed(scheme, safe):
    assert safe_scheme(scheme) is safe


def _model_accepts(url: str) -> bool:
    try:
        Source(outlet="o", url=url)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a?b=c", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("http://x", True),
        ("https://", False),
        ("https:// example.org", False),
        ("javascript:alert(1)", False),
        ("ftp://example.org", False),
    ],
)
def test_an_imported_source_keeps_exactly_the_links_an_event_file_accepts(url, safe):
    kept = as_sources([{"outlet": "o", "url": url}])[0].get("url") == url
    assert _model_accepts(url) is kept is safe


def test_the_timelinejs_export_links_every_markdown_link_the_rule_allows(mini):
    event = mini.events[0].model_copy(update={"summary": "See [the report](HTTPS://example.org/r)."})
    text = to_timelinejs(mini, [event])["events"][0]["text"]["text"]
    assert '<a href="HTTPS://example.org/r">the report</a>' in text
