"""The print-only CJK fonts (assets/vendor/noto-sans-cjk, made by scripts/cjk_fonts.py) hold every
CJK character the bundled pages show, one code point per glyph, and fonts.css declares them for
print alone: a catalogue or event file edited without rebuilding them fails here."""

from __future__ import annotations

import importlib.util
import itertools
import re
from collections import Counter
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("cjk_fonts", ROOT / "scripts" / "cjk_fonts.py")
cjk_fonts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cjk_fonts)
FILES = [cjk_fonts.face_path(*face) for face in itertools.product(cjk_fonts.FACES, cjk_fonts.WEIGHTS)]


def cmap(name: str) -> dict[int, str]:
    return TTFont(cjk_fonts.OUT / name).getBestCmap()


def test_the_page_characters_hold_the_names_dates_and_words_that_copied_out_wrong():
    characters = cjk_fonts.page_characters()
    assert set("民國長謝蔡令和平成元年月日・～、。") <= set(characters)
    assert set("繁體中文日本語") <= set(characters), "the language switch's names"
    assert "⺠" not in characters and "⻑" not in characters and "a" not in characters


@pytest.mark.parametrize("name", FILES)
def test_each_print_font_holds_every_cjk_character_the_bundled_pages_show(name):
    missing = set(cjk_fonts.page_characters()) - set(map(chr, cmap(name)))
    assert not missing, f"run scripts/cjk_fonts.py: {name} lacks {''.join(sorted(missing))}"


@pytest.mark.parametrize("name", FILES)
def test_no_glyph_of_a_print_font_stands_for_two_characters(name):
    """A shared glyph copies out of Chromium's PDF as only one of its code points."""
    shared = [glyph for glyph, count in Counter(cmap(name).values()).items() if count > 1]
    assert shared == []


def test_fonts_css_declares_each_print_font_inside_media_print_only():
    css = (ROOT / "assets" / "fonts.css").read_text("utf-8")
    screen, _, printed = css.partition("@media print {")
    urls = re.compile(r"url\(vendor/noto-sans-cjk/([^)]+)\)")
    assert urls.findall(screen) == [], "a screen page would fetch it"
    assert sorted(urls.findall(printed)) == sorted(FILES)
