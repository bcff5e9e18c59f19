"""Build the print-only CJK fonts (assets/vendor/noto-sans-cjk/): Noto Sans CJK JP and TC cut down
to the CJK characters the bundled pages can show, and nothing else.

Why: Chromium's PDF names each glyph by one code point of the font's cmap, and the full Noto Sans
CJK maps look-alikes to one glyph (民 and the radical ⺠ U+2EA0, 長 and ⻑, 日 and ⽇, ・ and ‧, ～ and
〜), so text copied out of a printed page came out as radicals. A subset that holds only the
characters the pages use has one code point per glyph. fonts.css declares the faces inside
`@media print`: screen pages never fetch them.

Run after changing the message catalogues or the bundled events (tests/test_cjk_fonts.py fails
until then):  .venv/bin/pip install -e '.[fonts]' && .venv/bin/python scripts/cjk_fonts.py
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from babel.lists import format_list
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

from dashboard.core.dates import PartialDate
from dashboard.core.i18n import LANGUAGES, catalogue_name
from dashboard.core.local_dates import MODERN_ERAS, ROC_FIRST_YEAR, local_date
from dashboard.core.shown import language_name
from dashboard.views.languages import AUTONYMS

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "vendor" / "noto-sans-cjk"
SYSTEM_FONTS = Path("/usr/share/fonts/opentype/noto")  # Debian's and Ubuntu's fonts-noto-cjk
FACES = {"jp": "Noto Sans CJK JP", "tc": "Noto Sans CJK TC"}
WEIGHTS = {"regular": "Regular", "bold": "Bold"}
FIRST_CJK = 0x2E80  # CJK Radicals Supplement; below it the Latin Noto Sans or the system draws


def _generated_texts() -> list[str]:
    """The CJK text pages make rather than read from a file: dates (each modern era's first day,
    and its first year, which also names the era before; the ROC's first year), CLDR's list words
    ('A、B、またはC') and the names of the languages."""
    days = [era.since for era in MODERN_ERAS]
    dates = [PartialDate(day.year, day.month, day.day) for day in days]
    dates += [PartialDate(day.year) for day in days] + [PartialDate(ROC_FIRST_YEAR, 1, 1)]
    texts = [local_date(date, lang) for date in dates for lang in LANGUAGES]
    texts += [
        format_list(["A", "B", "C"], style=style, locale=catalogue_name(lang))
        for lang in LANGUAGES
        for style in ("standard", "or")
    ]
    names = [language_name(tag, reader) for tag, reader in itertools.product(LANGUAGES, repeat=2)]
    return [*texts, *AUTONYMS.values(), *names]


def page_characters(root: Path = ROOT) -> str:
    """The CJK characters of the message catalogues, the bundled event files, the dates and the
    language names: all the CJK text a page of the bundled data shows, in code point order."""
    files = [*root.glob("dashboard/locale/*/LC_MESSAGES/messages.po"), *root.glob("events/*.yaml")]
    texts = [path.read_text("utf-8") for path in files] + _generated_texts()
    return "".join(sorted({char for text in texts for char in text if ord(char) >= FIRST_CJK}))


def face_path(face: str, weight: str) -> str:
    return f"noto-sans-cjk-{face}-{weight}.woff2"


def _collection_face(path: Path, family: str) -> TTFont:
    index = next(
        i
        for i, font in enumerate(TTCollection(path, lazy=True).fonts)
        if font["name"].getDebugName(1) == family
    )
    return TTFont(path, fontNumber=index)


def build(source_dir: Path, characters: str, out: Path = OUT) -> None:
    """Subset each face and weight to `characters` (woff2, no hinting: it is drawn for print)."""
    options = subset.Options(layout_features=[], hinting=False, desubroutinize=True)
    options.drop_tables += ["vhea", "vmtx", "VORG", "BASE"]  # vertical writing: the pages have none
    out.mkdir(parents=True, exist_ok=True)
    for (face, family), (weight, style) in itertools.product(FACES.items(), WEIGHTS.items()):
        font = _collection_face(source_dir / f"NotoSansCJK-{style}.ttc", family)
        missing = set(characters) - set(map(chr, font.getBestCmap()))
        if missing:
            raise SystemExit(f"{family} {style} has no glyph for {''.join(sorted(missing))}")
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=characters)
        subsetter.subset(font)
        font.flavor = "woff2"
        font.save(out / face_path(face, weight))
        print(f"{face_path(face, weight)}: {(out / face_path(face, weight)).stat().st_size:,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source-dir", type=Path, default=SYSTEM_FONTS, help="holds NotoSansCJK-*.ttc")
    build(parser.parse_args().source_dir, page_characters())


if __name__ == "__main__":
    main()
