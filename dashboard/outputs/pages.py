"""What every server-rendered page shares: the Jinja2 templates (autoescaped) and the preview tags."""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..core.i18n import DEFAULT, translator
from ..core.markdown import READER

DESCRIPTION_CHARS = 200
CLOSING_TAG = re.compile(r"</(?=script|style)", re.IGNORECASE)
PLOTLY_JS = "vendor/plotly-basic-4.1.1.min.js"  # scatter, bar and pie: all our figures draw


def markdown_html(text: str) -> Markup:
    """Markdown from the event file as HTML: raw HTML stays text, images and script links are refused."""
    return Markup(READER.render(text))


def raw_text(text: str) -> Markup:
    """A stylesheet's or script's text, inlined so that it cannot end its own element early. Only
    `</script` and `</style` do that; escaping every `</` broke the chart's own code (`/</g`)."""
    return Markup(CLOSING_TAG.sub(r"<\\/", text))


@cache
def templates(lang: str) -> Environment:
    """The templates in one language: `{% trans %}` and `_()` read that language's catalogue (one
    environment per language, so no request changes another's words)."""
    environment = Environment(
        loader=PackageLoader(__package__, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_gettext_translations(translator(lang), newstyle=True)
    environment.filters |= {"markdown": markdown_html, "raw_text": raw_text}
    # |tojson escapes '<', '>', '&' and "'"; compact, and UTF-8 keeps CJK titles one character each.
    environment.policies["json.dumps_kwargs"] = {"separators": (",", ":"), "ensure_ascii": False}
    return environment


def render(template: str, lang: str = DEFAULT, **context: object) -> str:
    """A page (or part of one) from outputs/templates/, its fixed words in `lang` (also its `<html lang>`)."""
    return templates(lang).get_template(template).render(context, lang=lang)


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    return line[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def preview_tags(title: str, description: str, kind: str = "website") -> list[dict[str, str]]:
    """The description, Open Graph and Twitter card tags, as Dash's `meta_tags` takes them."""
    description = shorten(description)
    return [
        {"name": "description", "content": description},
        {"property": "og:title", "content": title},
        {"property": "og:description", "content": description},
        {"property": "og:type", "content": kind},
        {"name": "twitter:card", "content": "summary"},
        {"name": "twitter:title", "content": title},
        {"name": "twitter:description", "content": description},
    ]


def meta_html(tags: list[dict[str, str]]) -> str:
    """The tags as HTML, every value escaped (they come from the data), for Dash's own page."""
    return render("meta.html", tags=tags)
