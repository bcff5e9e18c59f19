"""The words assets/js writes into the page, in the page's language, as one JSON block.

Each is keyed by its English text, the msgid, so assets/js/words.js shows the English itself where
a page has no block; `%(name)s` placeholders are filled in the browser."""

from __future__ import annotations

import json

from ..core.i18n import N_, translator
from . import ids

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
)


def client_words(lang: str) -> dict[str, str]:
    """Every message of assets/js in `lang`, by its English text."""
    gettext = translator(lang).gettext
    return {message: gettext(message) for message in CLIENT_MESSAGES}


def client_words_script(lang: str) -> str:
    """The words as a JSON data block (not run, so no script-src needed); '<' escaped so no text can
    close the element."""
    data = json.dumps(client_words(lang), ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{ids.CLIENT_WORDS}">{data}</script>'
