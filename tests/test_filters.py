import re

import pytest

from dashboard.core.dates import PartialDate
from dashboard.core.filters import ViewState, facet_counts, filter_events, parse_view, view_from_values
from dashboard.core.frame import events_table
from dashboard.views.catalog import Catalog, Sort
from dashboard.views.highlight import marked


@pytest.fixture(scope="module")
def frame(mini):
    return events_table(mini)


def ids(rows):
    return list(rows["id"])


def test_the_default_view_keeps_every_event(frame):
    assert ids(filter_events(frame, ViewState())) == [
        "alpha-founded",
        "beta-festival",
        "joint-lab",
        "gamma-prize",
    ]


def test_a_domain_filter_keeps_events_in_any_chosen_domain(frame):
    assert ids(filter_events(frame, ViewState(domains=("culture",)))) == ["beta-festival", "joint-lab"]
    assert ids(filter_events(frame, ViewState(domains=()))) == []


def test_an_actor_filter_keeps_events_naming_any_chosen_actor(frame):
    assert ids(filter_events(frame, ViewState(actors=("Gammaland", "Alphaland")))) == [
        "alpha-founded",
        "joint-lab",
        "gamma-prize",
    ]


def test_a_period_keeps_events_that_overlap_it_at_their_precision(frame):
    # beta-festival runs 1960–1964 (to 31 Dec 1964); joint-lab Mar 1971–Nov 1973.
    state = ViewState(start=PartialDate(1964, 12), end=PartialDate(1971, 3))
    assert ids(filter_events(frame, state)) == ["beta-festival", "joint-lab"]
    assert ids(filter_events(frame, ViewState(start=PartialDate(1965), end=PartialDate(1971, 2)))) == []


def test_search_matches_words_in_title_summary_people_and_tags(frame):
    assert ids(filter_events(frame, ViewState(query="ada"))) == ["beta-festival"]
    assert ids(filter_events(frame, ViewState(query="FESTIV"))) == ["beta-festival"]
    assert ids(filter_events(frame, ViewState(query="labo share"))) == ["joint-lab"]
    assert ids(filter_events(frame, ViewState(query="aboratory"))) == []


def test_search_finds_the_words_of_a_statement(frame):
    assert ids(filter_events(frame, ViewState(query="scientists side"))) == ["joint-lab"], (
        "only Betastan said it"
    )


def test_a_short_term_matches_whole_words_and_a_long_one_word_starts(frame):
    assert ids(filter_events(frame, ViewState(query="labor"))) == ["joint-lab"], "5 letters: a word start"
    assert ids(filter_events(frame, ViewState(query="fes"))) == [], "3 letters: only the whole word"


def test_wha_finds_the_world_health_assembly_and_not_what(bundled):
    table = events_table(bundled)
    found = filter_events(table, ViewState(query="WHA"))
    assert len(found) >= 3
    assert all(re.search(r"\bWHA\b", text, re.IGNORECASE) for text in found["search_text"])
    assert any(re.search(r"\bwhat\b", text) for text in table.frame["search_text"]), "the trap is there"


def test_matches_are_cut_out_for_highlighting():
    assert marked("What the WHA said", "wha") == [("What the ", False), ("WHA", True), (" said", False)]
    assert marked("Submarines", "submarine") == [("Submarine", True), ("s", False)]
    assert marked("Plain", "") == [("Plain", False)]


def test_search_text_is_not_a_regular_expression(frame):
    assert ids(filter_events(frame, ViewState(query=".*"))) == []


def test_a_url_round_trips_through_the_view_state(mini):
    query = "?domains=science&actors=Alphaland,Betastan&from=1950&to=1972-06&q=lab&event=joint-lab"
    parsed = parse_view(query, mini)
    assert parsed.notices == ()
    assert parsed.state == ViewState(
        domains=("science",),
        actors=("Alphaland", "Betastan"),
        start=PartialDate(1950),
        end=PartialDate(1972, 6),
        query="lab",
        event="joint-lab",
    )
    assert parsed.state.to_query() == query


def test_url_values_are_matched_case_insensitively_to_their_canonical_names(mini):
    state = parse_view("?domains=SCIENCE&actors=alphaland", mini).state
    assert (state.domains, state.actors) == (("science",), ("Alphaland",))


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("?domains=magic", "Unknown domain 'magic' ignored."),
        ("?actors=Nowhere", "Unknown actor 'Nowhere' ignored."),
        ("?from=1999-13", "'from=1999-13' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); ignored."),
        ("?to=soon", "'to=soon' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); ignored."),
        ("?from=1990&to=1980", "'from=1990' is after 'to=1980'; the period was ignored."),
        ("?event=missing", "Unknown event 'missing' ignored."),
        ("?colour=red", "Unknown parameter 'colour' ignored."),
        ("?q=" + "x" * 300, "The search text was cut to 200 characters."),
    ],
)
def test_bad_url_values_are_dropped_with_a_notice(mini, query, notice):
    parsed = parse_view(query, mini)
    assert parsed.notices == (notice,)
    assert parsed.state.to_query() in ("", "?q=" + "x" * 200)


def test_only_unknown_domains_means_no_domain_filter_rather_than_nothing(mini):
    assert parse_view("?domains=magic", mini).state.domains is None


def test_an_explicitly_empty_domain_list_shows_nothing(mini):
    state = parse_view("?domains=", mini).state
    assert state.domains == ()
    assert state.to_query() == "?domains="


def test_widget_values_of_the_wrong_type_are_ignored(mini):
    parsed = view_from_values(
        mini, domains={"a": 1}, actors="Alphaland", start=5, end=None, query=["x"], event=3
    )
    assert parsed.state == ViewState(domains=(), actors=())


def test_tracking_parameters_are_ignored_silently(mini):
    assert parse_view("?utm_source=newsletter&q=lab", mini).notices == ()


def test_facet_counts_ignore_their_own_filter_but_apply_the_others(frame):
    domains, actors = facet_counts(frame, ViewState(domains=("culture",), actors=("Betastan",)))
    assert domains == {"culture": 2, "science": 1}
    assert actors == {"Betastan": 2, "Alphaland": 1}


def test_the_chronology_sorts_by_title_or_importance(mini):
    catalog = Catalog(mini)
    by_title = catalog.view(ViewState(), Sort("title"))
    assert ids(by_title.rows) == ["alpha-founded", "beta-festival", "gamma-prize", "joint-lab"]
    by_importance = catalog.view(ViewState(), Sort("importance", descending=True))
    assert ids(by_importance.rows)[0] == "alpha-founded"


def test_an_unexpected_sort_value_falls_back_to_date_order():
    assert Sort.from_value({"key": "__class__"}) == Sort() == Sort.from_value("date")


STOPS = ["²", "٢", "9" * 5000, "-1", 0, 10**5000, True]


@pytest.mark.parametrize("stop", STOPS, ids=["superscript", "arabic", "long-text", "-1", "0", "huge", "true"])
def test_a_stop_that_is_not_a_few_ascii_digits_starts_the_story_at_stop_1(bundled, stop):
    parsed = view_from_values(bundled, story="taiwan-at-the-wha", stop=stop)
    assert parsed.state.stop == 1
    assert parsed.notices[0].endswith("is not a stop number; starting at stop 1.")
    assert len(parsed.notices[0]) < 100


@pytest.mark.parametrize("value", ["0000", "0000-01", "0000-02-29"])
def test_year_zero_is_not_a_date(mini, value):
    parsed = parse_view(f"?from={value}&to={value}", mini)
    assert (parsed.state.start, parsed.state.end) == (None, None)
    assert parsed.notices == tuple(
        f"'{key}={value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); ignored." for key in ("from", "to")
    )


def test_thousands_of_unknown_values_give_one_short_notice_each(mini):
    unknown = [f"x{number}" for number in range(10_000)]
    parsed = view_from_values(mini, domains=unknown, actors=["Alphaland", *unknown])
    assert parsed.state.actors == ("Alphaland",)
    assert parsed.notices == (
        "Unknown domains 'x0', 'x1', 'x2' and 9,997 more ignored.",
        "Unknown actors 'x0', 'x1', 'x2' and 9,997 more ignored.",
    )
    query = "&".join(f"k{number}=1" for number in range(1_000))
    assert parse_view(query, mini).notices == ("Unknown parameters 'k0', 'k1', 'k2' and 997 more ignored.",)
