"""The interface's language: picked from the URL, else Accept-Language, else English; and the pages'
fixed words rendered from its catalogue, English unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.core.filters import parse_view
from dashboard.core.i18n import MAX_PREFERENCES, accepted_tags, pick_language, translator
from dashboard.outputs import brief_html
from dashboard.outputs.brief import briefing_state
from dashboard.outputs.pages import render
from dashboard.views.catalog import Catalog

ASSETS = {
    "fonts": "/f.css",
    "font": "/l.woff2",
    "css": "/b.css",
    "js": "/b.js",
    "plotly": "/p.js",
    "imports": [],
}


@pytest.mark.parametrize(
    ("url", "header", "picked"),
    [
        ("ja", "zh-TW,zh;q=0.9", "ja"),  # the URL beats the header
        ("zh-Hant", None, "zh-Hant"),
        ("ZH-hant", None, "zh-Hant"),  # tags are case-insensitive
        ("zh-TW", None, "zh-Hant"),
        ("fr", "ja-JP,ja;q=0.9,en;q=0.8", "ja"),  # a language we lack in the URL: the header decides
        (None, "en;q=0.5, ja;q=0.8", "ja"),  # q-values, not order
        (None, "ja;q=0, en", "en"),  # q=0 means "not this"
        (None, "ja;q=abc, zh-Hant;q=0.1", "zh-Hant"),  # a malformed q drops its entry only
        (None, "de-DE,de;q=0.9", "en"),
        (None, None, "en"),
        ("", "", "en"),
        (None, "*", "en"),
        (None, "!!!, ;;; ,q=1", "en"),
    ],
)
def test_the_language_comes_from_the_url_else_accept_language_else_english(url, header, picked):
    assert pick_language(url, header) == picked


@pytest.mark.parametrize("tag", ["zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK", "zh-hant"])
def test_traditional_chinese_tags_pick_zh_hant(tag):
    assert pick_language(None, tag) == "zh-Hant"


@pytest.mark.parametrize("tag", ["zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN", "zh"])
def test_simplified_chinese_readers_get_english_not_the_roc_calendar(tag):
    assert pick_language(None, tag) == "en"
    assert pick_language(None, f"{tag}, ja;q=0.5") == "ja"  # or their next choice we have


@pytest.mark.parametrize(("tag", "picked"), [("en-GB", "en"), ("en-US", "en"), ("ja-JP", "ja")])
def test_a_regional_tag_picks_its_language(tag, picked):
    assert pick_language(None, tag) == picked


def test_only_the_first_entries_of_a_long_header_are_read():
    header = ",".join(["fr"] * MAX_PREFERENCES + ["ja"])
    assert pick_language(None, header) == "en"
    assert accepted_tags("a;q=0.2, b, c;q=0.9") == ["b", "c", "a"]


def test_each_language_translates_and_english_is_the_source_text():
    assert translator("ja").gettext("Chronology") == "年表"
    assert translator("zh-Hant").gettext("Chronology") == "大事紀"
    assert translator("en").gettext("Chronology") == "Chronology"
    with pytest.raises(ValueError, match="no catalogue for 'fr'"):
        translator("fr")


def _brief_context(dataset, monkeypatch) -> dict:
    """What brief_page hands the template for the whole bundled file."""
    captured = {}
    monkeypatch.setattr(brief_html, "render", lambda template, **context: captured.update(context) or "")
    view = Catalog(dataset).view(briefing_state(parse_view("", dataset).state))
    brief_html.brief_page(dataset, view, ASSETS, prepared=dt.date(2020, 1, 1))
    captured.pop("lang")  # the view's; each test renders the same context in each language
    return captured


def test_the_brief_renders_its_headings_in_japanese_and_chinese(bundled, monkeypatch):
    context = _brief_context(bundled, monkeypatch)
    english = render("brief.html", **context)
    japanese = render("brief.html", lang="ja", **context)
    chinese = render("brief.html", lang="zh-Hant", **context)
    assert '<html lang="en">' in english and "<h2>Chronology</h2>" in english
    assert f'<p class="count">{context["view"].count} of {context["view"].total} events</p>' in english
    assert '<html lang="ja">' in japanese and "<h2>年表</h2>" in japanese and "<h2>出典</h2>" in japanese
    assert f"全{context['view'].total}件中{context['view'].count}件" in japanese
    assert '<html lang="zh-Hant">' in chinese and "<h2>大事紀</h2>" in chinese
    for page in (japanese, chinese):
        assert "Chronology" not in page and "Print / Save as PDF" not in page


def test_words_from_the_data_stay_escaped_inside_translated_text():
    page = render(
        "embed.html",
        lang="ja",
        title="t",
        tags=[],
        assets=ASSETS,
        inline=False,
        show_title=False,
        subtitle="",
        dataset_title='"><script>alert(1)</script>',
        languages=[],
        view={"count": 3},
        figure={},
        drawings=[],
        drawing_media=[],
        config={},
        credit="",
        full_view="/",
    )
    assert 'aria-label="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;：3件の出来事の年表"' in page
    assert "全体を表示 ↗" in page


def test_the_language_is_part_of_the_view_and_travels_in_its_url(bundled):
    japanese = parse_view("lang=ja&q=Kono", bundled).state
    assert japanese.lang == "ja" and "lang=ja" in japanese.to_query()
    assert parse_view(japanese.to_query(), bundled).state == japanese
    assert parse_view("", bundled, accept_language="zh-TW,zh;q=0.9").state.lang == "zh-Hant"
    assert parse_view("lang=en", bundled, accept_language="ja").state.lang == "en"
    assert parse_view("lang=en", bundled).state.to_query() == ""  # English is the default


def test_a_notice_about_an_ignored_value_is_written_in_the_readers_language(bundled):
    assert parse_view("lang=ja&event=nope&colour=red", bundled).notices == (
        "不明なパラメーター 'colour' を無視しました。",
        "不明な出来事「nope」を無視しました。",
    )
    parsed = parse_view("lang=xx", bundled, accept_language="zh-Hant")
    assert parsed.state.lang == "zh-Hant"
    assert parsed.notices == ("已忽略未知的語言「xx」；可用語言為 en, ja, zh-Hant。",)
    assert parse_view("actors=a,b,c,d,e", bundled).notices == (
        "Unknown actors 'a', 'b', 'c' and 2 more ignored.",
    )
