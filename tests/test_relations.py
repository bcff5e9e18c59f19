"""Typed relations read both ways, and statements grouped by party."""

from dashboard.core.filters import parse_view
from dashboard.core.relations import TYPES, grouped, pairs_among, word
from dashboard.core.statements import by_party, quoted_in
from dashboard.figures.marks import mark_positions
from dashboard.views.catalog import Catalog

TSAI, DECLINES, CONSIDERS = (
    "tsai-sankei-interview-2019",
    "japan-declines-security-dialogue-2019",
    "japan-considers-security-dialogue-2019",
)


def groups_of(dataset, event_id):
    return grouped(dataset.event(event_id), dataset.inbound(event_id))


def test_every_type_has_a_word_for_each_direction():
    assert word("responds-to", True) == "Responds to" and word("responds-to", False) == "Answered by"
    assert word("part-of", False) == "Includes" and word(None, True) == word(None, False) == "Related"
    assert all(len(words) == 2 and all(words) for words in TYPES.values())


def test_a_response_is_named_from_both_ends(bundled):
    assert groups_of(bundled, DECLINES) == [("Responds to", [TSAI]), ("Same issue", [CONSIDERS])]
    assert groups_of(bundled, TSAI) == [
        ("Answered by", [DECLINES]),
        ("Related", ["joint-communique-1972", CONSIDERS]),
    ], "named by the decline, typed: listed once, under its type, though Tsai's own entry is untyped"


def test_an_untyped_relation_reads_as_related_from_either_end(mini):
    assert groups_of(mini, "beta-festival") == [("Leads to", ["joint-lab"]), ("Related", ["alpha-founded"])]
    assert groups_of(mini, "alpha-founded") == [("Related", ["beta-festival"])]
    assert groups_of(mini, "joint-lab") == [("Follows from", ["beta-festival"])]


def test_a_story_path_links_only_the_events_on_it(bundled):
    path = [bundled.event(event_id) for event_id in (TSAI, DECLINES, "joint-communique-1972")]
    assert sorted(pairs_among(path)) == sorted(
        [(TSAI, "joint-communique-1972"), (TSAI, DECLINES), (DECLINES, TSAI), ("joint-communique-1972", TSAI)]
    )


def test_statements_group_by_party_and_find_their_source(mini):
    lab = mini.event("joint-lab")
    assert [(party, len(said)) for party, said in by_party(lab)] == [("Alphaland", 1), ("Betastan", 1)]
    alpha, beta = lab.statements
    assert quoted_in(lab, alpha) == (lab.sources[0], 1)
    assert quoted_in(lab, beta)[0].outlet == "Betastan Radio" and quoted_in(lab, beta)[1] is None


def _curves(trace):
    curves, current = [], []
    for x, y in zip(trace["x"], trace["y"], strict=True):
        if x is None:
            curves.append(current)
            current = []
        else:
            current.append((x[:10], y))
    return curves


def test_a_selected_event_is_linked_to_each_related_mark_and_a_same_month_reply_gets_a_loop(bundled):
    figure = Catalog(bundled).view(parse_view(f"?event={TSAI}", bundled).state).figure
    links = figure["data"][-2]
    assert links["meta"] == {"kind": "relations"} and links["hoverinfo"] == "skip"
    marks = mark_positions(figure)
    curves = _curves(links)
    assert {(curve[0], curve[-1]) for curve in curves} == {
        (marks[TSAI][0], marks[other][0]) for other in ("joint-communique-1972", CONSIDERS, DECLINES)
    }
    assert marks[TSAI][0] == marks[DECLINES][0], "both dated March 2019: one spot on the chart"
    loops = [curve for curve in curves if curve[0] == curve[-1]]
    assert len(loops) == 2 and all(max(marks[TSAI][0][1] - y for _, y in loop) >= 20 for loop in loops)
    assert min(y for _, y in loops[1]) < min(y for _, y in loops[0]), "the second loop is the wider"


def test_nothing_selected_draws_no_links(bundled):
    figure = Catalog(bundled).view(parse_view("", bundled).state).figure
    assert figure["data"][-2]["meta"] == {"kind": "relations"} and figure["data"][-2]["x"] == []


def test_a_story_stop_links_the_related_events_of_its_path(bundled):
    state = parse_view("?story=communique-to-networking&stop=11", bundled).state
    figure = Catalog(bundled).view(state).figure
    links = figure["data"][-2]
    marks = mark_positions(figure)
    ends = {frozenset((curve[0], curve[-1])) for curve in _curves(links)}
    assert frozenset((marks[TSAI][0], marks[DECLINES][0])) in ends
    spots = {spot for positions in marks.values() for spot in positions}
    assert all(point in spots for end in ends for point in end), "every link joins two marks"
