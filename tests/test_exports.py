import csv
import io
import json
import re

from dashboard.__main__ import main
from dashboard.core.frame import events_frame
from dashboard.core.model import Dataset
from dashboard.figures.credit import credit_line, figure_with_credit
from dashboard.figures.timeline import timeline_figure
from dashboard.outputs.downloads import export_view
from dashboard.outputs.exports import events_csv, events_json
from dashboard.views.catalog import Catalog
from tests.conftest import MINI


def _rows(text: str) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text))}


def _embedded_figure(page: str) -> dict:
    """The figure the page hands to plotly.js (its figure-data element)."""
    found = re.search(r'<script type="application/json" id="figure-data">(.*?)</script>', page, re.DOTALL)
    return json.loads(found.group(1))


def _with_event(dataset: Dataset, **changes) -> Dataset:
    return dataset.model_copy(update={"events": (dataset.events[0].model_copy(update=changes),)})


def test_csv_has_one_row_per_event_with_lists_joined_and_sources_flattened(mini):
    rows = _rows(events_csv(mini.events, mini.domains))
    assert list(rows) == ["alpha-founded", "beta-festival", "joint-lab", "gamma-prize"]
    lab = rows["joint-lab"]
    assert (lab["date"], lab["end"], lab["date_label"]) == ("1971-03", "1973-11", "Mar 1971 – Nov 1973")
    assert lab["domains"] == "Science; Culture"
    assert lab["actors"] == "Alphaland; Betastan"
    assert lab["sources"] == "Test Gazette — 1971-03-02 — “A shared lab.”"
    assert lab["source_count"] == "1"
    festival = rows["beta-festival"]
    assert festival["people"] == "Ada Example"
    assert festival["related"] == "alpha-founded; joint-lab (leads-to)", "a typed relation names its type"
    assert lab["statements"] == (
        "Alphaland: “A shared lab.” (source 1: Test Gazette, 2 Mar 1971) | "
        "Betastan: “Our scientists will work side by side with Alphaland's.” (Betastan Radio, 3 Mar 1971)"
    )
    assert festival["sources"] == "Test Gazette — https://example.org/beta"
    assert festival["importance"] == "2"


def test_csv_joins_several_sources_with_a_bar(bundled):
    row = _rows(events_csv(bundled.events, bundled.domains))["joint-communique-1972"]
    assert row["source_count"] == "3"
    assert row["sources"].count(" | ") == 2
    assert row["sources"].startswith("Ministry of Foreign Affairs of Japan — Joint Communiqué")


def test_csv_cells_a_spreadsheet_would_run_as_formulas_start_with_a_quote(mini):
    dataset = _with_event(
        mini,
        title='=HYPERLINK("https://evil.example","click")',
        summary="+1 and more",
        actors=("@everyone", "-minus", "Plain"),
        tags=("\tTabbed",),
    )
    row = _rows(events_csv(dataset.events, dataset.domains))["alpha-founded"]
    assert row["title"] == '\'=HYPERLINK("https://evil.example","click")'
    assert row["summary"] == "'+1 and more"
    assert row["actors"] == "'@everyone; -minus; Plain"
    assert row["tags"] == "'\tTabbed"
    assert row["date"] == "1950"


def test_json_keeps_each_date_at_its_precision(mini):
    data = json.loads(events_json(mini, mini.events))
    assert [(e["date"], e.get("end")) for e in data["events"]] == [
        ("1950", None),
        ("1960", "1964"),
        ("1971-03", "1973-11"),
        ("1980-06-15", None),
    ]
    assert data["events"][2]["sources"] == [
        {"outlet": "Test Gazette", "date": "1971-03-02", "quote": "A shared lab."}
    ]
    assert data["title"] == "A small test chronology"
    assert data["source_document"] is None


def test_json_carries_the_metadata_and_every_field_as_written(bundled):
    text = events_json(bundled, bundled.events[:1])
    data = json.loads(text)
    assert "Japan–China" in text, "non-ASCII text is written as is"
    assert data["source_document"]["date"] == "2019"
    assert set(data["events"][0]) == {
        "id", "date", "title", "summary", "domains", "actors", "people", "tags",
        "label", "importance", "sources", "related", "statements",
    }  # fmt: skip
    assert data["events"][0]["date"] == "1972-09-29"


def test_json_writes_typed_relations_and_statements_as_an_event_file_does(mini):
    events = json.loads(events_json(mini, mini.events))["events"]
    assert events[1]["related"] == ["alpha-founded", {"id": "joint-lab", "type": "leads-to"}]
    assert events[2]["statements"][1]["source"] == {"outlet": "Betastan Radio", "date": "1971-03-03"}


def test_credit_line_names_the_dataset_and_its_source_document(bundled, mini):
    assert credit_line(bundled) == (
        "Source: Japan–Taiwan–PRC relations, 1972–2019 — Japan Considers a New Security Relationship "
        "Via “Networking” with Taiwan, China Brief (The Jamestown Foundation), Vol. 19 Issue 10"
    )
    assert credit_line(mini) == "Source: A small test chronology"


def test_figure_with_credit_draws_title_and_credit_into_a_copy(mini):
    figure = timeline_figure(events_frame(mini), mini.domains)
    credited = figure_with_credit(figure, "Lab <b>years</b>", "Source: A & B")
    assert "title" not in figure["layout"]
    assert all(note["name"] != "credit" for note in figure["layout"]["annotations"])
    layout = credited["layout"]
    assert layout["title"]["text"] == "Lab &lt;b&gt;years&lt;/b&gt;"
    credit = next(note for note in layout["annotations"] if note["name"] == "credit")
    assert credit["text"] == "Source: A &amp; B"
    assert (credit["yref"], credit["y"], credit["yanchor"]) == ("paper", 0, "top")
    assert layout["margin"]["b"] > figure["layout"]["margin"]["b"]
    assert layout["height"] > figure["layout"]["height"]


def test_a_long_credit_wraps_onto_lines_with_room_below(bundled):
    figure = timeline_figure(events_frame(bundled), bundled.domains)
    layout = figure_with_credit(figure, None, credit_line(bundled))["layout"]
    assert layout["annotations"][-1]["text"].count("<br>") == 2
    assert "title" not in layout


def test_chart_as_html_is_the_views_whole_chart_working_offline_with_title_filters_and_credit(mini):
    page, _ = export_view(Catalog(mini), "html", "domains=culture")
    assert not re.search(r"<script[^>]*\bsrc=|<link[^>]*\bhref=", page, re.IGNORECASE), "nothing is fetched"
    assert "plotly.js (basic - minified) v4" in page, "plotly.js is inline"
    module = re.search(r'<script type="module">(.*?)</script>', page, re.DOTALL).group(1)
    assert "function placeUpright(" in module and "function drawEmbed(" in module, "so are the labels"
    assert not re.search(r"^\s*(import|export) ", module, re.MULTILINE), "joined: nothing to import"
    assert '.replace(/</g, "&lt;")' in module, "its code unchanged by inlining (a regex holds '</')"
    assert '<h1 class="embed-title">A small test chronology</h1>' in page
    assert "Domains: Culture · 2 of 4 events" in page, "the filters in words"
    assert "Source: A small test chronology" in page
    figure = _embedded_figure(page)
    marks = [
        row[0]
        for trace in figure["data"]
        if trace["meta"]["kind"] in ("point", "span")
        for row in trace["customdata"]
    ]
    assert sorted(marks) == ["beta-festival", "joint-lab"], "only the view's events, each once"
    assert {lane["label"] for lane in figure["layout"]["timeline"]["lanes"]} == {"Culture"}, (
        "the view's lanes only"
    )
    assert figure["layout"]["timeline"]["still"] and "rangeslider" not in figure["layout"]["xaxis"]


def test_export_command_applies_the_explorer_query_and_reports_notices(capsys):
    assert main(["export", "csv", str(MINI), "--query", "domains=culture&bogus=1"]) == 0
    out, err = capsys.readouterr()
    assert list(_rows(out)) == ["beta-festival", "joint-lab"]
    assert err == "Unknown parameter 'bogus' ignored.\n"


def test_export_command_writes_timelinejs_and_json_to_a_file(tmp_path, capsys):
    for kind in ("timelinejs", "json"):
        target = tmp_path / f"out.{kind}.json"
        assert main(["export", kind, str(MINI), "--query", "q=festival", "-o", str(target)]) == 0
        data = json.loads(target.read_text(encoding="utf-8"))
        assert len(data["events"]) == 1
    assert capsys.readouterr() == ("", "")
