"""What a screen reader needs from each control, applied alike to the AT-SPI tree (what Orca reads on Linux) and
to Qt's own accessibility interfaces (what every platform's bridge reads): a name a person understands, in the
window's language, and a role that says what the control is."""

from __future__ import annotations

import re
from dataclasses import dataclass

CJK = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z]{3,}")
# English a Chinese window may show: the language switch, file kinds, the date pattern shown as an example
ZH_ALLOWED_WORDS = {"English", "PDF", "CSV", "YYYY"}
EN_ALLOWED_CJK = {"中文"}  # the switch back to Chinese says its own name
LETTERS = re.compile(r"[A-Za-z\u3400-\u9fff]")
# A recent-files entry ("1 王家-2026-11-28.json") names the person's own file, in whatever language it was named.
RECENT_FILE = re.compile(r"^&?\d+ .+\.json$")


@dataclass
class Node:
    where: str
    role: str            # a normalised role: "button", "check box", "text", … or "unknown"
    name: str
    labelled_by: str     # the text of the label a relation points to (a combo or field's label)
    focusable: bool
    showing: bool
    editable: bool = False


CONTROLS = {"button", "check box", "radio button", "combo box", "text", "page tab", "tree", "table", "menu item",
            "spin button", "slider", "link", "toggle button"}
NAMED_BY_LABEL = {"combo box", "text"}  # Linux bridges name a combo by its value; a label relation says what it is


def problems(nodes: list[Node], lang: str) -> list[str]:
    out = []
    for n in nodes:
        if n.role == "unknown" and n.focusable and n.showing:
            out.append(f"{n.where}: a control with no role a screen reader can say ({n.name!r})")
            continue
        if n.role not in CONTROLS or not (n.showing or n.role == "menu item"):
            continue
        wanted = n.labelled_by if n.role in NAMED_BY_LABEL and n.labelled_by else n.name
        if n.role in NAMED_BY_LABEL and not n.labelled_by and not (n.role == "text" and n.name):
            out.append(f"{n.where}: {n.role} {n.name!r} has no label")
        elif not LETTERS.search(wanted or ""):
            out.append(f"{n.where}: {n.role} without a name a person understands ({wanted!r})")
        for text in (n.name, n.labelled_by):  # each in the window's language
            if n.role == "menu item" and RECENT_FILE.match(text):
                continue
            if lang == "en" and CJK.search(text) and text.strip() not in EN_ALLOWED_CJK:
                out.append(f"{n.where}: {n.role} {text!r} is Chinese in the English window")
            if lang == "zh" and not CJK.search(text) and [w for w in WORD.findall(text) if w not in ZH_ALLOWED_WORDS]:
                out.append(f"{n.where}: {n.role} {text!r} is English in the Chinese window")
    return out
