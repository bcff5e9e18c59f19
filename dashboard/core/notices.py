"""Notices to a reader about what of their request was ignored, written in the reader's language.

Rules that drop a value (a bad URL parameter, an unknown id) say so with `notices.gettext(...)`,
which `pybabel extract` finds like any `gettext` call, so every notice is in the catalogues."""

from __future__ import annotations

from .i18n import DEFAULT, translator


class Notices(list[str]):
    """The notices of one request, in order, with the gettext of its language."""

    def __init__(self, lang: str = DEFAULT) -> None:
        super().__init__()
        self.lang = lang
        self.gettext = translator(lang).gettext
        self.ngettext = translator(lang).ngettext
