"""The language switch every page shows: each language in its own name, linking to the same view in it.

One list for the explorer (web/) and the pages made from templates (outputs/), so they offer the same
choices in the same order."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from ..core.filters import ViewState
from ..core.i18n import LANGUAGES

# Each language named as its readers write it (CLDR's autonyms), so a reader finds theirs in any page.
AUTONYMS = {"en": "English", "ja": "日本語", "zh-Hant": "繁體中文"}


@dataclass(frozen=True)
class LanguageChoice:
    lang: str
    name: str
    query: str  # the view's query string in that language, `lang=` always written: a reader whose
    # browser asks for Japanese and who picks English must get English
    current: bool


def language_choices(state: ViewState, extra: dict[str, str] | None = None) -> list[LanguageChoice]:
    """The languages to switch to from `state`; `extra` holds a page's own parameters (the embed's
    `title=off`, say), kept in every link."""
    choices = []
    for lang in LANGUAGES:
        params = {**replace(state, lang=lang).to_params(), **(extra or {}), "lang": lang}
        query = "?" + urlencode(params, safe=",:")
        choices.append(LanguageChoice(lang, AUTONYMS[lang], query, lang == state.lang))
    return choices
