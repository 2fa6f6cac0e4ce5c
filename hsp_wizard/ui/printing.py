"""Printing the checklist through the system's print dialog (QPrintDialog): the person picks the printer, the
copies and the pages there. The checklist is a PDF (the same one Save checklist as PDF writes), handed to the
system's print service: CUPS `lp` on Linux and macOS, the PDF application's "printto" verb on Windows. When the
dialog's "Print to file" is chosen, the PDF is written to that file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from hsp_wizard.i18n import _


def ask_printer(parent, folder: Path) -> QPrinter | None:
    """The system's print dialog; the printer it set up, or None when the person cancels (patched in tests)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(_("Checklist"))
    printer.setOutputFileName("")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print the checklist"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def spool(pdf: Path, printer_name: str, copies: int) -> None:
    """Send `pdf` to the named printer (OSError or CalledProcessError when the system refuses)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        os.startfile(str(pdf), "printto", f'"{printer_name}"')  # noqa: S606 (the PDF application prints it)
        return
    lp = shutil.which("lp")
    if lp is None:
        raise OSError(_("The system has no print command (lp)"))
    cmd = [lp, "-n", str(max(1, copies))]
    if printer_name:
        cmd += ["-d", printer_name]
    subprocess.run([*cmd, str(pdf)], check=True, capture_output=True, timeout=60)  # noqa: S603


def print_pdf(parent, data: bytes, folder: Path) -> bool:
    """Ask with the print dialog, then print `data` (a PDF); True when it went to the printer or the file."""
    from hsp_wizard.storage import write_private_atomic
    from hsp_wizard.ui import dialogs
    printer = ask_printer(parent, folder)
    if printer is None:
        return False
    target = printer.outputFileName()
    try:
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
            write_private_atomic(Path(target), data)
            return True
        with tempfile.TemporaryDirectory(prefix="hsp-print-") as tmp:
            pdf = Path(tmp) / "checklist.pdf"
            write_private_atomic(pdf, data)
            spool(pdf, printer.printerName(), printer.copyCount())
    except (OSError, subprocess.SubprocessError) as exc:
        dialogs.tell_error(parent, _("The checklist was not printed"),
                                 str(getattr(exc, "strerror", None) or exc))
        return False
    return True
