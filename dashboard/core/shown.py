"""Event-file text as a page shows it: in the reader's language when the file has it, else in the
file's language with a quiet marker naming that language in the reader's words ("英語", "英文")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale

from .i18n import catalogue_name, translator


@cache
def language_name(tag: str, reader: str) -> str:
    """A language as a reader of `reader` names it (CLDR through Babel): 'en' in ja → '英語'."""
    names = Locale.parse(catalogue_name(reader)).languages
    return names.get(catalogue_name(tag)) or names.get(tag.split("-")[0], tag)


@dataclass(frozen=True)
class Shown:
    """The text a reader sees, the language it is written in, and the marker when that is not the
    reader's ('' when it is)."""

    text: str
    lang: str
    marker: str = ""

    def __str__(self) -> str:
        return self.text

    @property
    def marked(self) -> str:
        """The text with its marker, for plain-text surfaces (Markdown, hover labels)."""
        return f"{self.text} {self.marker}" if self.marker else self.text


def fallback_marker(shown_lang: str, reader: str) -> str:
    """'(English)', '（英語）': what follows text that is not in the reader's language."""
    words = translator(reader).gettext("(%(language)s)")
    return words % {"language": language_name(shown_lang, reader)}


def shown(text: object, reader: str) -> Shown:
    """`text` (a Localized from the event file, or plain text, taken to be the reader's) as shown to
    a reader of `reader`."""
    if not hasattr(text, "get") or not hasattr(text, "texts"):
        return Shown(str(text), reader)
    value, lang = text.get(reader)
    return Shown(value, lang, "" if lang == reader else fallback_marker(lang, reader))
