"""Server-rendered pages: the embed's title and subtitle, no notices for readers, preview tags."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from dashboard.app import create_app
from dashboard.core.loader import BUNDLED_EVENTS, load_dataset
from dashboard.figures.credit import credit_line, document_name
from dashboard.outputs.pages import meta_html, preview_tags, shorten

PREVIEW_NAMES = ('name="description"', 'property="og:title"', 'property="og:description"',
                 'property="og:type"', 'name="twitter:card"')  # fmt: skip


@pytest.fixture(scope="module")
def client():
    return create_app().server.test_client()


def _text(client, url: str) -> str:
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _meta(page: str, name: str) -> str:
    """The tag's content as a reader gets it (entities decoded); a raw quote would have cut it short."""
    return unescape(re.search(rf'<meta {name} content="([^"]*)">', page).group(1))


def test_the_embed_title_and_subtitle_describe_the_period_and_filters(client):
    page = _text(client, "/embed?from=2018-06&to=2019&domains=military")
    assert '<h1 class="embed-title">Japan–Taiwan–PRC relations, Jun 2018–2019</h1>' in page
    assert re.search(
        r'<p class="embed-subtitle">Domains: Military &amp; security · \d+ of 30 events</p>', page
    )
    assert "1972–2019</h1>" not in page and "<title>Japan–Taiwan–PRC relations, Jun 2018–2019</title>" in page


def test_the_explorer_header_names_the_source_document_as_every_credit_does(client, bundled):
    """The header once joined title and outlet with a dash, the credit under every chart with a comma."""
    name = document_name(bundled.source_document)
    assert credit_line(bundled).endswith(" — " + name)
    assert json.dumps(f"{name} (2019)") in _text(client, "/")


def test_the_embed_drops_bad_parameters_without_a_notice(client):
    page = _text(client, "/embed?bogus=1&from=never&domains=nope&height=abc&title=maybe")
    assert 'class="notice"' not in page and "ignored" not in page
    assert '<h1 class="embed-title">' in page


@pytest.mark.parametrize("url", ["/", "/?q=submarine", "/embed", "/brief", "/story/taiwan-at-the-wha"])
def test_every_page_has_description_and_link_preview_tags(client, url):
    page = _text(client, url)
    for name in PREVIEW_NAMES:
        assert page.count(f"<meta {name} ") == 1, (url, name)


def test_a_story_link_previews_the_story_and_a_view_link_its_filters(client):
    dataset = load_dataset([BUNDLED_EVENTS])
    story = dataset.narrative("taiwan-at-the-wha")
    page = _text(client, "/story/taiwan-at-the-wha")
    assert _meta(page, 'property="og:title"').startswith(story.title)
    assert _meta(page, 'property="og:type"') == "article"
    view = _text(client, "/?from=2018-06&to=2019&q=submarine")
    assert _meta(view, 'property="og:title"') == "Japan–Taiwan–PRC relations, Jun 2018–2019"
    assert _meta(view, 'name="description"').startswith("Period: Jun 2018 to 2019 · Search: “submarine”")


def test_preview_text_from_the_data_is_escaped_and_kept_short():
    html = meta_html(preview_tags('A "quoted" <title>', "word " * 100))
    assert _meta(html, 'property="og:title"') == 'A "quoted" <title>'
    assert "<title>" not in html
    assert len(shorten("word " * 100)) <= 200 and shorten("word " * 100).endswith("…")


HOSTILE = Path(__file__).parent / "data" / "hostile.yaml"


@pytest.fixture(scope="module")
def hostile_client():
    return create_app([HOSTILE]).server.test_client()


@pytest.mark.parametrize(
    ("url", "prefix"),
    [("/", ""), ("/?story=hostile-story&stop=2", ""), ("/story/hostile-story", ""), ("/embed", ""),
     ("/brief", "Briefing: ")],
)  # fmt: skip
def test_a_title_that_closes_the_title_tag_stays_text_in_every_page_head(hostile_client, url, prefix):
    title = load_dataset([HOSTILE]).title
    assert "</title><meta http-equiv" in title
    page = _text(hostile_client, url)
    head = page.split("</head>")[0]
    [written] = re.findall(r"<title>(.*?)</title>", head, re.S)
    assert unescape(written) == prefix + title
    assert 'http-equiv="refresh"' not in page


def test_the_filters_placeholders_are_the_served_files_own_words_and_years():
    """They once named the bundled file ("e.g. WHA, submarine, Kono", 2009, 2019-05) whatever was served."""
    page = _text(
        create_app([Path(__file__).parent / "data" / "cold-war-mini.yaml"]).server.test_client(), "/"
    )
    placeholders = re.findall(r'"placeholder":"([^"]*)"', page)
    assert placeholders[:3] == ["e.g. festival", "e.g. 1950", "e.g. 1980"]
