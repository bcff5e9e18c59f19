"""Event text in several languages: which text a reader of each language is shown, what the search
reads, what a snapshot keeps, and how wide Japanese and Chinese labels are on the chart."""

import pickle

import pytest

from dashboard.core.filters import ViewState, filter_events
from dashboard.core.frame import events_table
from dashboard.core.loader import load_dataset
from dashboard.core.localized import Localized
from dashboard.core.problems import EventFileError
from dashboard.core.snapshot import read_snapshot, write_snapshot
from dashboard.figures.label_room import PAD_PX, text_px

EVENT = """
events:
  - id: one
    date: "2019"
    title: {title}
    summary: {summary}
    domains: [diplomatic]
    actors: [Japan]
    sources: [{{outlet: O}}]
"""


def write(tmp_path, name="events.yaml", head="title: T\ndescription: D", **fields):
    values = {"title": "{en: One, ja: 一つ}", "summary": "S."} | fields
    path = tmp_path / name
    path.write_text(head + EVENT.format(**values), encoding="utf-8")
    return path


def test_a_reader_of_a_missing_language_is_shown_the_files_language_and_told_so(tmp_path):
    title = load_dataset([write(tmp_path)]).events[0].title
    assert title == "One" and isinstance(title, str), "the plain attribute stays the file's language"
    assert title.get("ja") == ("一つ", "ja")
    assert title.get("zh-Hant") == ("One", "en")
    assert title.get("en") == ("One", "en")


def test_in_a_japanese_file_plain_text_is_japanese_and_english_is_the_translation(tmp_path):
    path = write(
        tmp_path, head="title: T\ndescription: D\nlanguage: ja", title="{ja: 一つ, en: One}", summary="概要。"
    )
    event = load_dataset([path]).events[0]
    assert event.title == "一つ" and event.title.get("en") == ("One", "en")
    assert event.summary.get("en") == ("概要。", "ja")


def test_translated_by_as_one_string_marks_every_language_but_the_files(tmp_path):
    path = write(tmp_path, head="title: T\ndescription: D\ntranslated_by: Project staff, needs review")
    assert load_dataset([path]).translated_by == {
        "ja": "Project staff, needs review",
        "zh-Hant": "Project staff, needs review",
    }


def test_files_loaded_together_must_share_a_language(tmp_path):
    english = write(tmp_path, "a.yaml")
    japanese = write(
        tmp_path, "b.yaml", head="title: T\ndescription: D\nlanguage: ja", title="一つ", summary="概要。"
    )
    japanese.write_text(japanese.read_text(encoding="utf-8").replace("id: one", "id: two"), encoding="utf-8")
    with pytest.raises(EventFileError) as caught:
        load_dataset([english, japanese])
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field) == (str(japanese), 3, "language")
    assert "this file is written in ja but" in problem.message


def test_merging_files_keeps_each_texts_translations(tmp_path):
    first = write(tmp_path, "a.yaml")
    second = write(tmp_path, "b.yaml", title="{en: Two, zh-Hant: 二}")
    second.write_text(second.read_text(encoding="utf-8").replace("id: one", "id: two"), encoding="utf-8")
    merged = load_dataset([first, second])
    assert [event.title.get("zh-Hant") for event in merged.events] == [("One", "en"), ("二", "zh-Hant")]


def test_a_localized_text_survives_pickling_with_its_translations():
    text = pickle.loads(pickle.dumps(Localized("One", "en", {"ja": "一つ"})))
    assert (text, text.get("ja"), text.language) == ("One", ("一つ", "ja"), "en")


def test_search_in_japanese_finds_a_japanese_title_and_still_the_english_one(bundled):
    table = events_table(bundled)
    found = filter_events(table, ViewState(query="外交演説", lang="ja"))
    assert list(found["id"]) == ["kono-diet-networking-speech-2019"]
    english = list(filter_events(table, ViewState(query="Hsieh"))["id"])
    assert "hsieh-basic-law-call-2019" in english
    assert list(filter_events(table, ViewState(query="Hsieh", lang="ja"))["id"]) == english
    assert filter_events(table, ViewState(query="外交演説")).empty, "without lang: the file's language only"
    taiwan = filter_events(table, ViewState(query="台湾", lang="ja"))
    assert "kono-wha-tweet-2019" in set(taiwan["id"]), "a Japanese term matches inside unspaced text"
    assert filter_events(table, ViewState(query="台湾", lang="zh-Hant")).empty, "zh-Hant writes 臺灣"


def test_a_snapshot_keeps_every_translation_and_the_files_language(bundled, tmp_path):
    path = tmp_path / "snapshot.arrow"
    write_snapshot(bundled, path)
    stored, table = read_snapshot(path)
    event = stored.event("hsieh-basic-law-call-2019")
    assert event.title.texts == bundled.event("hsieh-basic-law-call-2019").title.texts
    assert event.label.get("zh-Hant") == ("謝長廷籲制定日台交流基本法", "zh-Hant")
    assert stored.title.get("ja") == bundled.title.get("ja") and stored.title == bundled.title
    assert [d.label.texts for d in stored.domains] == [d.label.texts for d in bundled.domains]
    assert [n.title.texts for n in stored.narratives] == [n.title.texts for n in bundled.narratives]
    assert (stored.language, stored.translated_by) == ("en", bundled.translated_by)
    assert list(filter_events(table, ViewState(query="謝長廷", lang="zh-Hant"))["id"]) == [
        "hsieh-basic-law-call-2019"
    ]


def test_a_snapshot_of_a_japanese_file_keeps_japanese_as_its_plain_text(tmp_path):
    path = write(
        tmp_path, head="title: T\ndescription: D\nlanguage: ja", title="{ja: 一つ, en: One}", summary="概要。"
    )
    write_snapshot(load_dataset([path]), tmp_path / "snapshot.arrow")
    stored, _table = read_snapshot(tmp_path / "snapshot.arrow")
    title = stored.event("one").title
    assert (title, title.language, title.get("en"), title.get("zh-Hant")) == (
        "一つ",
        "ja",
        ("One", "en"),
        ("一つ", "ja"),
    )


def test_the_bundled_file_has_every_title_and_label_in_japanese_and_chinese(bundled):
    texts = [text for event in bundled.events for text in (event.title, event.label)]
    texts += [domain.label for domain in bundled.domains] + [story.title for story in bundled.narratives]
    assert all(text.get(lang)[1] == lang for text in [*texts, bundled.title] for lang in ("ja", "zh-Hant"))
    assert set(bundled.translated_by) == {"ja", "zh-Hant"}
    assert all("needs review" in mark for mark in bundled.translated_by.values())


@pytest.mark.parametrize("text", ["日台交流基本法", "ネットワーキング", "臺灣關係法", "、「」（）"])
def test_japanese_and_chinese_characters_are_measured_one_em_wide(text):
    assert text_px(text, 20) == len(text) * 20 + PAD_PX


def test_a_cjk_label_is_measured_wider_than_latin_of_as_many_characters():
    assert text_px("謝長廷籲制定日台交流基本法", 13) > 1.6 * text_px("Hsieh urges Basic La", 13) * 13 / 20
    assert text_px("Kono", 13) < text_px("河野太郎", 13) / 1.5
