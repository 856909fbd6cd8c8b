"""The compiled string catalogue: the window reads it instead of parsing YAML at start, never a stale one."""

from __future__ import annotations

import json

import pytest

from ui import i18n


@pytest.fixture
def fresh_catalogue():
    i18n.catalogue.cache_clear()
    yield
    i18n.catalogue.cache_clear()


def test_the_shipped_compiled_catalogue_matches_the_yaml():
    """Fails when a YAML string file was edited without `python -m ui.i18n` being run again."""
    sources = i18n._sources()
    compiled = i18n._read_compiled(sources)
    assert compiled is not None, "assets/i18n/compiled.json is stale: run python -m ui.i18n"
    assert compiled == i18n.parse_sources(sources)


def test_a_stale_compiled_file_is_ignored_and_the_yaml_is_read(tmp_path, monkeypatch, fresh_catalogue):
    stale = tmp_path / "compiled.json"
    stale.write_text(json.dumps({"fingerprint": "0" * 64, "strings": {"app_title": {"zh": "旧", "en": "old"}}}),
                     encoding="utf-8")
    monkeypatch.setattr(i18n, "COMPILED", stale)
    assert i18n.catalogue()["app_title"]["en"] == "Bengbu family-support simulator"


@pytest.mark.parametrize("content", [None, "{not json", "[]", '{"fingerprint": 1}'])
def test_a_missing_or_damaged_compiled_file_falls_back_to_the_yaml(tmp_path, monkeypatch, fresh_catalogue, content):
    target = tmp_path / "compiled.json"
    if content is not None:
        target.write_text(content, encoding="utf-8")
    monkeypatch.setattr(i18n, "COMPILED", target)
    assert i18n.catalogue()["app_title"]["zh"] == "蚌埠市生育支持政策测算"


def test_the_compiled_catalogue_is_what_the_window_reads(tmp_path, monkeypatch, fresh_catalogue):
    """A compiled file with the right fingerprint is used as it is (here: with one string changed)."""
    target = i18n.compile_catalogue(tmp_path / "compiled.json")
    data = json.loads(target.read_text(encoding="utf-8"))
    data["strings"]["app_title"]["en"] = "from the compiled file"
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(i18n, "COMPILED", target)
    assert i18n.catalogue()["app_title"]["en"] == "from the compiled file"


def test_windows_line_endings_do_not_make_the_compiled_file_stale():
    sources = i18n._sources()
    crlf = {name: data.replace(b"\n", b"\r\n") for name, data in sources.items()}
    assert i18n.fingerprint(crlf) == i18n.fingerprint(sources)


def test_a_key_defined_in_two_files_is_refused():
    with pytest.raises(ValueError, match="a.yaml: k: defined twice"):
        i18n.parse_sources({"0.yaml": b"k: {zh: x, en: y}\n", "a.yaml": b"k: {zh: x, en: y}\n"})
