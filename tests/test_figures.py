from collections import Counter

from dashboard.figures import SAFE_COLORS, domain_colors, empty_figure, timeline_figure
from dashboard.frame import events_frame
from dashboard.model import Domain


def event_marks(figure):
    return Counter(
        (trace["meta"]["domain"], row[0])
        for trace in figure["data"]
        if trace["meta"]["kind"] in {"point", "span"}
        for row in trace["customdata"]
    )


def test_every_event_gets_one_mark_in_each_of_its_domains(mini):
    figure = timeline_figure(events_frame(mini), mini.domains)
    assert event_marks(figure) == Counter(
        {
            ("science", "alpha-founded"): 1,
            ("culture", "beta-festival"): 1,
            ("science", "joint-lab"): 1,
            ("culture", "joint-lab"): 1,
            ("science", "gamma-prize"): 1,
        }
    )


def test_spans_are_bars_and_points_are_markers(mini):
    figure = timeline_figure(events_frame(mini), mini.domains)
    kinds = {(t["type"], t["meta"]["kind"]) for t in figure["data"] if t["meta"]["kind"] in {"point", "span"}}
    assert kinds == {("bar", "span"), ("scatter", "point")}
    bar = next(t for t in figure["data"] if t["meta"] == {"kind": "span", "domain": "culture"})
    assert bar["base"] == ["1960-01-01", "1971-03-01"]
    assert bar["x"][0] == 1827 * 86_400_000  # 1960-01-01 to 1964-12-31 inclusive: five years, two leap


def test_a_multi_domain_event_is_linked_across_its_lanes(mini):
    figure = timeline_figure(events_frame(mini), mini.domains)
    links = next(t for t in figure["data"] if t["meta"]["kind"] == "links")
    assert links["x"] == ["1971-03-01", "1971-03-01", None]


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


def test_the_selected_event_is_ringed_in_every_lane(mini):
    figure = timeline_figure(events_frame(mini), mini.domains, selected="joint-lab")
    ring = figure["data"][-1]
    assert ring["meta"] == {"kind": "selection"}
    assert len(ring["x"]) == 2


def test_lanes_can_be_limited_without_changing_colours(mini):
    full = timeline_figure(events_frame(mini), mini.domains)
    culture_only = timeline_figure(events_frame(mini), mini.domains, shown={"culture"})
    assert culture_only["layout"]["yaxis"]["ticktext"] == ["Culture"]
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
