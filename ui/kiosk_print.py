"""Printing the handout from the kiosk: straight to the machine's printer through Qt's print system, and nothing
of it on disk.

No print dialog: Qt's own dialog offers "print to file" with a file browser, which would open the file system
to a visitor. The printer is the default one, or the only one there is.

Where the handout could touch the disk, and what is done about it:
- Qt's CUPS path writes the job to a temporary file (QTemporaryFile in QDir.tempPath(), i.e. $TMPDIR) before
  handing it to CUPS: the kiosk's TMPDIR is a private folder (mode 0700) on /dev/shm, which is memory, emptied
  after every job and removed at exit (``prepare_print_spool``, called before Qt starts).
- CUPS keeps a copy of each job in its spool (/var/spool/cups) unless cupsd.conf says ``PreserveJobFiles No``,
  and the job's name and owner in its history unless ``PreserveJobHistory No``. The kiosk reads
  /etc/cups/cupsd.conf at start when there is one (``cups_retention_problems``): unless both are there and set
  to No, printing is off for visitors ("nothing is stored on this machine" would not be true) and the administrator is told
  why. The job's name is a neutral "handout", never anything a visitor typed.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

CUPSD_CONF = Path("/etc/cups/cupsd.conf")
SHM = Path("/dev/shm")
JOB_NAME = "handout"
# What each directive must say, and what CUPS does when the file does not say it (cupsd.conf(5)).
RETENTION = {"preservejobfiles": ("PreserveJobFiles", "86400 (one day)"),
             "preservejobhistory": ("PreserveJobHistory", "Yes")}
_NO = {"no", "off", "false", "0"}

SPOOL_PREFIX = "bengbu-kiosk-"
_spool: Path | None = None


def prepare_print_spool() -> Path | None:
    """A private folder in memory-backed storage as this process's TMPDIR (for Qt's print file and anything
    else that asks for a temporary file). None where there is no /dev/shm (Windows, macOS): the default stays."""
    global _spool
    if _spool is not None:
        return _spool
    if not (SHM.is_dir() and os.access(SHM, os.W_OK | os.X_OK)):
        return None
    _spool = Path(tempfile.mkdtemp(prefix=f"{SPOOL_PREFIX}{os.getpid()}-", dir=SHM))  # mode 0700
    os.environ["TMPDIR"] = str(_spool)
    tempfile.tempdir = None  # Python's tempfile reads TMPDIR again
    atexit.register(shutil.rmtree, _spool, ignore_errors=True)
    return _spool


def spool_folder() -> Path | None:
    return _spool


def remove_spool() -> None:
    """Now, not at exit (a visitor's process ends with os._exit, which runs no atexit)."""
    if _spool is not None:
        shutil.rmtree(_spool, ignore_errors=True)


def remove_spool_of(pid: int) -> None:
    """What a child process that was killed (or crashed) left on /dev/shm: the supervisor's clean-up."""
    for folder in SHM.glob(f"{SPOOL_PREFIX}{int(pid)}-*"):
        shutil.rmtree(folder, ignore_errors=True)


def clear_spool() -> None:
    """Remove whatever a print job left in the private folder (Qt removes its own file; this is the backstop)."""
    if _spool is None or not _spool.is_dir():
        return
    for entry in _spool.iterdir():
        if entry.name.startswith("bengbu-kiosk-mpl-"):  # matplotlib's font list: names of fonts, nothing typed
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def cups_retention_problems(path: Path = CUPSD_CONF) -> list[str]:
    """Why CUPS on this machine may keep a copy of a printed handout or its name (for the administrator); [] when
    cupsd.conf turns both off, or when there is no cupsd.conf (no CUPS server here: nothing is spooled on this
    machine) or no CUPS at all (Windows)."""
    if sys.platform == "win32":
        return []
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []  # no CUPS server on this machine: no spool here either (a network print server keeps its own)
    except OSError as e:
        return [f"{path}: cannot be read ({e.strerror}); printing is off"]
    said: dict[str, str] = {}
    for line in text.splitlines():
        m = re.match(r"\s*(\w+)\s+(\S+)", line)
        if m and m.group(1).lower() in RETENTION:
            said[m.group(1).lower()] = m.group(2)  # the last one counts, as for cupsd
    problems = []
    for key, (name, default) in RETENTION.items():
        value = said.get(key)
        if value is None:
            problems.append(f"{path}: no {name} line, so CUPS uses its default {default}: add '{name} No'")
        elif value.lower() not in _NO:
            problems.append(f"{path}: {name} {value}: set '{name} No'")
    if problems:
        problems[-1] += "; printing is off until then"
    return problems


def kiosk_printer():
    """The printer to use (a QPrinterInfo), or None when none is configured."""
    from PySide6.QtPrintSupport import QPrinterInfo

    printers = QPrinterInfo.availablePrinters()
    if not printers:
        return None
    default = QPrinterInfo.defaultPrinter()
    return default if not default.isNull() else printers[0]


def print_handout(info, household, result, baseline=None, baseline_result=None) -> bool:
    """Print the handout on ``info``'s printer, or with ``baseline`` and ``baseline_result`` (scenario A) the
    comparison of A with ``household`` (B); False when Qt reports the printer unusable."""
    from PySide6.QtPrintSupport import QPrinter

    from ui.handout import build_handout_document
    from ui.i18n import language

    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setOutputFileName("")
    printer.setDocName(JOB_NAME)  # the job's title in CUPS: never the family's figures
    if not printer.isValid():
        return False
    try:
        if baseline_result is not None:
            from ui.compare_handout import print_comparison

            print_comparison(printer, baseline, baseline_result, household, result, language())
        else:
            build_handout_document(household, result, language()).print_(printer)
        return printer.printerState() != QPrinter.PrinterState.Error
    finally:
        clear_spool()
