"""The explorer in the page's language: the index page, the view callback's words and links, and the
words assets/js writes (their JSON block complete in every language)."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.app import create_app
from dashboard.core.i18n import LANGUAGES, translator
from dashboard.outputs.client_words import CLIENT_MESSAGES, client_words
from dashboard.views.catalog import Catalog
from dashboard.web.client_words import client_words_script
from dashboard.web.plotly_words import PLOTLY_MESSAGES, plotly_config
from dashboard.web.view_update import ViewInputs, update_view

TAIWAN_WHA = "taiwan-wha-observer-2009-2016"


@pytest.fixture(scope="module")
def client():
    return create_app().server.test_client()


@pytest.fixture(scope="module")
def catalog(bundled):
    return Catalog(bundled)


def text_of(component) -> str:
    """Every string a component tree shows, joined."""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(text_of(part) for part in component)
    if component is None:
        return ""
    return text_of(component.to_plotly_json()["props"].get("children"))


@pytest.mark.parametrize(
    ("query", "header", "lang"),
    [("", "", "en"), ("?lang=ja", "", "ja"), ("", "zh-TW,zh;q=0.9", "zh-Hant"), ("?lang=en", "ja", "en")],
)
def test_the_index_page_is_in_the_language_the_url_else_the_browser_asks_for(client, query, header, lang):
    page = client.get("/" + query, headers={"Accept-Language": header}).get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    words = json.loads(re.search(r'id="client-words">(.*?)</script>', page).group(1))
    assert words == client_words(lang)


def test_the_title_is_the_files_title_in_the_pages_language(client, bundled):
    page = client.get("/?lang=ja").get_data(as_text=True)
    assert f"<title>{bundled.title.get('ja')[0]}</title>" in page


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_client_word_is_translated_and_keeps_its_placeholders(lang):
    words = client_words(lang)
    assert set(words) == set(CLIENT_MESSAGES)
    for english, translated in words.items():
        assert translated and translated != english, english
        assert sorted(re.findall(r"%\(\w+\)s", translated)) == sorted(re.findall(r"%\(\w+\)s", english))


def test_the_client_words_block_cannot_be_closed_by_its_text():
    assert "</" not in client_words_script("ja").split(">", 1)[1].rsplit("<", 1)[0]


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_plotlys_own_words_are_registered_in_the_charts_config(lang):
    config = plotly_config(lang)
    assert config["locale"] == lang
    dictionary = config["locales"][lang]["dictionary"]
    assert all(dictionary[message] not in ("", message) for message in PLOTLY_MESSAGES)
    assert len(config["locales"][lang]["format"]["shortMonths"]) == 12
    assert config["locales"][lang]["format"]["month"] == "%Y年%-m月"  # the year first: 2018年7月


def test_the_view_callback_answers_in_the_urls_language_with_the_reader_calendar(catalog):
    outputs = update_view(catalog, ViewInputs(search=f"?lang=ja&event={TAIWAN_WHA}"), None)
    detail = text_of(outputs["detail"])
    assert "2009（平成21）年" in detail and translator("ja").gettext("Sources") in detail
    assert text_of(outputs["summary"]).startswith("全")
    assert "年" in text_of(outputs["table"])


def test_widget_changes_keep_the_language(catalog):
    outputs = update_view(
        catalog, ViewInputs(search="?lang=zh-Hant", query="WHA", domains=["diplomatic"]), "filter-search"
    )
    assert "lang=zh-Hant" in outputs["view_query"] and "q=WHA" in outputs["view_query"]
    assert "顯示" in text_of(outputs["summary"])


def test_the_switch_links_keep_the_view_and_mark_the_current_language(catalog):
    outputs = update_view(catalog, ViewInputs(search=f"?lang=ja&q=WHA&event={TAIWAN_WHA}"), None)
    links = [link.to_plotly_json()["props"] for link in outputs["languages"]]
    assert [link["children"] for link in links] == ["English", "日本語", "繁體中文"]
    assert [link.get("aria-current") for link in links] == [None, "true", None]
    for link, lang in zip(links, LANGUAGES, strict=True):
        assert f"lang={lang}" in link["href"] and "q=WHA" in link["href"] and TAIWAN_WHA in link["href"]


def test_shared_links_always_say_their_language_and_the_address_only_when_it_must(catalog):
    english = update_view(catalog, ViewInputs(search="?lang=en"), None, accepted="ja")
    assert english["view_query"] == "?lang=en" and english["share_query"] == "?lang=en"
    plain = update_view(catalog, ViewInputs(search=""), None, accepted="en-GB")
    assert plain["view_query"] == "" and plain["share_query"] == "?lang=en"
    japanese = update_view(catalog, ViewInputs(search=""), None, accepted="ja")
    assert japanese["view_query"] == "?lang=ja" and "lang=ja" in japanese["version_query"]


def test_untranslated_text_is_marked_with_its_language_in_the_readers_words(catalog):
    outputs = update_view(catalog, ViewInputs(search=f"?lang=ja&event={TAIWAN_WHA}"), None)
    summary = next(part for part in outputs["detail"] if "summary" in str(getattr(part, "className", "")))
    assert summary.lang == "en" and text_of(summary).startswith("英語 ")
