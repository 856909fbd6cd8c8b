"""Every sentence and name the model says, in Chinese and English, as data.

The strings live in ``simulator/texts/*.yaml``: ``labels.yaml`` names the policy's things (areas, jobs,
units, statuses, totals), and one file per measure holds, for each line id it makes, the line's name (the
key is the line id) and its explanation templates (``<line id>.<template>``). Each key is ``{zh, en}``;
nested keys are joined with dots. The window reads the same files through ``ui.i18n``: one mechanism.

Templates use ``str.format`` fields, with a few formats of the policy's own:

    {amount:yuan}     2000 → "2,000"; 1234.5 → "1,234.50"
    {rate:pct}        0.3 → "30%"
    {order:ordinal}   2 → "二孩" / "2nd child"
    {area:label}      "longzihu" → "龙子湖区" / "Longzihu District"
    {orders:list}     (1, 2) → "1、2" / "1, 2"
    {parts:clauses}   phrases joined with "；" / "; "   ({parts:phrases}: "，" / "; "; {parts:plus}: "＋" / " + ")
    {day}             a date → "2024-01-01"

A value may itself be a Text (a phrase made from another template), put in in the same language;
so a name in a sentence always comes from the labels, never a raw id.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from .money import fmt

TEXTS_DIR = Path(__file__).with_name("texts")
LANGUAGES = ("zh", "en")


class TextError(ValueError):
    pass


def parse_strings(name: str, data: Any, prefix: str = "", out: dict[str, dict[str, str]] | None = None
                  ) -> dict[str, dict[str, str]]:
    """Flatten one file's YAML into {key: {"zh", "en"}}, checking that every leaf has exactly both."""
    out = {} if out is None else out
    if not isinstance(data, dict):
        raise TextError(f"{name}: {prefix or '(top level)'}: must be a mapping")
    for key, entry in data.items():
        full = f"{prefix}{key}"
        if isinstance(entry, dict) and set(entry) == set(LANGUAGES) and all(isinstance(v, str) for v in entry.values()):
            if full in out:
                raise TextError(f"{name}: {full}: defined twice")
            out[full] = {"zh": entry["zh"], "en": entry["en"]}
        elif isinstance(entry, dict) and entry and not set(entry) & set(LANGUAGES):
            parse_strings(name, entry, full + ".", out)
        else:
            raise TextError(f"{name}: {full}: needs exactly 'zh' and 'en'")
    return out


def source_files(directory: Path = TEXTS_DIR) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.glob("*.yaml"))}


def parse_sources(sources: Mapping[str, bytes]) -> dict[str, dict[str, str]]:
    """All strings of several YAML files, each key defined once across them."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    strings: dict[str, dict[str, str]] = {}
    for name, data in sources.items():
        for key, entry in parse_strings(name, yaml.load(data.decode("utf-8"), Loader=loader) or {}).items():
            if key in strings:
                raise TextError(f"{name}: {key}: defined twice")
            strings[key] = entry
    return strings


@cache
def strings() -> dict[str, dict[str, str]]:
    """The model's strings, read once."""
    return parse_sources(source_files())


def label(key: str, lang: str) -> str:
    """The name of a policy thing (a line id, area, job, unit, status) in ``lang``; the key itself if unnamed."""
    entry = strings().get(key) or strings().get(f"{key}.label")
    if entry is None:
        return key
    return entry["zh" if lang == "zh" else "en"]


def status_label(status: str, lang: str) -> str:
    return label("status_" + status, lang)


# The formats of the policy's own, per language.
def _yuan(value: Any, lang: str) -> str:
    return fmt(value)


def _pct(value: Any, lang: str) -> str:
    return f"{value * 100:g}%"


_ORDINALS_ZH = {1: "一孩", 2: "二孩", 3: "三孩"}
_SUFFIXES_EN = {1: "st", 2: "nd", 3: "rd"}


def ordinal(order: int, lang: str) -> str:
    """A birth order as the policy says it: 2 → "二孩" / "2nd child"."""
    if lang == "zh":
        return _ORDINALS_ZH.get(order) or f"第{order}孩"
    return f"{order}{_SUFFIXES_EN.get(order if order < 20 else order % 10, 'th')} child"


def _list(values: Iterable[Any], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(map(str, values))


def _clauses(values: Iterable[Any], lang: str) -> str:
    return ("；" if lang == "zh" else "; ").join(map(str, values))


def _plus(values: Iterable[Any], lang: str) -> str:
    return ("＋" if lang == "zh" else " + ").join(map(str, values))


def _phrases(values: Iterable[Any], lang: str) -> str:
    return ("，" if lang == "zh" else "; ").join(map(str, values))


FORMATS: dict[str, Callable[[Any, str], str]] = {
    "yuan": _yuan, "pct": _pct, "ordinal": ordinal, "label": label, "list": _list, "clauses": _clauses,
    "phrases": _phrases, "plus": _plus,
}


@cache
def labels(lang: str) -> dict[str, str]:
    """Every name ``{x:label}`` can put in, in ``lang``: what ``label`` gives, as one table."""
    table = {}
    for key, entry in strings().items():
        if key.endswith(".label"):
            table.setdefault(key[:-len(".label")], entry[lang])
        table[key] = entry[lang]
    return table


class Sentence:
    """One template in both languages, turned once into two small functions of the sentence's values (the
    literal text and each field in order, converted by its format: what ``str.format`` would do, without
    parsing the sentence again for every line).

    An amount is the same in both languages, so a field written ``{x:yuan}`` in both is formatted once, for
    both; a name (``{x:label}``) is looked up in each language's table of labels."""

    __slots__ = ("key", "money", "plain", "zh", "en")

    def __init__(self, key: str, zh: str, en: str):
        self.key = key
        fields = {lang: list(string.Formatter().parse(text)) for lang, text in (("zh", zh), ("en", en))}
        specs = {lang: {name: spec for _, name, spec, conv in parsed if name is not None and not conv}
                 for lang, parsed in fields.items()}
        self.money = tuple(name for name, spec in specs["zh"].items()
                           if spec == "yuan" and specs["en"].get(name) == "yuan")
        # the fields a phrase (a Text, or a tuple of them) can be put in: those without a format
        self.plain = tuple({name for lang in LANGUAGES for name, spec in specs[lang].items() if not spec}
                           | {name for lang in LANGUAGES for name, spec in specs[lang].items()
                              if spec in ("clauses", "phrases", "plus", "list")})
        self.zh, self.en = (self._compile(fields[lang], lang) for lang in LANGUAGES)

    def _compile(self, parsed: list, lang: str) -> Callable[[Mapping[str, Any]], str]:
        pieces = []  # the body of one f-string: the literal text, and each field as an expression
        for literal, name, spec, conversion in parsed:
            if literal:
                pieces.append(literal.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                              .replace("{", "{{").replace("}", "}}"))
            if name is None:
                continue
            if not name.isidentifier():
                raise TextError(f"{self.key}: field {{{name}}} must be a plain name")
            value = f"v[{name!r}]"
            if conversion:
                value = {"r": f"repr({value})", "s": f"str({value})", "a": f"ascii({value})"}[conversion]
            if spec == "yuan":
                value = value if name in self.money and not conversion else f"Y({value})"
            elif spec == "label":
                value = f"L.get({value}, {value})"
            elif spec in FORMATS:
                value = f"F[{spec!r}]({value}, {lang!r})"
            elif spec:
                value = f"format({value}, {spec!r})"
            pieces.append("{" + value + "}")
        source = 'lambda v: f"' + "".join(pieces) + '"'
        return eval(compile(source, f"<text {self.key} ({lang})>", "eval"),
                    {"F": FORMATS, "Y": fmt, "L": labels(lang)})

    def fill(self, values: tuple[tuple[str, Any], ...]) -> dict[str, str]:
        """{"zh": ..., "en": ...}. A value that is itself a Text (a phrase made from another template), or a
        tuple of Texts, is put in in the same language."""
        zh = dict(values)
        for name in self.money:
            if name in zh:
                zh[name] = fmt(zh[name])
        en = zh
        for k in self.plain:
            v = zh.get(k)
            if type(v) is Text:
                if en is zh:
                    en = dict(zh)
                zh[k], en[k] = v.sentences().values()
            elif type(v) is tuple and v and type(v[0]) is Text:
                if en is zh:
                    en = dict(zh)
                zh[k] = tuple(t.sentences()["zh"] for t in v)
                en[k] = tuple(t.sentences()["en"] for t in v)
        try:
            return {"zh": self.zh(zh), "en": self.en(en)}
        except KeyError as e:
            raise TextError(f"{self.key}: no value for {{{e.args[0]}}}") from None


@cache
def sentence(key: str) -> Sentence:
    entry = strings().get(key)
    if entry is None:
        raise TextError(f"no text {key!r} in simulator/texts")
    return Sentence(key, entry["zh"], entry["en"])


def say(key: str, lang: str, **values: Any) -> str:
    """The sentence ``key`` in ``lang``, filled with ``values``."""
    return sentence(key).fill(tuple(values.items()))["zh" if lang == "zh" else "en"]


class Text:
    """An explanation: a template key and its values, turned into sentences when first read (a household
    whose explanations nobody reads never pays for them). Equal texts compare equal."""

    __slots__ = ("key", "values", "_hash", "_done")

    def __init__(self, key: str, values: tuple[tuple[str, Any], ...] = ()):
        self.key, self.values = key, values
        self._hash = hash((key, values))
        self._done: dict[str, str] | None = None

    @classmethod
    def written(cls, key: str, zh: str, en: str) -> Text:
        """A text already written in both languages (a catalogue's own sentence)."""
        text = cls(key)
        text._done = {"zh": zh, "en": en}
        return text

    def sentences(self) -> dict[str, str]:
        """{"zh": ..., "en": ...} (shared: read-only)."""
        if self._done is None:
            self._done = sentence(self.key).fill(self.values)
        return self._done

    def __eq__(self, other: object) -> bool:
        return type(other) is Text and self._hash == other._hash and self.key == other.key \
            and self.values == other.values

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"Text({self.key!r})"
