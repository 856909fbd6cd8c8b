#!/usr/bin/env python3
"""Build the shipped Chinese font, ``assets/fonts/NotoSansSC-Regular-subset.otf``.

The app must draw Simplified Chinese without relying on system CJK fonts, so it ships one font, cut down
from Noto Sans CJK SC Regular to what the UI and the charts can need:

* every character of GB2312 (6763 hanzi plus its 682 symbols: punctuation, full-width Latin, kana, ...),
* printable ASCII and the Latin-1 supplement (so ``¥ · × ±`` and the no-break space are in),
* general punctuation U+2000-U+206F (``— … “ ” ‘ ’ ‰``), CJK symbols and punctuation U+3000-U+303F,
  full-width forms U+FF00-U+FFEF, arrows U+2190-U+21FF, and a few more: ``№ ℃ ™ € −``.

Source: the "Noto Sans CJK SC" face of the TrueType Collection in Debian's ``fonts-noto-cjk`` package. The
collection also holds the JP, KR, TC, HK and Mono faces, so the face is picked by its name table, never by
its index.

Output: an OpenType font with CFF outlines (not WOFF/WOFF2: matplotlib cannot read those). The family name
is renamed to "Bengbu Sans SC" (SHIPPED_FAMILY): with the original name a machine that also has Debian's
fonts-noto-cjk would hand Qt and matplotlib the system copy instead (the PDF then carried look-alike radicals
such as ⽣ for 生 when its text was copied). The OFL allows a modified font under a new name; the Reserved Font
Name is "Source", which the new name does not use. Only the OpenType
layout features a horizontal/vertical CJK UI uses are kept, and only the default and Simplified Chinese
(ZHS) language systems (the JP/KR/TC/HK ``locl`` variants would pull in thousands of extra glyphs). CFF
hints are dropped (about a fifth of the size; FreeType renders the unhinted outlines fine) unless
``--keep-hinting`` is given. The head table's timestamp is kept from the source, so the output is
byte-for-byte reproducible from the same source package.

Usage (from the repository root)::

    python tools/make_font.py                # writes assets/fonts/NotoSansSC-Regular-subset.otf
    python tools/make_font.py --source /path/to/NotoSansCJK-Regular.ttc --output /tmp/x.otf

Needs only fontTools (a dependency of matplotlib). The source comes from ``apt-get install fonts-noto-cjk``.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "assets" / "fonts" / "NotoSansSC-Regular-subset.otf"
DEFAULT_SOURCES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),  # Debian/Ubuntu fonts-noto-cjk
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),  # Arch, Fedora
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),
)
FAMILY = "Noto Sans CJK SC"  # name ID 1 of the face we want
STYLE = "Regular"  # name ID 2
SHIPPED_FAMILY = "Bengbu Sans SC"  # the subset's own family name, unique on any machine
SHIPPED_PS_NAME = "BengbuSansSC-Regular"

# Unicode blocks kept whole (inclusive ranges).
RANGES = (
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement: ¥ · × ± ° and accented letters
    (0x2000, 0x206F),  # general punctuation: — … “ ” ‘ ’ ‰ and the spaces
    (0x2190, 0x21FF),  # arrows
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。「」【】〇
    (0xFF00, 0xFFEF),  # half-width and full-width forms: ，：（）￥
)
# Single characters used in amounts, units and labels that are outside the blocks above.
EXTRA = "№℃™€−"  # U+2116, U+2103, U+2122, U+20AC, U+2212 (matplotlib's minus sign)

# OpenType layout features kept: shaping basics, kerning/proportional CJK spacing, vertical forms.
# Left out: aalt, dlig, fwid/hwid/pwid, hist, ruby (alternates a UI never asks for).
FEATURES = (
    "ccmp", "locl", "liga", "calt", "kern", "mark", "mkmk",  # basics
    "palt", "halt", "chws",  # proportional / half-width CJK punctuation
    "vert", "vrt2", "vkrn", "vpal", "vhal", "vchw",  # vertical text
)  # fmt: skip
# Script/language systems kept: each script's default plus Simplified Chinese.
SCRIPTS = ("DFLT", "hani", "kana", "latn", "grek", "cyrl", "hang")
LANGSYS = ("dflt", "ZHS ")


def gb2312_chars() -> set[str]:
    """Every character of GB2312: decode each two-byte code (rows and cells 0xA1-0xFE) that is assigned."""
    chars = set()
    for hi in range(0xA1, 0xF8):  # rows 1-87 (rows 10-15 and 88-94 are unassigned)
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def wanted_codepoints() -> set[int]:
    cps = {ord(c) for c in gb2312_chars()}
    for first, last in RANGES:
        cps.update(range(first, last + 1))
    cps.update(ord(c) for c in EXTRA)
    return cps


def find_source() -> Path:
    for path in DEFAULT_SOURCES:
        if path.is_file():
            return path
    if shutil.which("fc-match"):  # elsewhere: ask fontconfig where the face lives
        out = subprocess.run(["fc-match", "-f", "%{file}", f"{FAMILY}:style={STYLE}"], check=False, capture_output=True, text=True)
        path = Path(out.stdout.strip())
        if path.suffix.lower() in {".ttc", ".otc", ".otf"} and path.is_file():
            return path
    sys.exit("make_font: Noto Sans CJK not found; install it (apt-get install fonts-noto-cjk) or pass --source")


def face_index(path: Path) -> int:
    """Index of the Noto Sans CJK SC Regular face in a collection, found by the names in its name table."""
    if path.suffix.lower() not in {".ttc", ".otc"}:
        return -1  # a single font file
    collection = TTCollection(str(path), lazy=True)
    found = []
    for i, face in enumerate(collection.fonts):
        name = face["name"]
        family = name.getDebugName(16) or name.getDebugName(1)  # typographic family, else legacy family
        style = name.getDebugName(17) or name.getDebugName(2)
        if family == FAMILY and style == STYLE:
            found.append(i)
    collection.close()
    if len(found) != 1:
        sys.exit(f"make_font: expected one '{FAMILY} {STYLE}' face in {path}, found {len(found)}")
    return found[0]


def options(keep_hinting: bool) -> subset.Options:
    opts = subset.Options()
    opts.layout_features = list(FEATURES)
    opts.layout_scripts = [f"{script}.{lang.strip()}" for script in SCRIPTS for lang in LANGSYS]
    opts.hinting = keep_hinting
    opts.name_IDs = list(range(15))  # keep copyright, trademark, vendor, designer and the licence (IDs 0-14)
    opts.name_languages = ["*"]  # English and the zh-CN (0x804) names; both say "Noto Sans CJK SC"
    opts.notdef_outline = True  # a missing character shows as a box, not as nothing
    opts.flavor = None  # plain OpenType (CFF), not WOFF
    return opts


def rename(font: TTFont) -> None:
    """Give the subset its own family, full and PostScript names in every language of the name table."""
    names = {1: SHIPPED_FAMILY, 2: STYLE, 3: f"{SHIPPED_PS_NAME};subset of {FAMILY}", 4: f"{SHIPPED_FAMILY} {STYLE}",
             6: SHIPPED_PS_NAME, 16: SHIPPED_FAMILY, 17: STYLE}
    table = font["name"]
    table.names = [r for r in table.names if r.nameID not in names]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    cff = font["CFF "].cff
    cff.fontNames = [SHIPPED_PS_NAME]
    top = cff.topDictIndex[0]
    for key in ("FullName", "FamilyName"):
        if hasattr(top, key):
            setattr(top, key, SHIPPED_FAMILY if key == "FamilyName" else f"{SHIPPED_FAMILY} {STYLE}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="NotoSansCJK-Regular.ttc (default: the Debian fonts-noto-cjk path)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="default: %(default)s")
    parser.add_argument("--keep-hinting", action="store_true", help="keep CFF hints (larger file)")
    args = parser.parse_args(argv)

    source = args.source or find_source()
    index = face_index(source)
    font = TTFont(str(source), fontNumber=max(index, 0), recalcTimestamp=False, lazy=False)
    if font["name"].getDebugName(1) != FAMILY or "CFF " not in font:
        sys.exit(f"make_font: {source} (face {max(index, 0)}) is not a CFF-flavoured '{FAMILY}'")

    wanted = wanted_codepoints()
    available = set(font.getBestCmap())
    missing = [cp for cp in sorted(wanted - available) if chr(cp).isprintable() and not chr(cp).isspace()]

    subsetter = subset.Subsetter(options(args.keep_hinting))
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)

    rename(font)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(args.output))
    font.close()

    data = args.output.read_bytes()
    check = TTFont(str(args.output))
    print(f"source:  {source} (face {index}: {FAMILY} {STYLE}), renamed {SHIPPED_FAMILY}")
    print(f"output:  {args.output}")
    print(f"size:    {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")
    print(f"glyphs:  {len(check.getGlyphOrder())}, characters mapped: {len(check.getBestCmap())}")
    if missing:
        shown = " ".join(f"U+{cp:04X}" for cp in missing[:40])
        print(f"note:    {len(missing)} requested printable characters are not in the source font: {shown}")
    check.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
