"""Readers of client input: whole numbers from ASCII digits only, JSON of a bounded shape."""

from __future__ import annotations

import json

import pytest

from dashboard.core.untrusted import MAX_JSON_DEPTH, ascii_int, json_depth, read_json
from dashboard.interop.timelinejs_read import as_partial_date
from dashboard.outputs.standalone import DEFAULT_HEIGHT, EmbedOptions


@pytest.mark.parametrize(("text", "number"), [("1", 1), ("0420", 420), ("999999999", 999_999_999)])
def test_ascii_digits_read_as_a_whole_number(text, number):
    assert ascii_int(text) == number


@pytest.mark.parametrize(
    "text", ["²", "٢", "1²", "", " 1", "-1", "+1", "1_000", "1.0", "9" * 10, "9" * 5000, 7, None, ["1"]]
)
def test_anything_but_a_few_ascii_digits_is_not_a_number(text):
    assert ascii_int(text) is None


def test_the_embed_height_and_a_timelinejs_year_read_only_ascii_digits():
    assert EmbedOptions.from_args({"height": "²"}).height == DEFAULT_HEIGHT
    assert EmbedOptions.from_args({"height": "٣٠٠"}).height == DEFAULT_HEIGHT
    assert EmbedOptions.from_args({"height": "300"}).height == 300
    assert as_partial_date({"year": "²"}) is None
    assert str(as_partial_date({"year": 1972, "month": "9", "day": "²"})) == "1972-09"


@pytest.mark.parametrize(
    ("raw", "depth"),
    [(b"1", 0), (b"[]", 1), (b'{"a": [[1], {"b": 2}]}', 3), (b'["[[[[", "]]", "\\"[{"]', 1)],
)
def test_json_depth_counts_nesting_outside_strings(raw, depth):
    assert json_depth(raw) == depth


def test_json_nested_5000_deep_is_refused_before_it_is_parsed():
    with pytest.raises(ValueError, match=f"nested 5001 levels deep; the limit is {MAX_JSON_DEPTH}"):
        read_json(b'{"x":' + b"[" * 5000 + b"]" * 5000 + b"}")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (json.dumps({"value": "\ud800"}).encode(), "not UTF-8"),
        (b'["\\udc00\\ud800"]', "not UTF-8"),
        (b'"\xff"', "not UTF-8"),
        (b"[NaN]", "not JSON: NaN is not JSON"),
        (b"-Infinity", "not JSON: -Infinity is not JSON"),
        (b"[" + b"9" * 5000 + b"]", "not JSON: Exceeds the limit"),
        (b'{"a": ', "not JSON: Expecting value"),
    ],
)
def test_lone_surrogates_constants_huge_numbers_and_broken_json_are_refused(raw, reason):
    with pytest.raises(ValueError, match=reason):
        read_json(raw)


def test_ordinary_json_with_a_surrogate_pair_is_read():
    assert read_json(b'{"q": "\\ud83d\\ude00 \xe5\x8f\xb0", "n": [1, 2.5, null]}') == {
        "q": "😀 台",
        "n": [1, 2.5, None],
    }
