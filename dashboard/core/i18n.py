"""The interface's languages: which exist, which one a request asks for, and its message catalogue.

Catalogues are gettext files under dashboard/locale/<locale>/LC_MESSAGES/messages.po, compiled to
the .mo beside them with `pybabel compile` and committed (as Django does), so an installed wheel
needs no build step; tests/test_catalogues.py fails when a .mo is older than its .po.
"""

from __future__ import annotations

import gettext
from functools import lru_cache

from babel.core import get_global, parse_locale

from .resources import PACKAGE

DEFAULT = "en"
LANGUAGES = ("en", "ja", "zh-Hant")  # BCP 47 tags, as in `lang=` and `<html lang>`
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "messages"
MAX_PREFERENCES = 20  # an Accept-Language header is untrusted: read at most this many entries


def catalogue_name(lang: str) -> str:
    """The catalogue folder of a language, in Babel's spelling: 'zh-Hant' → 'zh_Hant'."""
    return lang.replace("-", "_")


@lru_cache(maxsize=len(LANGUAGES))
def translator(lang: str) -> gettext.NullTranslations:
    """The language's messages (`.gettext`, `.ngettext`); English is the source text itself."""
    if lang == DEFAULT:
        return gettext.NullTranslations()
    if lang not in LANGUAGES:
        raise ValueError(f"no catalogue for {lang!r}; languages are {', '.join(LANGUAGES)}")
    path = LOCALE_DIR / catalogue_name(lang) / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("rb") as file:
        return gettext.GNUTranslations(file)


def _language_and_script(tag: str) -> tuple[str, str] | None:
    """A tag's language and its written script, the script inferred from CLDR's likely subtags where
    the tag leaves it out (zh-TW → Hant, zh-CN and plain zh → Hans); None for a tag that is no locale."""
    try:
        language, territory, script, *_ = parse_locale(tag.strip(), sep="-")
    except ValueError:
        return None
    likely = get_global("likely_subtags")
    for key in (f"{language}_{territory}", language):
        if script is None and key in likely:
            script = parse_locale(likely[key])[2]
    return language.lower(), script or ""


SUPPORTED = {_language_and_script(lang): lang for lang in LANGUAGES}


def match_language(tag: str) -> str | None:
    """The supported language a tag names (en-GB → en, zh-TW or zh-Hant-HK → zh-Hant), else None.
    Simplified Chinese (zh-CN, zh-Hans, zh) is not matched: see pick_language."""
    return SUPPORTED.get(_language_and_script(tag))


def accepted_tags(header: str) -> list[str]:
    """An Accept-Language header's tags, most wanted first (q-values; ties keep their order); tags
    with q=0 or a malformed q are dropped."""
    weighted = []
    for position, entry in enumerate(header.split(",")[:MAX_PREFERENCES]):
        tag, _, params = entry.partition(";")
        quality = 1.0
        name, _, value = params.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value)
            except ValueError:
                continue
        if tag.strip() and 0 < quality <= 1:
            weighted.append((-quality, position, tag.strip()))
    return [tag for *_, tag in sorted(weighted)]


def pick_language(url_param: str | None, accept_language: str | None) -> str:
    """The page's language: the URL's `lang=` if it names one we have, else the first language of the
    Accept-Language header we have, else English. A reader who asks for Simplified Chinese gets their
    next choice, else English, not Traditional: our zh-Hant pages write dates in the ROC calendar,
    which is not theirs to be given unasked; `lang=zh-Hant` still opens them."""
    for tag in [url_param or "", *accepted_tags(accept_language or "")]:
        found = match_language(tag) if tag else None
        if found:
            return found
    return DEFAULT


def N_(message: str) -> str:
    """Marks a message where it is defined (a table of words) so `pybabel extract` finds it; the
    code that shows it translates it with its page's gettext."""
    return message
