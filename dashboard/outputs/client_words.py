"""The words assets/js writes into a page (the explorer, the embed), in the page's language, as one JSON
block (`#client-words`).

Each is keyed by its English text, the msgid, so assets/js/words.js shows the English itself where
a page has no block; `%(name)s` placeholders are filled in the browser."""

from __future__ import annotations

from ..core.i18n import N_, translator

CLIENT_MESSAGES = (
    N_("Copied"),
    N_("Press Ctrl+C to copy"),
    N_("only"),
    N_("Only %(name)s"),
    N_("Find in %(count)s…"),
    N_("Find in this list"),
    N_("Present"),
    N_("Leave present mode"),
    N_("more"),
    N_("less"),
    N_("+%(count)s more"),
    N_("Time is stretched where events are dense"),
    N_("Timeline: %(title)s"),
    N_("◀ %(count)s earlier"),
    N_("%(count)s later ▶"),
)


def client_words(lang: str) -> dict[str, str]:
    """Every message of assets/js in `lang`, by its English text."""
    gettext = translator(lang).gettext
    return {message: gettext(message) for message in CLIENT_MESSAGES}
