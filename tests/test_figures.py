from collections import Counter

import pandas as pd

from dashboard.core.colors import SAFE_COLORS
from dashboard.core.frame import events_frame
from dashboard.core.model import Domain
from dashboard.figures.story import story_figure
from dashboard.figures.theme import domain_colors, empty_figure
from dashboard.figures.timeline import numbered, timeline_figure


def event_marks(figure, kinds=("point", "span")):
    return Counter(
        (trace["meta"]["domain"], row[0])
        for trace in figure["data"]
        if trace["meta"]["kind"] in kinds
        for row in trace["customdata"]
    )


def test_every_event_gets_one_full_mark_in_its_first_domain_and_an_echo_in_the_others(mini):
    figure = timeline_figure(events_frame(mini), mini.domains)
    assert event_marks(figure) == Counter(
        {
            ("science", "alpha-founded"): 1,
            ("culture", "beta-festival"): 1,
            ("science", "joint-lab"): 1,
            ("science", "gamma-prize"): 1,
        }
    )
    assert event_marks(figure, ("echo",)) == Counter({("culture", "joint-lab"): 1})
    assert all(trace["meta"]["kind"] != "links" for trace in figure["data"])


def test_every_drawn_event_has_one_hidden_label_for_the_browser_to_lay_out(mini):
    figure = timeline_figure(events_frame(mini), mini.domains)
    labels = [note for note in figure["layout"]["annotations"] if note["name"] == "label"]
    items = figure["layout"]["timeline"]["labels"]
    assert [item["id"] for item in items] == [event.id for event in mini.events]
    assert [note["text"] for note in labels] == [item["text"] for item in items]
    assert not any(note["visible"] for note in labels)
    founded = next(item for item in items if item["id"] == "alpha-founded")
    assert founded["text"] == "Alpha institute founded (1950)", "a year-only label says the year"
    assert founded["dated"] == "1950 · Alpha institute founded", "upright labels lead with the date"


def test_labels_keep_the_whole_title_for_the_browser_to_cut_where_room_runs_out(bundled):
    figure = timeline_figure(events_frame(bundled), bundled.domains)
    texts = {item["id"]: item["text"] for item in figure["layout"]["timeline"]["labels"]}
    for event in bundled.events:
        assert texts[event.id].startswith(event.label or event.title)


def test_numbered_labels_carry_their_number_and_say_whether_every_label_shows_it(mini):
    figure = timeline_figure(events_frame(mini), mini.domains)
    numbers = {event.id: n for n, event in enumerate(mini.events, start=1) if n != 2}
    numbered(figure, numbers)
    items = figure["layout"]["timeline"]["labels"]
    assert items[0]["number"] == "1" and "number" not in items[1]
    assert figure["layout"]["timeline"]["numbered"] is True
    assert numbered(figure, numbers, always=False)["layout"]["timeline"]["numbered"] is False


def test_a_story_figure_is_set_in_projector_type(bundled):
    narrative = bundled.narratives[0]
    figure = story_figure(events_frame(bundled), bundled.domains, [stop.event for stop in narrative.stops], 2)
    sizes = [note["font"]["size"] for note in figure["layout"]["annotations"]]
    assert min(sizes) >= 16 and figure["layout"]["xaxis"]["tickfont"]["size"] >= 16


def test_a_story_stop_never_opens_on_empty_time_past_its_events(bundled):
    """A stop's window is its neighbours padded, but cut near the story's first and last events: the
    last stops once showed months after the last event (over a third of their window)."""
    frame = events_frame(bundled)
    for narrative in bundled.narratives:
        path = [stop.event for stop in narrative.stops]
        rows = frame[frame["id"].isin(path)]
        for number in range(1, len(path) + 1):
            low, high = pd.to_datetime(
                story_figure(frame, bundled.domains, path, number)["layout"]["xaxis"]["range"]
            )
            slack = (high - low) * 0.1  # a mark at the very edge needs some room
            assert high <= rows["last_day"].max() + slack, (narrative.id, number)
            assert low >= rows["start"].min() - slack, (narrative.id, number)


def test_spans_are_bars_and_points_are_markers(mini):
    figure = timeline_figure(events_frame(mini), mini.domains)
    kinds = {(t["type"], t["meta"]["kind"]) for t in figure["data"] if t["meta"]["kind"] in {"point", "span"}}
    assert kinds == {("bar", "span"), ("scatter", "point")}
    bar = next(t for t in figure["data"] if t["meta"] == {"kind": "span", "domain": "culture"})
    assert bar["base"] == ["1960-01-01"]
    assert bar["x"][0] == 1827 * 86_400_000  # 1960-01-01 to 1964-12-31 inclusive: five years, two leap


def test_a_year_only_event_sits_mid_year_hollow_over_a_band_across_its_year(mini):
    figure = timeline_figure(events_frame(mini), mini.domains)
    points = next(t for t in figure["data"] if t["meta"] == {"kind": "point", "domain": "science"})
    at = [row[0] for row in points["customdata"]].index("alpha-founded")
    assert points["x"][at] == "1950-07-02"
    assert points["marker"]["color"][at] == "white"
    band = next(t for t in figure["data"] if t["meta"] == {"kind": "precision", "domain": "science"})
    assert band["base"][0] == "1950-01-01" and band["x"][0] == 365 * 86_400_000


def test_hover_shows_the_date_at_its_precision_title_and_domains(mini):
    figure = timeline_figure(events_frame(mini), mini.domains)
    rows = [row for t in figure["data"] if t["meta"]["kind"] == "point" for row in t["customdata"]]
    assert ["alpha-founded", "1950", "Alpha institute founded", "Science"] in rows
    assert ["gamma-prize", "15 Jun 1980", "Gamma prize awarded", "Science"] in rows


def test_hover_text_from_data_is_escaped(mini):
    hostile = mini.events[0].model_copy(update={"title": "<a href='javascript:x'>click</a>"})
    frame = events_frame(mini.model_copy(update={"events": (hostile, *mini.events[1:])}))
    rows = [row for t in timeline_figure(frame, mini.domains)["data"] if t["meta"]["kind"] == "point"
            for row in t["customdata"]]  # fmt: skip
    assert "&lt;a href='javascript:x'&gt;click&lt;/a&gt;" in [row[2] for row in rows]


def test_the_selected_event_is_ringed_at_its_labelled_mark(mini):
    figure = timeline_figure(events_frame(mini), mini.domains, selected="joint-lab")
    ring = figure["data"][-1]
    assert ring["meta"] == {"kind": "selection"}
    assert ring["x"] == ["1971-03-01"]


def test_lanes_can_be_limited_without_changing_colours(mini):
    full = timeline_figure(events_frame(mini), mini.domains)
    culture_only = timeline_figure(events_frame(mini), mini.domains, shown={"culture"})
    lane_names = [a["text"] for a in culture_only["layout"]["annotations"] if a["name"] == "lane"]
    assert lane_names == ["<b>Culture</b>"]
    color = {t["meta"]["domain"]: t["marker"]["color"] for t in full["data"] if t["meta"]["kind"] == "span"}
    assert [t["marker"]["color"] for t in culture_only["data"] if t["meta"]["kind"] == "span"] == [
        color["culture"]
    ]


def test_domains_without_a_colour_get_colour_blind_safe_defaults():
    domains = [Domain(id="a", label="A"), Domain(id="b", label="B", color="#123456")]
    assert domain_colors(domains) == {"a": SAFE_COLORS[0], "b": "#123456"}


def test_an_empty_view_says_so_on_the_chart(mini):
    figure = timeline_figure(events_frame(mini).iloc[0:0], mini.domains)
    assert figure == empty_figure()
    assert figure["layout"]["annotations"][0]["text"] == "No events match these filters."


def test_the_time_axis_never_shows_day_ticks_at_decade_scale(mini):
    stops = timeline_figure(events_frame(mini), mini.domains)["layout"]["xaxis"]["tickformatstops"]
    assert stops[-1] == {"dtickrange": ["M12", None], "value": "%Y"}


def test_the_chart_opens_on_the_dense_stretch_with_the_whole_span_in_the_overview(bundled):
    figure = timeline_figure(events_frame(bundled), bundled.domains)
    axis = figure["layout"]["xaxis"]
    start, end = (pd.Timestamp(bound) for bound in axis["range"])
    recent = [e for e in bundled.events if e.date.year >= 2018]
    assert start <= min(pd.Timestamp(e.date.first_day()) for e in recent if e.date.precision != "year")
    assert end >= max(pd.Timestamp(e.date.first_day()) for e in recent)
    assert end - start < pd.Timedelta(days=3 * 365)
    assert axis["rangeslider"]["visible"] is True


def test_a_sparse_view_shows_its_whole_span(mini):
    figure = timeline_figure(events_frame(mini), mini.domains)
    start, end = (pd.Timestamp(bound) for bound in figure["layout"]["xaxis"]["range"])
    assert start < pd.Timestamp("1950-01-01") and end > pd.Timestamp("1980-06-15")
