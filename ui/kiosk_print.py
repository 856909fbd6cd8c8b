"""Printing the handout from the kiosk: straight to the machine's printer through Qt's print system.

No print dialog: Qt's own dialog offers "print to file" with a file browser, which would open the file system
to a visitor. The printer is the default one, or the only one there is; the document never touches the disk.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from ui.i18n import language


def kiosk_printer() -> QPrinterInfo | None:
    """The printer to use, or None when none is configured."""
    printers = QPrinterInfo.availablePrinters()
    if not printers:
        return None
    default = QPrinterInfo.defaultPrinter()
    return default if not default.isNull() else printers[0]


def print_handout(info: QPrinterInfo, household, result) -> bool:
    """Print the handout on ``info``'s printer; False when Qt reports the printer unusable."""
    from ui.handout import build_handout_document

    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setOutputFileName("")
    if not printer.isValid():
        return False
    build_handout_document(household, result, language()).print_(printer)
    return printer.printerState() != QPrinter.PrinterState.Error
