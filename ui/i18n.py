"""The one translation mechanism of the window: ``tr(key, **values)`` in the current language.

Strings live in ``assets/i18n/*.yaml`` (one file per part of the window, each key with ``zh`` and ``en``);
names of policy things (line ids, areas, jobs, statuses) and the explanations come from the model's own
``simulator/texts/*.yaml``, read by the same code (``simulator.texts``), so a name is translated once for the
command line, the explanations and the window alike. Widgets re-read their strings in a ``retranslate()``
method when the language changes.

The window needs every string before it can show, so the YAML is also compiled, as gettext compiles .po to
.mo, into ``assets/i18n/compiled.json`` with a fingerprint of the YAML it came from: reading it takes about a
millisecond, where importing a YAML parser and parsing takes about thirty, a fifth of a bare window's start.
If the YAML has changed since (the fingerprint differs) the YAML itself is read, so an edit is never lost;
``python -m ui.i18n`` compiles again and a test fails while the compiled file is stale.
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from simulator import texts

STRINGS_DIR = Path(__file__).resolve().parent.parent / "assets" / "i18n"
COMPILED = STRINGS_DIR / "compiled.json"
LANGUAGES = ("zh", "en")
_current = "zh"


class MissingTranslation(KeyError):
    pass


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """All window strings: {key: {"zh": ..., "en": ...}}; the model's names and explanations included."""
    sources = _sources()
    return _read_compiled(sources) or parse_sources(sources)


def _sources() -> dict[str, bytes]:
    """The model's string files, then the window's (a key may be defined in only one of them)."""
    model = {f"simulator/{name}": data for name, data in texts.source_files().items()}
    return model | {path.name: path.read_bytes() for path in sorted(STRINGS_DIR.glob("*.yaml"))}


def fingerprint(sources: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name, data in sources.items():  # line endings as git may check them out on Windows: not a change
        digest.update(name.encode() + b"\0" + data.replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def parse_sources(sources: dict[str, bytes]) -> dict[str, dict[str, str]]:
    """The YAML files' strings, checked: each key has exactly 'zh' and 'en' and is defined once."""
    return texts.parse_sources(sources)


def _read_compiled(sources: dict[str, bytes]) -> dict[str, dict[str, str]] | None:
    """The compiled strings if they were made from exactly these YAML files; None if missing or stale."""
    try:
        data: Any = json.loads(COMPILED.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("fingerprint") != fingerprint(sources):
        return None
    strings = data.get("strings")
    return strings if isinstance(strings, dict) else None


def compile_catalogue(target: Path = COMPILED) -> Path:
    """Write the compiled strings (atomically: a reader never sees half a file)."""
    import os  # only when compiling: not on the window's start-up path
    import tempfile

    sources = _sources()
    text = json.dumps({"fingerprint": fingerprint(sources), "strings": parse_sources(sources)},
                      ensure_ascii=False, indent=0, sort_keys=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".compiled-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text + "\n")
        os.chmod(tmp, 0o644)  # mkstemp makes it private; this is a shipped asset
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


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


if __name__ == "__main__":
    print(f"wrote {compile_catalogue()}", file=sys.stderr)
