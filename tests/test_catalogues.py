"""The message catalogues are complete, current and compiled: every marked string is in every
catalogue, translated and not fuzzy, and each committed .mo is its .po compiled."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from dashboard.core.i18n import DEFAULT, DOMAIN, LANGUAGES, LOCALE_DIR, catalogue_name
from tests.serving import ROOT

TRANSLATED = [lang for lang in LANGUAGES if lang != DEFAULT]


def _catalogue(lang: str) -> Catalog:
    with (LOCALE_DIR / catalogue_name(lang) / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as file:
        return read_po(file)


def _ids(catalogue: Catalog) -> set:
    return {message.id for message in catalogue if message.id}


def test_each_language_but_english_has_a_catalogue_and_no_other_is_there():
    assert sorted(path.name for path in LOCALE_DIR.iterdir() if path.is_dir()) == sorted(
        catalogue_name(lang) for lang in TRANSLATED
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_string_is_translated_and_none_is_fuzzy(lang):
    catalogue = _catalogue(lang)
    untranslated = [m.id for m in catalogue if m.id and not all(m.string if m.pluralizable else [m.string])]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == [] and not catalogue.fuzzy
    assert [(m.id, errors) for m, errors in catalogue.check()] == []  # placeholders kept
    assert "project-made" in (catalogue.last_translator or "")  # a newsroom knows what to review


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set:
    """The strings the code and templates mark, as `pybabel extract` (README: "Languages") finds them."""
    template = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "pyproject.toml",
         "-o", str(template), "."],
        cwd=ROOT, check=True,
    )  # fmt: skip
    with template.open("rb") as file:
        return _ids(read_po(file))


def test_extraction_finds_the_pages_fixed_words(extracted):
    assert {"Chronology", "Full view ↗", "Timeline of %(number)s events from %(title)s"} <= extracted


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_catalogue_holds_exactly_the_marked_strings(lang, extracted):
    held = _ids(_catalogue(lang))
    assert {"missing (run pybabel update)": extracted - held, "no longer marked": held - extracted} == {
        "missing (run pybabel update)": set(),
        "no longer marked": set(),
    }


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_compiled_catalogue_is_its_po_compiled(lang):
    compiled = io.BytesIO()
    write_mo(compiled, _catalogue(lang))
    committed = LOCALE_DIR / catalogue_name(lang) / "LC_MESSAGES" / f"{DOMAIN}.mo"
    assert committed.read_bytes() == compiled.getvalue(), "run: pybabel compile -d dashboard/locale"
