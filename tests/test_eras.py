"""Eras: the period filter they set (era=), the switch that hides their bands (eras=off), their days."""

import datetime as dt
import xml.etree.ElementTree as ET

from dashboard.core.dates import PartialDate
from dashboard.core.eras import era_bands
from dashboard.core.filters import ViewState, filter_events, parse_view
from dashboard.core.frame import events_table
from dashboard.outputs.first_paint import drawings
from dashboard.views.catalog import Catalog
from dashboard.web import ids
from dashboard.web.layout import explorer_layout
from dashboard.web.view_update import ViewInputs, update_view

SVG = "{http://www.w3.org/2000/svg}"


def test_era_sets_the_period_to_the_eras_dates_and_the_url_then_says_from_and_to(bundled):
    parsed = parse_view("era=wha-observer-years", bundled)
    assert parsed.notices == ()
    assert (parsed.state.start, parsed.state.end) == (PartialDate(2009), PartialDate(2016))
    assert parsed.state.to_query() == "?from=2009&to=2016"
    shown = filter_events(events_table(bundled), parsed.state)
    assert shown["start"].max().year <= 2016 and shown["last_day"].min().year >= 2009
    assert 0 < len(shown) < bundled.event_count


def test_an_open_era_runs_to_the_end_of_the_data_and_a_given_bound_wins(bundled):
    tsai = parse_view("era=tsai-presidency", bundled).state
    assert (tsai.start, tsai.end) == (PartialDate(2016, 5, 20), None)
    later = parse_view("era=tsai-presidency&from=2018", bundled).state
    assert (later.start, later.end) == (PartialDate(2018), None)


def test_an_unknown_era_is_ignored_with_a_notice(bundled):
    parsed = parse_view("era=meiji&q=WHA", bundled)
    assert parsed.notices == ("Unknown era 'meiji' ignored.",)
    assert parsed.state == ViewState(query="WHA")


def test_eras_off_travels_in_the_url_and_a_wrong_value_is_noticed(bundled, mini):
    assert parse_view("eras=off", bundled).state.to_query() == "?eras=off"
    assert parse_view("eras=on", bundled).state == ViewState()
    wrong = parse_view("eras=maybe", bundled)
    assert wrong.state.eras is True and wrong.notices == ("'eras=maybe' is not on or off; eras are shown.",)
    assert parse_view("eras=off", mini).state.to_query() == ""  # a file without eras has no switch


def test_a_band_covers_its_start_and_end_periods_whole_or_runs_to_the_datas_end(bundled):
    bands = {band.id: band for band in era_bands(bundled.eras, dt.date(2019, 5, 31))}
    wha = bands["wha-observer-years"]
    assert (wha.first, wha.last, wha.domain) == (dt.date(2009, 1, 1), dt.date(2016, 12, 31), "diplomatic")
    assert (bands["tsai-presidency"].first, bands["tsai-presidency"].last) == (
        dt.date(2016, 5, 20),
        dt.date(2019, 5, 31),
    )
    assert [band.id for band in era_bands(bundled.eras, dt.date(2014, 1, 1))] == [
        "wha-observer-years",
        "abe-second-government",
    ]


def era_ids(figure):
    return [era["id"] for era in figure["layout"]["timeline"].get("eras", [])]


def test_every_chart_draws_the_eras_behind_its_lanes_with_their_labels_in_a_strip_on_top(bundled):
    catalog = Catalog(bundled)
    state = ViewState()
    story = parse_view("story=taiwan-at-the-wha&stop=3", bundled).state
    figures = {
        "interactive": catalog.view(state).figure,
        "still": catalog.still(state),
        "story": catalog.view(story).figure,
    }
    for name, figure in figures.items():
        layout = figure["layout"]
        assert era_ids(figure) == ["wha-observer-years", "abe-second-government", "tsai-presidency"], name
        bands = [shape for shape in layout["shapes"] if shape["name"] == "era"]
        assert all(shape["layer"] == "below" and shape["xref"] == "x" for shape in bands), name
        assert bands[0]["yref"] == "y" and bands[0]["yanchor"] == layout["timeline"]["lanes"][0]["y"], name
        assert (bands[1]["yref"], bands[1]["y0"], bands[1]["y1"]) == ("paper", 0, 1), name
        assert (bands[0]["x0"], bands[0]["x1"]) == ("2009-01-01", "2017-01-01"), "2016 runs to its end"
        labels = [a for a in layout["annotations"] if a["name"] == "era"]
        assert [a["text"] for a in labels] == [era.label for era in bundled.eras], name
        strip = layout["timeline"]["eraStrip"]
        top_lane = max(lane["y"] for lane in layout["timeline"]["lanes"])
        assert layout["yaxis"]["range"][1] - strip > top_lane, "the strip sits above the top lane"


def test_switched_off_the_eras_are_not_drawn_and_a_lanes_era_goes_with_its_lane(bundled):
    catalog = Catalog(bundled)
    off = catalog.view(parse_view("eras=off", bundled).state).figure
    assert era_ids(off) == [] and "shapes" not in off["layout"]
    assert "eraStrip" not in off["layout"]["timeline"]
    economic = catalog.still(parse_view("domains=economic,military", bundled).state)
    assert era_ids(economic) == ["abe-second-government", "tsai-presidency"]


def test_eras_outside_the_reach_of_a_chart_are_left_out(bundled):
    early = Catalog(bundled).still(parse_view("to=1980", bundled).state)
    assert era_ids(early) == []


def test_the_explorers_switch_draws_or_hides_the_eras_and_the_url_records_it(bundled):
    catalog = Catalog(bundled)
    loaded = update_view(catalog, ViewInputs(search="?era=tsai-presidency"), None)
    assert (loaded["start"], loaded["end"], loaded["eras"]) == ("2016-05-20", "", True)
    assert loaded["view_query"] == "?from=2016-05-20"
    widgets = dict(domains=["diplomatic", "economic", "military"], actors=[], start="", end="", query="")
    off = update_view(catalog, ViewInputs(**widgets, eras=False), ids.ERAS)
    assert off["view_query"] == "?eras=off" and era_ids(off["figure"]) == []
    on = update_view(catalog, ViewInputs(**widgets, eras=True), ids.ERAS)
    assert on["view_query"] == "" and len(era_ids(on["figure"])) == 3


def test_an_unknown_era_in_the_url_is_said_on_the_page(bundled):
    outputs = update_view(Catalog(bundled), ViewInputs(search="?era=heisei"), None)
    notices = [notice.children for notice in outputs["notices"]]
    assert notices == ["Unknown era 'heisei' ignored."]


def test_the_switch_is_shown_only_for_a_file_with_eras(bundled, mini):
    def switch_fieldset(dataset):
        page = explorer_layout(Catalog(dataset)).to_plotly_json()
        found = []

        def walk(node):
            if hasattr(node, "to_plotly_json"):
                node = node.to_plotly_json()
            if isinstance(node, dict):
                children = node.get("props", {}).get("children")
                kids = children if isinstance(children, list) else [children]
                if any(getattr(kid, "id", None) == ids.ERAS for kid in kids):
                    found.append(node["props"])
                for kid in kids:
                    walk(kid)

        walk(page)
        return found[0]

    assert switch_fieldset(bundled).get("hidden") is False
    assert switch_fieldset(mini).get("hidden") is True


def test_the_embeds_first_paint_draws_the_bands_and_labels_the_eras_in_their_strip(bundled):
    svg = ET.fromstring(str(drawings(Catalog(bundled).still(parse_view("from=2009", bundled).state))[-1].svg))
    rects = [node for node in svg.iter(f"{SVG}rect") if node.get("class") in ("era", "era-head")]
    assert len(rects) == 6
    labels = {
        "".join(node.itertext()): float(node.find(f"{SVG}text").get("y"))
        for node in svg.iter(f"{SVG}svg")
        if node.get("class") == "era"
    }
    assert set(labels) == {
        "Taiwan a WHA observer",
        "Abe Shinzo's second government",
        "Tsai Ing-wen's presidency",
    }
    events = [
        float(node.find(f"{SVG}text").get("y"))
        for node in svg.iter(f"{SVG}svg")
        if node.get("class") == "label"
    ]
    assert max(labels.values()) < min(events), "the era strip stands above every event label"


def era_rows(figure):
    return {era["id"]: era["row"] for era in figure["layout"]["timeline"]["eras"]}


def test_the_strip_is_as_deep_as_the_eras_in_the_window_the_chart_opens_on(bundled):
    catalog = Catalog(bundled)
    opening = catalog.view(ViewState()).figure  # opens on 2018–2019: Abe's and Tsai's eras overlap there
    assert opening["layout"]["xaxis"]["range"][0] > "2017"
    rows = era_rows(opening)
    assert (rows["abe-second-government"], rows["tsai-presidency"]) == (0, 1)
    assert rows["wha-observer-years"] == 1, "the era out of view shares a row rather than adding one"
    assert opening["layout"]["timeline"]["eraStrip"] == 2 * opening["layout"]["timeline"]["eraRow"] + 2
    heads = [shape for shape in opening["layout"]["shapes"] if shape["name"] == "era-head"]
    assert min(shape["y0"] for shape in heads) == -2 * opening["layout"]["timeline"]["eraRow"] + 1


def test_a_story_stop_with_no_era_in_its_window_keeps_no_strip_and_the_bands_stay_unlabelled(bundled):
    catalog = Catalog(bundled)
    early = catalog.view(parse_view("story=communique-to-networking&stop=1", bundled).state).figure
    layout = early["layout"]
    assert layout["xaxis"]["range"][1] < "1981"
    assert set(era_rows(early).values()) == {None} and layout["timeline"]["eraStrip"] == 0
    assert [shape["name"] for shape in layout["shapes"]] == ["era", "era", "era"], "bands, no heads"
    off = catalog.view(parse_view("story=communique-to-networking&stop=1&eras=off", bundled).state).figure
    assert layout["yaxis"]["range"] == off["layout"]["yaxis"]["range"], "as tall as with the eras off"
