"""The bundled file quotes the China Brief article verbatim (the article is beside the repo, in shared/)."""

import re
from pathlib import Path

import pytest

from dashboard.core.loader import BUNDLED_EVENTS, load_dataset

ARTICLE = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "sources"
    / "china-brief-19-10-japan-taiwan-networking.txt"
)
OUTLET = "China Brief, Vol. 19 Issue 10"


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="module")
def article():
    if not ARTICLE.exists():
        pytest.skip(f"the source article is not beside the repository ({ARTICLE.name})")
    return plain(ARTICLE.read_text(encoding="utf-8"))


def test_every_quote_from_the_article_is_verbatim(article):
    quotes = [
        (event.id, source.quote)
        for event in load_dataset([BUNDLED_EVENTS]).events
        for source in event.sources
        if source.outlet == OUTLET and source.quote
    ]
    assert len(quotes) >= 30
    assert [(event_id, quote) for event_id, quote in quotes if plain(quote) not in article] == []


def test_every_event_cites_the_article(article):
    for event in load_dataset([BUNDLED_EVENTS]).events:
        outlets = {source.outlet for source in event.sources}
        assert OUTLET in outlets, event.id


def test_words_quoted_in_summaries_and_teaching_notes_are_the_articles(article):
    dataset = load_dataset([BUNDLED_EVENTS])
    texts = [event.summary for event in dataset.events]
    texts += [
        text for n in dataset.narratives for stop in n.stops for text in (stop.note, stop.question or "")
    ]
    quoted = [q for text in texts for q in plain(text).split('"')[1::2] if len(q) >= 12]
    straight = article.replace("“", '"').replace("”", '"').replace("’", "'")
    assert len(quoted) >= 20
    assert [q for q in quoted if q.rstrip(".,").replace("’", "'") not in straight] == []


def test_every_statement_quoted_from_the_article_is_verbatim(article):
    quoted = [
        (event.id, statement.text)
        for event in load_dataset([BUNDLED_EVENTS]).events
        for statement in event.statements
        if not isinstance(statement.source, int) or event.sources[statement.source - 1].outlet == OUTLET
    ]
    assert len(quoted) >= 5
    assert [(event_id, text) for event_id, text in quoted if plain(text) not in article] == []


def test_every_era_quotes_the_article_verbatim_or_cites_a_public_record_with_a_link(article):
    eras = load_dataset([BUNDLED_EVENTS]).eras
    assert {era.id for era in eras} >= {"wha-observer-years", "abe-second-government", "tsai-presidency"}
    for era in eras:
        quoted = [s.quote for s in era.sources if s.outlet == OUTLET and s.quote]
        assert [quote for quote in quoted if plain(quote) not in article] == [], era.id
        assert quoted or all(s.url for s in era.sources), era.id
