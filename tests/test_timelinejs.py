import json

import pytest
import yaml

from dashboard.__main__ import main
from dashboard.core.event_file import dump_event_file
from dashboard.core.loader import load_dataset
from dashboard.core.model import Event
from dashboard.interop.html_markdown import html_to_markdown
from dashboard.interop.timelinejs import NAMESPACE, to_timelinejs
from dashboard.interop.timelinejs_import import from_timelinejs, from_timelinejs_csv
from tests.conftest import TESTS

FIXTURES = TESTS / "data" / "timelinejs"
SAMPLE_JSON = FIXTURES / "sample.json"
SAMPLE_CSV = FIXTURES / "sample.csv"


def _load(data: dict, tmp_path):
    """The imported data as a validated Dataset, through the YAML a person would get."""
    path = tmp_path / "imported.yaml"
    path.write_text(dump_event_file(data), encoding="utf-8")
    return load_dataset([path])


def _sample():
    return from_timelinejs(json.loads(SAMPLE_JSON.read_text(encoding="utf-8")), "sample.json")


def test_export_keeps_date_precision_and_marks_spans(mini):
    slides = {slide["unique_id"]: slide for slide in to_timelinejs(mini, mini.events)["events"]}
    assert slides["alpha-founded"]["start_date"] == {"year": "1950"}
    assert "end_date" not in slides["alpha-founded"]
    assert slides["beta-festival"]["end_date"] == {"year": "1964"}
    assert slides["joint-lab"]["start_date"] == {"year": "1971", "month": "3"}
    assert slides["joint-lab"]["end_date"] == {"year": "1973", "month": "11"}
    assert slides["gamma-prize"]["start_date"] == {"year": "1980", "month": "6", "day": "15"}
    assert slides["joint-lab"]["group"] == "Science", "the label of the first domain"
    assert slides["joint-lab"]["display_date"] == "Mar 1971 – Nov 1973"


def test_export_has_a_title_slide_and_text_as_escaped_html_with_sources(mini):
    timeline = to_timelinejs(mini, mini.events)
    assert timeline["title"]["text"]["headline"] == "A small test chronology"
    slides = {slide["unique_id"]: slide for slide in timeline["events"]}
    assert slides["alpha-founded"]["text"] == {
        "headline": "Alpha institute founded",
        "text": "<p>The <em>Alpha</em> institute opens.</p>"
        "<p><strong>Related:</strong> Beta festival years (1960 – 1964)</p><ol><li>Test Gazette</li></ol>",
    }
    festival = slides["beta-festival"]["text"]["text"]
    assert festival.endswith(
        '<ol><li>Test Gazette, <a href="https://example.org/beta">https://example.org/beta</a></li></ol>'
    )
    assert slides["joint-lab"]["text"]["text"].endswith(
        "<li>Test Gazette, 2 Mar 1971, “A shared lab.”</li></ol>"
    )


def test_export_escapes_text_that_would_read_as_html(mini):
    event = mini.events[0].model_copy(
        update={"title": "<script>x</script> & co", "summary": "a < b & [c](https://e.org/?a=1&b=2)"}
    )
    slide = to_timelinejs(mini, [event])["events"][0]
    assert slide["text"]["headline"] == "&lt;script&gt;x&lt;/script&gt; &amp; co"
    assert slide["text"]["text"].startswith(
        '<p>a &lt; b &amp; <a href="https://e.org/?a=1&amp;b=2">c</a></p>'
    )


def test_export_carries_our_fields_under_one_namespaced_key(mini):
    slide = to_timelinejs(mini, mini.events)["events"][2]
    assert slide[NAMESPACE] == {
        "summary": "Alphaland and Betastan share a laboratory.",
        "domains": ["science", "culture"],
        "actors": ["Alphaland", "Betastan"],
        "people": [],
        "tags": [],
        "importance": 2,
        "sources": [{"outlet": "Test Gazette", "date": "1971-03-02", "quote": "A shared lab."}],
        "related": [],
        "statements": [
            {"party": "Alphaland", "text": "A shared lab.", "source": 1},
            {
                "party": "Betastan",
                "text": "Our scientists will work side by side with Alphaland's.",
                "source": {"outlet": "Betastan Radio", "date": "1971-03-03"},
            },
        ],
    }


def test_export_writes_relations_both_ways_and_statements_into_the_slide_text(mini):
    slides = {slide["unique_id"]: slide for slide in to_timelinejs(mini, mini.events)["events"]}
    festival, lab = slides["beta-festival"]["text"]["text"], slides["joint-lab"]["text"]["text"]
    assert "<p><strong>Leads to:</strong> Joint laboratory (Mar 1971 – Nov 1973)</p>" in festival
    assert "<p><strong>Follows from:</strong> Beta festival years (1960 – 1964)</p>" in lab
    assert "<blockquote>Alphaland: “A shared lab.” (source 1: Test Gazette)</blockquote>" in lab
    assert "Betastan: “Our scientists will work side by side with Alphaland&#x27;s.” (Betastan Radio)" in lab


def test_our_export_imports_back_with_typed_relations_and_statements(mini, tmp_path):
    data, _ = from_timelinejs(to_timelinejs(mini, mini.events), "ours.json")
    dataset = _load(data, tmp_path)
    assert dataset.event("beta-festival").related == mini.event("beta-festival").related
    assert dataset.event("joint-lab").statements == mini.event("joint-lab").statements


def test_importer_turns_a_timelinejs_file_into_a_valid_event_file(tmp_path):
    data, _ = _sample()
    dataset = _load(data, tmp_path)
    assert dataset.title == "A sample TimelineJS file"
    events = {event.id: event for event in dataset.events}
    assert list(events) == [
        "normalisation-1972",
        "festival-years-1980",
        "talks-resume-1990",
        "a-headline-that-goes-on-and-on-far-past-the-length-2001",
    ]
    assert events["normalisation-1972"].date.precision == "year"
    assert events["normalisation-1972"].summary == (
        "Two states **normalise** relations.\n\nSee [the record](https://example.org/record)."
    )
    festival = events["festival-years-1980"]
    assert (festival.date.iso(), festival.end.iso()) == ("1980-03", "1984-11")
    assert events["talks-resume-1990"].summary == "Plain *talks*\nline two &lt;b> stays text"
    assert events["talks-resume-1990"].domains == ("diplomatic",), "the group matches a label in any case"
    long_title = events["a-headline-that-goes-on-and-on-far-past-the-length-2001"].title
    assert len(long_title) == 120 and long_title.endswith("…")
    assert all(event.actors == ("Unknown",) and event.importance == 2 for event in dataset.events)


def test_importer_removes_scripts_and_javascript_links(tmp_path):
    data, _ = _sample()
    text = dump_event_file(data)
    assert "<script" not in text and "alert" not in text and "javascript" not in text
    festival = next(event for event in data["events"] if event["id"] == "festival-years-1980")
    assert festival["summary"] == "A festival runs. Click here."


def test_groups_become_declared_domains_and_events_without_one_go_to_general(tmp_path):
    data, _ = _sample()
    assert data["domains"] == [
        {"id": "diplomatic", "label": "Diplomatic", "color": "#0072B2"},
        {"id": "arts-culture", "label": "Arts & Culture", "color": "#E69F00"},
        {"id": "general", "label": "General", "color": "#009E73"},
    ]
    events = {event["id"]: event for event in data["events"]}
    assert events["festival-years-1980"]["domains"] == ["arts-culture"]
    assert events["a-headline-that-goes-on-and-on-far-past-the-length-2001"]["domains"] == ["general"]


def test_media_credit_or_link_becomes_the_source_else_the_origin_file(tmp_path):
    events = {event["id"]: event for event in _sample()[0]["events"]}
    assert events["normalisation-1972"]["sources"] == [
        {"outlet": "Photo: Example Archive", "url": "https://example.org/photo.jpg"}
    ]
    assert events["a-headline-that-goes-on-and-on-far-past-the-length-2001"]["sources"] == [
        {"outlet": "example.com", "url": "https://example.com/picture.jpg"}
    ]
    assert events["talks-resume-1990"]["sources"] == [{"outlet": "Imported from sample.json"}]


def test_importer_reports_every_decision_in_exact_words():
    assert _sample()[1] == [
        "1 event has no usable start_date (a year from 1 to 9999): skipped",
        "1 event has no group: put in domain 'general' (General)",
        "2 events have no source: marked 'Imported from sample.json'",
        "2 events have only a media credit or link to cite: used it as the source",
        "1 event has unsafe HTML (scripts, styles or non-http links): removed",
        "1 event has a headline over 120 characters: truncated",
        "1 event has no text: the headline is also the summary",
        "4 events have no actors (TimelineJS has none): set to 'Unknown'",
        "4 events have no importance (TimelineJS has none): set to 2 (notable)",
        "declared domains from TimelineJS groups: diplomatic (Diplomatic), arts-culture (Arts & Culture); "
        "check their labels and colours",
        "1 era ignored: event files have no eras",
    ]


def test_ids_come_from_the_headline_and_year_and_are_made_unique():
    slides = [{"start_date": {"year": "1990"}, "text": {"headline": "Talks"}}] * 2
    data, report = from_timelinejs({"events": slides}, "x.json")
    assert [event["id"] for event in data["events"]] == ["talks-1990", "talks-1990-2"]
    assert "2 events have an id already used: numbered to make it unique" not in report
    assert "1 event has an id already used: numbered to make it unique" in report


def test_html_becomes_safe_markdown():
    html = (
        '<p onclick="x()">Hi <a href="https://a.example/x_(y)">there</a>'
        '<img src=x onerror="alert(1)"><style>p{}</style></p>'
        "<p>&lt;img src=x onerror=alert(1)&gt; [fake](javascript:alert(1)) *not bold*</p>"
    )
    text, unsafe = html_to_markdown(html)
    assert text == (
        "Hi [there](https://a.example/x_%28y%29)\n\n"
        "&lt;img src=x onerror=alert(1)> \\[fake\\](javascript:alert(1)) \\*not bold\\*"
    )
    assert unsafe
    Event.model_validate(
        {
            "id": "x",
            "date": "2000",
            "title": "x",
            "summary": text,
            "domains": ["diplomatic"],
            "actors": ["A"],
            "importance": 1,
            "sources": [{"outlet": "o"}],
        }
    )


def test_plain_text_drops_every_tag_and_keeps_the_words():
    assert html_to_markdown("<b>Bold</b> <a href='https://x.org'>link</a><br>next", markdown=False) == (
        "Bold link next",
        False,
    )


def test_spreadsheet_csv_imports_like_json(tmp_path):
    data, report = from_timelinejs_csv(SAMPLE_CSV.read_text(encoding="utf-8"), "sample.csv")
    dataset = _load(data, tmp_path)
    assert dataset.title == "A spreadsheet timeline"
    events = {event.id: event for event in dataset.events}
    assert list(events) == ["thirteen-days-1962", "moon-landing-1969", "wall-falls-1989"]
    crisis = events["thirteen-days-1962"]
    assert (crisis.date.iso(), crisis.end.iso(), crisis.domains) == (
        "1962-10-16",
        "1962-10-28",
        ("military",),
    )
    assert crisis.summary == "A **crisis** in October."
    assert crisis.sources[0].outlet == "Example Archive"
    assert events["moon-landing-1969"].date.precision == "month"
    assert events["wall-falls-1989"].summary == "Wall falls"
    assert report[-1] == "1 era ignored: event files have no eras"
    assert "2 events have no source: marked 'Imported from sample.csv'" in report


def test_not_timelinejs_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="expected an object with an 'events' list"):
        from_timelinejs([1, 2], "x.json")
    with pytest.raises(ValueError, match="no event has a usable start_date"):
        from_timelinejs({"events": [{"start_date": {"year": "-500"}}, {"start_date": {"year": 0}}]}, "x.json")
    with pytest.raises(ValueError, match="not a TimelineJS spreadsheet"):
        from_timelinejs_csv("a,b\n1,2\n", "x.csv")


def test_yaml_writer_quotes_dates_and_writes_no_anchors():
    shared = ["Japan"]
    text = dump_event_file({"date": "1972", "end": "1972-09", "title": "日本–台湾", "a": shared, "b": shared})
    assert text == 'date: "1972"\nend: "1972-09"\ntitle: 日本–台湾\na:\n- Japan\nb:\n- Japan\n'
    assert yaml.safe_load(text)["date"] == "1972"


def test_round_trip_of_the_bundled_file_gives_back_the_same_events(bundled, tmp_path):
    exported = json.loads(json.dumps(to_timelinejs(bundled, bundled.events), ensure_ascii=False))
    data, report = from_timelinejs(exported, "japan-taiwan.json")
    back = _load(data, tmp_path)
    assert report == []
    assert back.events == bundled.events
    assert back.domains == bundled.domains
    assert (back.title, back.description, back.source_document) == (
        bundled.title,
        bundled.description,
        bundled.source_document,
    )


def test_import_command_writes_yaml_and_reports_on_stderr(tmp_path, capsys):
    target = tmp_path / "out.yaml"
    assert main(["import", "timelinejs", str(SAMPLE_JSON), "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == _sample()[1]
    assert len(load_dataset([target]).events) == 4


def test_import_command_fails_with_a_message_for_a_file_that_is_not_json(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["import", "timelinejs", str(bad)]) == 1
    assert capsys.readouterr().err.startswith(f"{bad}: Expecting property name")
