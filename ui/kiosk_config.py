"""Kiosk configuration: a small JSON file next to the program (``kiosk.json``), read at start.

    {"kiosk": true, "idle_seconds": 120, "countdown_seconds": 15, "language": "zh",
     "admin_passphrase_hash": "scrypt$16384$8$1$<salt hex>$<hash hex>"}

The administrator's passphrase is stored only as a salted scrypt hash. Set it with

    python -m ui.kiosk_config set-passphrase kiosk.json

A missing file means desktop mode. A file that is there but cannot be read (empty, cut short, not JSON) means
kiosk mode with safe defaults, since an unattended machine must not fall back to desktop mode; a bad field
costs only that field. What was wrong goes to stderr and to the administrator's exit dialog, never to the
visitor's screen.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
import os
import re
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

CONFIG_NAME = "kiosk.json"
HASH_FORMAT = re.compile(r"scrypt\$\d+\$\d+\$\d+\$[0-9a-f]{32}\$[0-9a-f]{64}")
_N, _R, _P = 2**14, 8, 1


class KioskSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kiosk: bool = False
    idle_seconds: int = Field(default=120, ge=10, le=3600)
    countdown_seconds: int = Field(default=15, ge=3, le=120)
    language: str = Field(default="zh", pattern="^(zh|en)$")
    admin_passphrase_hash: str | None = None

    @field_validator("admin_passphrase_hash")
    @classmethod
    def _a_hash_not_a_passphrase(cls, value: str | None) -> str | None:
        """Only what hash_passphrase writes: a passphrase typed here in plain text is refused and said at start,
        not left to make kiosk mode impossible to leave (and the message never repeats it)."""
        if value is not None and not HASH_FORMAT.fullmatch(value):
            raise ValueError("must be the salted hash written by 'python -m ui.kiosk_config set-passphrase "
                             "kiosk.json', not a passphrase")
        return value


@dataclass(frozen=True)
class LoadedConfig:
    settings: KioskSettings
    problem: str | None  # what was wrong with the file, for a calm message; None when fine


def default_config_path() -> Path:
    """Beside the program: the bundle's folder when frozen, else the project root."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent / CONFIG_NAME
    return Path(__file__).resolve().parent.parent / CONFIG_NAME


def load_config(path: str | os.PathLike | None = None) -> LoadedConfig:
    """The settings in ``path`` (default: beside the program). No file: desktop mode. A file that is there but
    cannot be read — empty, cut short, not JSON, not an object — means kiosk mode with safe defaults: an
    unattended machine must never fall back to the desktop window. One bad field costs only that field (its
    default is used), never the others: a bad idle_seconds must not drop the passphrase hash. A byte-order mark
    (Windows Notepad, PowerShell 5) is fine."""
    p = Path(path) if path else default_config_path()
    if not p.exists():
        return LoadedConfig(KioskSettings(), None)
    try:
        raw = json.loads(p.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        return LoadedConfig(KioskSettings(kiosk=True), f"{p.name}: {_unreadable(e)}")
    if not isinstance(raw, dict):
        return LoadedConfig(KioskSettings(kiosk=True), f"{p.name}: must be a JSON object {{...}}")
    return _field_by_field(raw, p.name)


def _unreadable(e: Exception) -> str:
    if isinstance(e, json.JSONDecodeError):
        return "empty" if not e.doc.strip() else f"not valid JSON ({e.msg}, line {e.lineno} column {e.colno})"
    if isinstance(e, UnicodeDecodeError):
        return "not UTF-8 text"
    return type(e).__name__ if isinstance(e, RecursionError) else str(e)


def _field_by_field(raw: dict, name: str) -> LoadedConfig:
    """Each known field checked alone; a bad or unknown one is named and left at its default. ``kiosk`` itself,
    when bad, counts as true (the file was meant for a kiosk)."""
    good: dict = {}
    problems: list[str] = []
    for key, value in raw.items():
        if key not in KioskSettings.model_fields:
            problems.append(f"{key}: unknown setting, ignored")
            continue
        try:
            KioskSettings.model_validate({key: value})
        except ValidationError as e:
            message = "; ".join(x["msg"] for x in e.errors(include_url=False))
            problems.append(f"{key}: {message} (the default is used)")
            if key == "kiosk":
                good["kiosk"] = True
            continue
        good[key] = value
    settings = KioskSettings.model_validate(good)
    return LoadedConfig(settings, f"{name}: " + "; ".join(problems) if problems else None)


def hash_passphrase(passphrase: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_passphrase(passphrase: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        got = hashlib.scrypt(passphrase.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def set_passphrase(path: str | os.PathLike, passphrase: str) -> None:
    p = Path(path)
    data = {}
    if p.exists():
        data = json.loads(p.read_bytes().decode("utf-8-sig"))
    data["admin_passphrase_hash"] = hash_passphrase(passphrase)
    KioskSettings.model_validate(data)
    from simulator.caseio import atomic_write_text  # here: the kiosk's supervisor imports this module, never the model

    atomic_write_text(p, json.dumps(data, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] != "set-passphrase":
        print("usage: python -m ui.kiosk_config set-passphrase kiosk.json", file=sys.stderr)
        return 2
    first = getpass.getpass("passphrase: ")
    if len(first) < 8 or first != getpass.getpass("again: "):
        print("passphrases must match and have at least 8 characters", file=sys.stderr)
        return 2
    set_passphrase(argv[1], first)
    return 0


if __name__ == "__main__":
    sys.exit(main())
