"""Draw the app icon with Qt (no SVG module needed at run time) into resources/icons/: PNGs from 16 to 512 px
and a Windows .ico. Run once after changing the design; the outputs are committed.

    QT_QPA_PLATFORM=offscreen python packaging/icons/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication

OUT = Path(__file__).resolve().parents[2] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def draw(size: int) -> QImage:
    """A rounded square in deep blue, a rising points line crossing the 80 mark, and a tick at its end."""
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64.0
    grad = QLinearGradient(0, 0, 0, size)
    grad.setColorAt(0, QColor("#1f4e9c"))
    grad.setColorAt(1, QColor("#123064"))
    body = QPainterPath()
    body.addRoundedRect(QRectF(2 * s, 2 * s, 60 * s, 60 * s), 12 * s, 12 * s)
    p.fillPath(body, grad)
    # the 80-point line
    p.setPen(QPen(QColor(255, 255, 255, 110), max(1.0, 1.6 * s), Qt.PenStyle.DashLine))
    p.drawLine(int(10 * s), int(24 * s), int(54 * s), int(24 * s))
    # points rising over time
    line = QPainterPath()
    line.moveTo(10 * s, 50 * s)
    line.lineTo(22 * s, 42 * s)
    line.lineTo(32 * s, 38 * s)
    line.lineTo(42 * s, 22 * s)
    p.setPen(QPen(QColor("#ffffff"), max(1.5, 4 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.drawPath(line)
    # the day it opens: a gold dot with a tick
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#f2b705"))
    p.drawEllipse(QRectF(38 * s, 10 * s, 18 * s, 18 * s))
    tick = QPainterPath()
    tick.moveTo(42.5 * s, 19 * s)
    tick.lineTo(46 * s, 22.5 * s)
    tick.lineTo(52 * s, 15 * s)
    p.setPen(QPen(QColor("#123064"), max(1.2, 2.6 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tick)
    if size >= 128:  # the name, where it can be read
        font = QFont("DejaVu Sans", int(7 * s))
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("#ffffff"))
        p.drawText(QRectF(4 * s, 50 * s, 56 * s, 12 * s), Qt.AlignmentFlag.AlignCenter, "HSP")
    p.end()
    return img


def main() -> int:
    app = QApplication(sys.argv[:1])  # noqa: F841
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        assert draw(size).save(str(OUT / f"hsp-wizard-{size}.png")), size
    assert draw(256).save(str(OUT / "hsp-wizard.ico")), "Qt's ico writer is missing"
    print(f"wrote {len(SIZES)} PNGs and hsp-wizard.ico to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
