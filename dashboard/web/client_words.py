"""The explorer's client words (outputs/client_words.py) as the JSON block Dash's index page carries."""

from __future__ import annotations

import json

from ..outputs.client_words import client_words
from . import ids


def client_words_script(lang: str) -> str:
    """The words as a JSON data block (not run, so no script-src needed); '<' escaped so no text can
    close the element."""
    data = json.dumps(client_words(lang), ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{ids.CLIENT_WORDS}">{data}</script>'
