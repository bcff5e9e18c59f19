"""The pages outside the explorer in each language: /brief, /embed, /changes, the 404 page and the
downloads speak the page's language, leaving no English interface string (checked against the
catalogue's English ids), with dates in the reader's calendar and a switch to the other languages."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import unicodedata
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po

from dashboard.app import create_app
from dashboard.core.changes import compare, event_records
from dashboard.core.filters import ViewState, parse_view
from dashboard.core.frame import events_table
from dashboard.core.history import Version
from dashboard.core.i18n import LOCALE_DIR, translator
from dashboard.core.loader import BUNDLED_EVENTS, load_dataset
from dashboard.core.problems import EventFileError
from dashboard.core.shown import shown
from dashboard.figures.counts import counts_figure
from dashboard.figures.credit import CREDIT_CHARS_PER_LINE, credit_line, credit_lines
from dashboard.figures.date_ticks import date_ticks
from dashboard.figures.theme import TICK_PATTERNS
from dashboard.outputs.changes_report import changes_page
from dashboard.views.catalog import Catalog
from dashboard.views.change_log import Comparison
from dashboard.views.languages import language_choices

ASIAN = ("ja", "zh-Hant")
MAY_2019 = {"ja": "2019（令和元）年5月", "zh-Hant": "民國108年5月"}


@pytest.fixture(scope="module")
def client():
    return create_app().server.test_client()


def _english_phrases() -> set[str]:
    """The fixed words of every catalogue id: the text between its placeholders."""
    with (LOCALE_DIR / "ja" / "LC_MESSAGES" / "messages.po").open("rb") as file:
        catalog = read_po(file)
    phrases = set()
    for message in catalog:
        for msgid in message.id if isinstance(message.id, tuple) else (message.id,):
            for part in re.split(r"%\(\w+\)s|\{\{ ?\w+ ?\}\}", msgid):
                part = part.strip(" .,:;()“”↗")
                # A capitalised word ("Chronology") or several; a lone "and" or "from" is data too.
                if re.search(r"[A-Za-z]{3,}", part) and (" " in part or part[0].isupper()):
                    phrases.add(part)
    return phrases


ENGLISH = _english_phrases()


def _data_texts() -> list[str]:
    """Text the event file gives in English and the pages show as it is: names, quotes, sources."""
    dataset = load_dataset([BUNDLED_EVENTS])
    texts = [dataset.source_document.title, dataset.source_document.outlet, dataset.description]
    for event in dataset.events:
        texts += [*event.actors, *event.people, event.summary]
        texts += [part for s in event.sources for part in (s.outlet, s.title, s.quote) if part]
        texts += [part for s in event.statements for part in (s.party, s.text)]
    for era in dataset.eras:
        texts += [part for s in era.sources for part in (s.outlet, s.title, s.quote) if part]
    return sorted(filter(None, texts), key=len, reverse=True)


DATA = _data_texts()


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Reader(HTMLParser):
    """The text a reader sees, leaving out scripts, styles and whatever the page marks as written in
    English (`lang="en"`: the file's own text shown untranslated)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        lang = dict(attrs).get("lang")
        hidden = tag in ("script", "style") or (tag != "html" and (lang or "").startswith("en"))
        self.stack.append((tag, hidden or bool(self.stack and self.stack[-1][1])))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.parts.append(data)


def visible_text(page: str) -> str:
    """The words a reader sees: no scripts, styles, tags, URLs, text marked English, nor the file's own
    English text shown unmarked (names, source titles)."""
    reader = _Reader()
    reader.feed(page)
    text = re.sub(r"https?://\S+", " ", " ".join(" ".join(reader.parts).split()))
    for data in DATA:
        text = text.replace(" ".join(data.split()), " ")
    return text


def english_left(page: str) -> list[str]:
    text = visible_text(page)
    return sorted(
        phrase for phrase in ENGLISH if re.search(rf"(?<![A-Za-z]){re.escape(phrase)}(?![A-Za-z])", text)
    )


def test_the_english_ids_are_found_on_the_english_pages(client):
    """The check can fail: an English page shows many of the catalogue's words."""
    page = client.get("/brief").get_data(as_text=True)
    assert {"Chronology", "Print / Save as PDF", "Back to the explorer"} <= set(english_left(page))


@pytest.mark.parametrize("lang", ASIAN)
@pytest.mark.parametrize("path", ["/brief", "/embed", "/brief?from=2019-05&since=nothing"])
def test_a_page_in_japanese_or_chinese_leaves_no_english_interface_string(client, lang, path):
    sep = "&" if "?" in path else "?"
    page = client.get(f"{path}{sep}lang={lang}").get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    assert english_left(page) == []


@pytest.mark.parametrize("lang", ASIAN)
def test_the_brief_writes_dates_in_the_readers_calendar(client, lang):
    page = client.get(f"/brief?lang={lang}").get_data(as_text=True)
    assert MAY_2019[lang] in page
    dates = re.findall(r'<td class="date">([^<]*)</td>', page)
    assert len(dates) == 30 and all("年" in date and not re.search("[A-Za-z]", date) for date in dates)


@pytest.mark.parametrize("lang", ASIAN)
def test_the_embed_hover_labels_carry_dates_in_the_readers_calendar(client, lang):
    page = client.get(f"/embed?lang={lang}").get_data(as_text=True)
    figure = json.loads(re.search(r'id="figure-data">(.*?)</script>', page, re.S).group(1))
    dates = [row[1] for trace in figure["data"] for row in trace.get("customdata") or () if len(row) > 1]
    assert any(MAY_2019[lang] in date for date in dates), dates[:5]


def test_the_accept_language_header_picks_the_language_and_caches_vary_on_it(client):
    japanese = client.get("/embed", headers={"Accept-Language": "ja,en;q=0.5"})
    english = client.get("/embed", headers={"Accept-Language": "en"})
    assert '<html lang="ja">' in japanese.get_data(as_text=True)
    assert "Accept-Language" in japanese.headers["Vary"]
    assert japanese.headers["ETag"] != english.headers["ETag"]
    asked = client.get("/embed?lang=zh-Hant", headers={"Accept-Language": "ja"})
    assert '<html lang="zh-Hant">' in asked.get_data(as_text=True)
    assert "Accept-Language" not in asked.headers.get("Vary", "")
    brief = client.get("/brief", headers={"Accept-Language": "zh-TW"})
    assert '<html lang="zh-Hant">' in brief.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/brief?q=Hsieh", "/embed?title=off"])
def test_every_language_switch_link_opens_the_page_in_that_language(client, path):
    page = client.get(path).get_data(as_text=True)
    links = re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang', page)
    assert [lang for _href, lang in links] == ["en", "ja", "zh-Hant"]
    for href, lang in links:
        target = html.unescape(href)
        assert target.startswith(path.split("?")[0] + "?") and path.split("?")[1] in target
        assert f'<html lang="{lang}">' in client.get(target).get_data(as_text=True)


@pytest.mark.parametrize("lang", ASIAN)
def test_the_not_found_page_is_in_the_readers_language(client, lang):
    response = client.get("/no-such-page", headers={"Accept-Language": lang})
    page = response.get_data(as_text=True)
    assert response.status_code == 404 and f'<html lang="{lang}">' in page
    assert english_left(page) == []


def _comparison() -> Comparison:
    dataset = load_dataset([BUNDLED_EVENTS])
    after = event_records(dataset)
    before = {key: value for key, value in after.items() if key != "hsieh-basic-law-call-2019"}
    changed = "kono-wha-tweet-2019"
    before[changed] = dict(before[changed], importance=1)
    old = Version("a" * 16, dt.datetime(2026, 1, 2, tzinfo=dt.UTC), "b" * 40)
    new = Version("c" * 16, dt.datetime(2026, 2, 3, tzinfo=dt.UTC), "d" * 40)
    return Comparison(compare(before, after), old, new, {**before, **after}, [old, new])


@pytest.mark.parametrize("lang", ASIAN)
def test_the_changes_page_names_its_events_and_versions_in_the_readers_language(lang):
    dataset = load_dataset([BUNDLED_EVENTS])
    found = _comparison()
    choices = language_choices(ViewState(lang=lang), {"since": "aaaa"})
    page = changes_page(dataset.title, found, "aaaa", {"fonts": "", "css": "", "font": ""}, lang, choices)
    assert f'<html lang="{lang}">' in page
    assert english_left(page) == []
    hsieh = dataset.event("hsieh-basic-law-call-2019")
    assert shown(hsieh.title, lang).text in page
    assert {"ja": "2019（平成31）年1月", "zh-Hant": "民國108年1月"}[lang] in page
    switch = re.findall(r'<a href="(/changes\?[^"]+)" lang="([^"]+)"', page)
    assert [(html.unescape(href), to) for href, to in switch] == [
        ("/changes?since=aaaa&lang=en", "en"),
        ("/changes?lang=ja&since=aaaa", "ja"),
        ("/changes?lang=zh-Hant&since=aaaa", "zh-Hant"),
    ]


def test_the_csv_is_in_the_views_language_and_names_each_texts_language(client):
    data = client.get("/download/csv?lang=ja&q=Hsieh").get_data(as_text=True).lstrip("\ufeff")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(data))}
    row = rows["hsieh-basic-law-call-2019"]
    assert row["title"] == "謝長廷、日本に日台交流基本法の制定を求める" or row["title_language"] == "ja"
    assert row["title_language"] == "ja" and row["summary_language"] == "en"
    assert row["date_label"] == "2019（平成31）年1月"


def test_the_json_keeps_every_language_as_the_file_writes_them(client):
    data = json.loads(client.get("/download/json?lang=ja").get_data(as_text=True))
    assert set(data["title"]) == {"en", "ja", "zh-Hant"} and data["language"] == "en"
    assert all(set(domain["label"]) == {"en", "ja", "zh-Hant"} for domain in data["domains"])
    event = next(event for event in data["events"] if event["id"] == "hsieh-basic-law-call-2019")
    assert set(event["title"]) == {"en", "ja", "zh-Hant"} and isinstance(event["summary"], str)


def test_the_markdown_brief_is_in_the_views_language(client):
    memo = client.get("/download/brief?lang=zh-Hant").get_data(as_text=True)
    assert memo.startswith("# 簡報資料：") and "## 大事紀" in memo and "民國108年5月" in memo
    assert "（英文）" in memo, "a summary written only in English is marked as such"


ERA = """title: T
description: D
eras:
  - id: wha
    label: {label}
    start: "2009"
    end: "2016"
    sources: [{{outlet: O}}]
events:
  - id: one
    date: "2019"
    title: One
    summary: S.
    domains: [diplomatic]
    actors: [Japan]
    sources: [{{outlet: O}}]
"""


def test_an_era_label_may_be_translated_and_must_hold_the_files_language(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(ERA.format(label="{en: WHA observer, ja: WHAオブザーバー}"), encoding="utf-8")
    assert load_dataset([path]).eras[0].label.get("ja") == ("WHAオブザーバー", "ja")
    path.write_text(ERA.format(label="{ja: WHAオブザーバー}"), encoding="utf-8")
    with pytest.raises(EventFileError, match="has no 'en' text"):
        load_dataset([path])


@pytest.mark.parametrize("lang", ASIAN)
def test_the_bundled_eras_are_labelled_in_the_readers_language_on_the_embed(client, lang):
    dataset = load_dataset([BUNDLED_EVENTS])
    page = client.get(f"/embed?lang={lang}").get_data(as_text=True)
    for era in dataset.eras:
        assert era.label.get(lang)[1] == lang
        assert html.escape(era.label.get(lang)[0], quote=False) in page


def test_a_year_only_label_brackets_its_year_as_the_language_does(bundled):
    catalog = Catalog(bundled)
    japanese = json.dumps(catalog.view(parse_view("lang=ja", bundled).state).figure, ensure_ascii=False)
    english = json.dumps(catalog.view(parse_view("", bundled).state).figure, ensure_ascii=False)
    assert "日中平和友好条約40周年（2018（平成30）年）" in japanese and "(2018（" not in japanese
    assert re.search(r"\w \(2018\)", english)


@pytest.mark.parametrize("lang", ASIAN)
def test_the_embed_sends_the_words_its_scripts_write(client, lang):
    page = client.get(f"/embed?lang={lang}").get_data(as_text=True)
    block = re.search(r'<script type="application/json" id="client-words">(.*?)</script>', page, re.S)
    words = json.loads(block.group(1))
    assert words["+%(count)s more"] == translator(lang).gettext("+%(count)s more") != "+%(count)s more"
    assert words["◀ %(count)s earlier"].startswith("◀") and "earlier" not in words["◀ %(count)s earlier"]
    assert 'id="client-words"' not in client.get("/embed?lang=en").get_data(as_text=True)


@pytest.mark.parametrize("lang", ASIAN)
def test_the_axis_writes_a_month_year_first_in_japanese_and_chinese(bundled, lang):
    catalog = Catalog(bundled)
    state = parse_view(f"lang={lang}&from=2018-06&to=2019-06", bundled).state
    for figure in (catalog.view(state).figure, catalog.still(state)):
        patterns = [stop["value"] for stop in figure["layout"]["xaxis"]["tickformatstops"]]
        assert patterns == ["%Y年%-m月%-d日", "%Y年%-m月", "%Y"]
    ticks = [text for _, text in date_ticks("2018-06-01", "2019-06-01", 6, patterns)]
    assert "2018年7月" in ticks and "2019年1月" in ticks
    english = catalog.view(parse_view("from=2018-06&to=2019-06", bundled).state).figure
    assert [stop["value"] for stop in english["layout"]["xaxis"]["tickformatstops"]] == list(TICK_PATTERNS)


@pytest.mark.parametrize("lang", ASIAN)
def test_the_counts_that_stand_in_for_too_many_marks_are_worded_in_the_language(bundled, lang):
    figure = counts_figure(events_table(bundled).frame, bundled.domains, lang=lang)
    _ = translator(lang).gettext
    assert figure["layout"]["yaxis"]["title"]["text"] == _("events per year") != "events per year"
    [note] = figure["layout"]["annotations"]
    assert f"{len(bundled.events)}件" in note["text"] and _("year") in note["text"]
    assert "Zoom" not in note["text"]
    assert all(" events<" not in trace["hovertemplate"] for trace in figure["data"])


def test_a_japanese_credit_is_wrapped_by_width_not_by_characters(bundled):
    credit = credit_line(bundled, lang="ja")
    lines = credit_lines(credit)
    width = [sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) for line in lines]
    assert max(width) <= CREDIT_CHARS_PER_LINE < len(lines[0]) * 2  # one line of 80 chars would overflow
    assert " ".join(lines) == " ".join(credit.split())
