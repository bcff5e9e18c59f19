"""Text of an event file in several languages: a field holds a string or a map {en: …, ja: …}.

A validated text field is a `Localized`: a str that is the text in the file's language (so every
reader of `event.title` keeps working), carrying its translations; `.get(lang)` gives the text to
show and the language it is in, which differs from `lang` when the text fell back. The file's
language comes from its top-level `language:` and reaches each field through pydantic's validation
context ({"language": …}); without one it is English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
    ValidationInfo,
    WrapValidator,
)

from .i18n import DEFAULT, LANGUAGES

Language = Literal[LANGUAGES]
# How the two shapes of a field show in an error's location (validation.py leaves them out).
ONE_LANGUAGE, BY_LANGUAGE = "one-language", "by-language"
SHAPE_TAGS = (ONE_LANGUAGE, BY_LANGUAGE)


class Localized(str):
    """Text in its file's language (the string itself) with its translations, by language."""

    language: str
    texts: dict[str, str]  # every language it is written in, the file's first

    def __new__(cls, text: str, language: str = DEFAULT, texts: Mapping[str, str] | None = None):
        self = super().__new__(cls, text)
        self.language = language
        others = {lang: other for lang, other in (texts or {}).items() if lang != language}
        self.texts = {language: str(text), **others}
        return self

    def get(self, lang: str) -> tuple[str, str]:
        """The text to show a reader of `lang`, and its language: `lang` if translated, else the file's."""
        if lang in self.texts:
            return self.texts[lang], lang
        return str(self), self.language

    def translation(self, lang: str) -> str:
        """The text in `lang` when that is a translation (not the file's own language), else ''."""
        return self.texts.get(lang, "") if lang != self.language else ""

    def written(self) -> str | dict[str, str]:
        """As an event file writes it: the string alone, or the map of languages when translated."""
        return str(self) if len(self.texts) == 1 else dict(self.texts)

    @classmethod
    def from_written(cls, value: str | Mapping[str, str], language: str) -> Localized:
        """Back from `written()` (already validated, e.g. in a snapshot), in a file of `language`."""
        if isinstance(value, str):
            return cls(value, language)
        return cls(value[language], language, value)


def file_language(info: ValidationInfo) -> str:
    """The language of the file being validated (its `language:`, passed as context)."""
    return (info.context or {}).get("language", DEFAULT)


def _shape(value: object) -> str:
    return BY_LANGUAGE if isinstance(value, Mapping) else ONE_LANGUAGE


def _localize(value: str | dict[str, str], info: ValidationInfo) -> Localized:
    language = file_language(info)
    if isinstance(value, str):
        return Localized(value, language)
    if language not in value:
        raise ValueError(
            f"has no '{language}' text, the file's language (its `language:`); "
            f"add {language}: … with the text the other languages translate"
        )
    return Localized(value[language], language, value)


def _keep_localized(value: object, handler, info: ValidationInfo) -> object:
    # A model built from validated parts (merging files) keeps each text's language and translations.
    return value if isinstance(value, Localized) else handler(value)


def translatable(text_type: object) -> object:
    """A text field that may also be written as a map of languages, each checked as `text_type`."""
    return Annotated[
        Annotated[text_type, Tag(ONE_LANGUAGE)]
        | Annotated[dict[Language, text_type], Field(min_length=1), Tag(BY_LANGUAGE)],
        Discriminator(_shape),
        AfterValidator(_localize),
        WrapValidator(_keep_localized),
        PlainSerializer(Localized.written),
    ]


def _who_translated(value: str | dict[str, str], info: ValidationInfo) -> dict[str, str]:
    if isinstance(value, str):
        return {lang: value for lang in LANGUAGES if lang != file_language(info)}
    return dict(value)


def translated_by(text_type: object) -> object:
    """Who made the translations: one mark for every language, or a map of language to mark."""
    return Annotated[
        Annotated[text_type, Tag(ONE_LANGUAGE)] | Annotated[dict[Language, text_type], Tag(BY_LANGUAGE)],
        Discriminator(_shape),
        AfterValidator(_who_translated),
    ]
