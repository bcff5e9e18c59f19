"""What to say when a file's languages are wrong: a key that names no language we have, a map of
languages with nothing in it, or files loaded together that are written in different languages."""

from __future__ import annotations

from .i18n import DEFAULT, LANGUAGES, match_language
from .localized import BY_LANGUAGE
from .problems import Problem

_LISTED = f"{', '.join(LANGUAGES[:-1])} or {LANGUAGES[-1]}"


def _unknown_language(tag: object) -> str:
    message = f"'{tag}' is not a language of event files; use {_LISTED}"
    same = match_language(tag) if isinstance(tag, str) else None
    return message + f" (for {tag} write {same})" if same and same != tag else message


def language_message(error: dict) -> str | None:
    """The message for an error about languages (pydantic's error dict), or None for any other."""
    loc, kind = tuple(error["loc"]), error["type"]
    if BY_LANGUAGE not in loc and loc[:1] != ("language",):
        return None
    if kind == "literal_error":
        return _unknown_language(error.get("input"))
    if kind == "too_short" and loc[-1] == BY_LANGUAGE:
        return (
            "is an empty map of languages; write the text, or a map such as {en: …, ja: …} "
            "holding at least the file's language"
        )
    return None


def mixed_languages(files: list) -> list[Problem]:
    """Files loaded together must share one `language:` (each text's plain string is in it)."""
    problems: list[Problem] = []
    first = None
    for parsed in files:
        data = parsed.data if isinstance(parsed.data, dict) else {}
        language = data.get("language", DEFAULT)
        if first is None:
            first = (parsed.name, language)
        elif language != first[1] and language in LANGUAGES:
            path = ("language",) if "language" in data else ()
            message = (
                f"this file is written in {language} but {first[0]} in {first[1]}; files loaded "
                "together share one language: set the same `language:` in each"
            )
            problems.append(parsed.problem(path, message))
    return problems
