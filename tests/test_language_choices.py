"""The language switch links to the same view in each language, and English is always asked for."""

from __future__ import annotations

from urllib.parse import parse_qs

from dashboard.core.filters import parse_view
from dashboard.core.i18n import LANGUAGES
from dashboard.views.languages import language_choices


def test_every_language_is_offered_in_its_own_name_with_the_same_view(bundled):
    state = parse_view("q=Kono&lang=ja", bundled).state
    choices = language_choices(state, {"title": "off"})
    assert [choice.lang for choice in choices] == list(LANGUAGES)
    assert [choice.name for choice in choices] == ["English", "日本語", "繁體中文"]
    assert [choice.current for choice in choices] == [False, True, False]
    for choice in choices:
        params = parse_qs(choice.query.lstrip("?"))
        assert params["q"] == ["Kono"] and params["title"] == ["off"] and params["lang"] == [choice.lang]
        reopened = parse_view(choice.query, bundled, extra_keys=("title",), accept_language="ja").state
        assert reopened.lang == choice.lang and reopened.query == "Kono"
