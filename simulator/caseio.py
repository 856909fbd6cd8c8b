"""Reading and writing case files (JSON, schema version 2; a version-1 file is read too, and saved as 2).
Saving is atomic: a crash mid-write leaves the old file, never half a file."""

from __future__ import annotations

import codecs
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import json_error_message, validation_messages
from .household import SCHEMA_VERSION, Household
from .policy_checks import InputError

EXAMPLE = Path(__file__).with_name("examples") / "example_family.json"


def _newer_version(data: Any, lang: str) -> None:
    if isinstance(data, dict):
        version = data.get("schema_version")
        if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
            raise InputError([
                f"schema_version: 案例文件版本 {version} 比本程序支持的版本 {SCHEMA_VERSION} 新，请升级程序"
                if lang == "zh" else
                f"schema_version: the case file is version {version}, newer than this program's "
                f"{SCHEMA_VERSION}; update the program"])


def parse_case_text(text: str | bytes, lang: str = "en") -> Household:
    """A household from a case file's text. Strict JSON typing: ``true`` is not a salary of 1 yuan and a
    number is not a date; InputError lists every problem by field path. A UTF-8 byte-order mark (which
    Windows editors write) is not part of the case."""
    text = text.removeprefix(codecs.BOM_UTF8) if isinstance(text, bytes) else text.removeprefix("\ufeff")
    try:
        return Household.model_validate_json(text, strict=True)
    except ValidationError as e:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as je:
            raise InputError([json_error_message(je, lang)]) from None
        except UnicodeDecodeError:
            raise InputError(["(case): 文件不是 UTF-8 文本" if lang == "zh" else "(case): not UTF-8 text"]) from None
        except RecursionError:
            raise InputError(["(case): 嵌套层次过深，不是案例文件" if lang == "zh"
                              else "(case): nested too deeply to be a case file"]) from None
        _newer_version(data, lang)
        raise InputError(validation_messages(e, lang)) from None


def parse_case(data: Any, lang: str = "en") -> Household:
    """A household from decoded JSON (or a dict built by the window), typed as strictly as a case file."""
    _newer_version(data, lang)
    try:
        text = json.dumps(data, default=str, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as e:
        raise InputError([f"(case): {e}"]) from None
    return parse_case_text(text, lang)


def load_case(path: str | os.PathLike, lang: str = "en") -> Household:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError([f"(file): {path}: {e}"]) from None
    return parse_case_text(text, lang)


def load_example() -> Household:
    return load_case(EXAMPLE)


def case_json(household: Household) -> str:
    return json.dumps(household.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write to a temporary file beside the target, flush it to disk, then rename it over the target: a failure
    leaves the old file, never half a file. The new file gets the old one's permissions, else the umask's."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """``atomic_write_bytes`` for UTF-8 text (line endings as given)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def save_case(household: Household, path: str | os.PathLike) -> None:
    atomic_write_text(path, case_json(household))
