"""The one translation mechanism of the window: ``tr(key, **values)`` in the current language.

Strings live in ``assets/i18n/*.yaml`` (one file per part of the window, each key with ``zh`` and ``en``);
names of policy things (line ids, areas, jobs, statuses) come from ``simulator.labels`` so they are
translated once for the command line and the window alike. Widgets re-read their strings in a
``retranslate()`` method when the language changes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from simulator.labels import LABELS

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # safe either way; the C one is 10× faster
STRINGS_DIR = Path(__file__).resolve().parent.parent / "assets" / "i18n"
LANGUAGES = ("zh", "en")
_current = "zh"


class MissingTranslation(KeyError):
    pass


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """All window strings: {key: {"zh": ..., "en": ...}}; policy labels included."""
    merged: dict[str, dict[str, str]] = {k: {"zh": zh, "en": en} for k, (zh, en) in LABELS.items()}
    for path in sorted(STRINGS_DIR.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        for key, entry in data.items():
            if not isinstance(entry, dict) or set(entry) != {"zh", "en"}:
                raise ValueError(f"{path.name}: {key}: needs exactly 'zh' and 'en'")
            if key in merged and key not in LABELS:
                raise ValueError(f"{path.name}: {key}: defined twice")
            merged[key] = entry
    return merged


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}")
    _current = lang


def language() -> str:
    return _current


def tr(key: str, lang: str | None = None, **values: object) -> str:
    entry = catalogue().get(key)
    if entry is None:
        raise MissingTranslation(key)
    text = entry[lang or _current]
    return text.format(**values) if values else text
