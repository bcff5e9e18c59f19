import datetime
import re
from html import unescape

import pytest

from dashboard.__main__ import main
from dashboard.app import create_app
from dashboard.core.filters import parse_view
from dashboard.core.loader import load_dataset
from dashboard.outputs.brief import brief_markdown, briefing_state
from dashboard.outputs.brief_html import brief_page
from dashboard.outputs.pages import markdown_html
from dashboard.views.catalog import Catalog
from dashboard.views.view_words import describe_view, view_subtitle, view_title
from tests.conftest import MINI

ASSETS = {
    "fonts": "/fonts.css",
    "font": "/latin.woff2",
    "css": "/brief.css",
    "js": "/brief.js",
    "plotly": "/plotly.js",
    "imports": ["/labels.js"],
}
HOSTILE = """\
title: "Hostile <script>alert('title')</script>"
description: "A description with <img src=x onerror=alert(1)>"
events:
  - id: hostile-event
    date: "2001-02"
    title: "</td><script>alert('event')</script>"
    summary: "**Bold** text & 1 < 2 in [a link](https://example.org/)."
    domains: [diplomatic]
    actors: ["<b>Actor</b>"]
    importance: 1
    sources:
      - outlet: "<script>alert('outlet')</script>"
        title: "A \\"quoted\\" title"
        url: "https://example.org/?a=\\"><script>alert('url')</script>"
        quote: "</li><script>alert('quote')</script>"
"""


def _texts(page, pattern):
    """What a reader sees in each match of the pattern's group (written with no raw '<' or '"', so
    unescaped data would not match): the HTML entities decoded."""
    return [unescape(text) for text in re.findall(pattern, page)]


def _describe(query, dataset):
    return describe_view(parse_view(query, dataset).state, dataset)


def _view(dataset, query=""):
    return Catalog(dataset).view(briefing_state(parse_view(query, dataset).state))


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return load_dataset([path])


def test_a_view_without_filters_is_described_as_all_events(bundled):
    assert _describe("", bundled) == ["All events (no filters)"]


def test_each_filter_is_described_in_words_with_labels_not_ids(bundled):
    query = "domains=military&actors=Japan,PRC&from=2018&to=2019-05&q=submarine"
    assert _describe(query, bundled) == [
        "Domains: Military & security",
        "Actors: Japan or PRC",
        "Period: 2018 to May 2019",
        "Search: “submarine”",
    ]


def test_a_view_title_replaces_the_datasets_years_with_the_views_period(bundled):
    def title(query):
        return view_title(bundled, parse_view(query, bundled).state)

    assert title("") == "Japan–Taiwan–PRC relations, 1972–2019"
    assert title("from=2018-06&to=2019") == "Japan–Taiwan–PRC relations, Jun 2018–2019"
    assert title("from=2009") == "Japan–Taiwan–PRC relations, from 2009"
    assert title("to=1979&domains=military") == "Japan–Taiwan–PRC relations, up to 1979"


def test_a_view_subtitle_says_the_other_filters_and_the_count(bundled):
    view = _view(bundled, "from=2018-06&to=2019&domains=military")
    assert view_subtitle(bundled, view) == f"Domains: Military & security · {view.count} of 30 events"
    assert view_subtitle(bundled, _view(bundled)) == "All 30 events"


def test_three_choices_are_listed_with_commas_and_a_final_or(bundled):
    assert _describe("actors=Japan,PRC,Taiwan", bundled) == ["Actors: Japan, PRC or Taiwan"]


def test_an_open_ended_period_says_from_or_up_to(bundled):
    assert _describe("from=2018-03-02", bundled) == ["Period: from 2 Mar 2018"]
    assert _describe("to=1979", bundled) == ["Period: up to 1979"]
    assert _describe("from=2019&to=2019", bundled) == ["Period: 2019"]


def test_an_empty_domain_choice_is_described_as_none(bundled):
    assert _describe("domains=", bundled) == ["Domains: none"]


def test_the_selection_and_story_do_not_narrow_a_briefing(bundled):
    state = parse_view("q=Hsieh&event=hsieh-basic-law-call-2019&story=view&stop=2", bundled).state
    assert briefing_state(state) == parse_view("q=Hsieh", bundled).state


def test_the_markdown_memo_numbers_endnotes_in_order_of_first_citation(bundled):
    memo = brief_markdown(bundled, _view(bundled))
    chronology, sources = memo.split("## Sources")
    cited = [
        int(n) for marks in re.findall(r"\*\* \[([\d, ]+)\]$", chronology, re.M) for n in marks.split(", ")
    ]
    firsts = list(dict.fromkeys(cited))
    assert firsts == list(range(1, len(firsts) + 1))
    listed = [int(n) for n in re.findall(r"^(\d+)\. ", sources, re.M)]
    assert listed == firsts


def test_the_markdown_memo_keeps_the_hsieh_events_cjk_text_and_its_sources(bundled):
    memo = brief_markdown(bundled, _view(bundled, "q=Hsieh"))
    assert memo.startswith("# Briefing: Japan–Taiwan–PRC relations, 1972–2019\n")
    assert "- Search: “Hsieh”" in memo
    assert "**3 of 30 events**" in memo
    assert (
        "- **Jan 2019 — Frank Hsieh urges Japan to adopt a Basic Law on Japan-Taiwan Relations** [1, 2]"
        in memo
    )
    assert "日台交流基本法" in memo
    assert "1. Epoch Times, 29 Jan 2019." in memo
    assert memo.rstrip().endswith("China Brief (The Jamestown Foundation), Vol. 19 Issue 10")


def test_a_source_cited_twice_gets_one_endnote(mini):
    memo = brief_markdown(mini, _view(mini))
    assert "- **1950 — Alpha institute founded** [1]" in memo
    assert "- **15 Jun 1980 — Gamma prize awarded** [1]" in memo
    assert "4. " not in memo.split("## Sources")[1]


def test_the_memo_is_the_same_every_time_it_is_made(mini):
    assert brief_markdown(mini, _view(mini)) == brief_markdown(mini, _view(mini))


def test_markdown_from_plain_text_fields_stays_literal(hostile):
    memo = brief_markdown(hostile, _view(hostile))
    assert "<script>" not in memo
    assert "\\<script\\>alert('outlet')\\</script\\>" in memo
    assert "<https://example.org/?a=\"%3E%3Cscript%3Ealert('url')%3C/script%3E>" in memo


def test_the_page_escapes_every_text_from_the_data(hostile):
    page = brief_page(hostile, _view(hostile), ASSETS, ("Unknown parameter '<x>' ignored.",))
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == [
        '<script src="/plotly.js" defer>',
        '<script type="module" src="/brief.js">',
        '<script type="application/json" id="figure-data">',
        '<script type="application/json" id="config-data">',
    ]
    assert '<link rel="modulepreload" href="/labels.js">' in page, "what the module imports comes at once"
    for raw in ("<img", "<b>", "</td><script", "</li><script"):
        assert raw not in page
    assert _texts(page, r"<h1>([^<]*)</h1>") == [hostile.title]
    assert _texts(page, r'<li id="note-1">.*? <a href="([^"]*)">') == [hostile.events[0].sources[0].url]
    # The summary is Markdown: rendered (it used to print as literal **Bold**), its text still escaped.
    assert '<strong>Bold</strong> text &amp; 1 &lt; 2 in <a href="https://example.org/">a link</a>.' in page
    assert _texts(page, r'<p class="notice">([^<]*)</p>') == ["Unknown parameter '<x>' ignored."]


def test_the_page_holds_the_filters_chart_chronology_and_numbered_sources(bundled):
    page = brief_page(bundled, _view(bundled, "q=Hsieh"), ASSETS)
    assert "<li>Search: “Hsieh”</li>" in page
    assert '<p class="count">3 of 30 events</p>' in page
    assert '"staticPlot":true' in page and '"width":660' in page
    assert page.count('<tr id="event-') == 3
    assert '<a href="#note-1">1</a>, <a href="#note-2">2</a>' in page
    # 5 works, not 7 notes: the three events' China Brief quotes are now one endnote for the article.
    assert re.findall(r'<li id="note-(\d+)">', page) == [str(n) for n in range(1, 6)]
    assert "日台交流基本法" in page


def test_summaries_render_as_markdown_without_raw_html_or_script_links():
    # Validation already refuses raw HTML and script links in summaries; the renderer refuses them too.
    html = markdown_html("<script>alert(1)</script> [run](javascript:alert(1)) ![pic](https://x.org/p.png)")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html and "<img" not in html


def test_an_article_cited_by_many_events_is_one_endnote_listing_them(bundled):
    page = brief_page(bundled, _view(bundled), ASSETS)
    notes = re.findall(r'<li id="note-\d+">China Brief, Vol\. 19 Issue 10\.(.*?)</ul></li>', page, re.S)
    assert len(notes) == 1
    cited = [e for e in bundled.events if any(s.outlet == "China Brief, Vol. 19 Issue 10" for s in e.sources)]
    assert f"Cited by {len(cited)} events:" in notes[0] and len(cited) > 5
    assert [f"#event-{e.id}" for e in cited] == re.findall(r'href="(#event-[^"]+)"', notes[0])
    memo = brief_markdown(bundled, _view(bundled))
    assert memo.count("China Brief, Vol. 19 Issue 10.") == 1
    assert re.search(r"^\d+\. China Brief, Vol\. 19 Issue 10\. Cited by \d+ events:$", memo, re.M)
    assert re.search(r"^ {3,4}- No\. 1, .+: “the government of Prime Minister Abe", memo, re.M)


def test_a_brief_says_when_it_was_prepared_and_links_the_view(bundled):
    day = datetime.date(2026, 3, 4)
    view = _view(bundled, "q=Hsieh")
    memo = brief_markdown(bundled, view, "https://timeline.example", prepared=day)
    assert "Prepared on 4 Mar 2026 from <https://timeline.example/?q=Hsieh>" in memo
    page = brief_page(bundled, view, ASSETS, url="https://timeline.example", prepared=day)
    assert '<time datetime="2026-03-04">4 Mar 2026</time>' in page
    assert '<a href="https://timeline.example/?q=Hsieh">https://timeline.example/?q=Hsieh</a>' in page


def test_the_brief_page_has_description_and_link_preview_tags(hostile):
    page = brief_page(hostile, _view(hostile), ASSETS)
    for name in ('name="description"', 'property="og:title"', 'property="og:description"',
                 'property="og:type"', 'name="twitter:card"'):  # fmt: skip
        assert f"<meta {name}" in page
    assert '<meta property="og:title" content="Briefing: Hostile &lt;script&gt;' in page


def test_an_empty_view_prints_a_sentence_instead_of_a_chart(bundled):
    page = brief_page(bundled, _view(bundled, "q=nothingmatchesthis"), ASSETS)
    assert "No events match these filters." in page
    assert "figure-data" not in page


@pytest.fixture(scope="module")
def client():
    return create_app().server.test_client()


def test_the_brief_route_shows_notices_and_is_not_frameable(client):
    response = client.get("/brief?domains=military&print=1&bogus=1")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<li>Domains: Military &amp; security</li>" in page
    assert "Unknown parameter 'bogus' ignored." in unescape(page)
    assert "'print'" not in unescape(page)
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]


def test_the_brief_download_is_a_markdown_file(client):
    response = client.get("/download/brief?q=Hsieh")
    assert response.headers["Content-Type"] == "text/markdown; charset=utf-8"
    assert (
        response.headers["Content-Disposition"]
        == 'attachment; filename="japan-taiwan-prc-relations-hsieh.md"'
    ), "the file name says which view it holds"
    whole = client.get("/download/brief").headers["Content-Disposition"]
    assert whole == 'attachment; filename="japan-taiwan-prc-relations-1972-2019.md"'
    assert "日台交流基本法" in response.get_data(as_text=True)


def test_export_command_writes_the_brief_of_a_view(capsys):
    assert main(["export", "brief", str(MINI), "--query", "q=festival"]) == 0
    out, err = capsys.readouterr()
    assert "- Search: “festival”" in out
    assert "**1 of 4 events**" in out
    assert err == ""


def test_the_memo_lists_statements_as_a_table_and_relations_both_ways_under_each_event(mini):
    memo = brief_markdown(mini, _view(mini))
    lab = memo[memo.index("Joint laboratory** [3]") : memo.index("Gamma prize awarded**")]
    assert "  | Alphaland | “A shared lab.” | Test Gazette, 2 Mar 1971 |\n" in lab
    assert "  | Betastan | “Our scientists will work side by side with Alphaland's.” | Betastan Radio" in lab
    assert "  Follows from: Beta festival years (1960 – 1964)\n" in lab
    assert "  Leads to: Joint laboratory (Mar 1971 – Nov 1973)\n" in memo


def test_the_page_lists_statements_and_links_related_rows_it_holds(bundled):
    page = brief_page(bundled, _view(bundled, "domains=diplomatic"), ASSETS)
    row = page[page.index('id="event-japan-declines-security-dialogue-2019"') :]
    row = row[: row.index("</tr>\n<tr")]
    assert '<strong>Responds to:</strong> <a href="#event-tsai-sankei-interview-2019">' in row
    assert "<strong>Same issue:</strong>" in row
    abe = page[page.index('id="event-abe-normal-path-2019"') :]
    cells = _texts(abe[: abe.index("</table>")], r"<td>([^<]*(?:<q>[^<]*</q>)?)</td>")
    words = "<q>fully returned to their normal path</q>"
    assert cells[:3] == ["Japan", words, "China Brief, Vol. 19 Issue 10"]
