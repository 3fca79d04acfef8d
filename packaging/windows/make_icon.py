"""Write packaging/windows/kompassen.ico from the app icon (resources/icons/kompassen.svg).

    python packaging/windows/make_icon.py [--out FILE]

The Windows build runs it before PyInstaller: the spec gives the .ico to kompassen.exe and the
Inno Setup script to the installer (both only when the file exists). Generated, not kept in
git, so it never lags behind the SVG. One .ico holds every size Windows asks for (16 to 256
px: the taskbar, the Start menu, Explorer's views), each a PNG image, as Windows reads them
since Vista. Qt renders the SVG (its ICO writer stores one size only, so the container is
written here).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "kompassen.svg"
OUT = Path(__file__).resolve().parent / "kompassen.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 256)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of ``size`` pixels, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {svg}")
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buffer, "PNG"):
        raise SystemExit(f"cannot encode the {size} px image")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file of PNG images: header, one directory entry per size, then the images."""
    count = len(images)
    header = struct.pack("<HHH", 0, 1, count)  # reserved, type 1 = icon, number of images
    offset = 6 + 16 * count
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte width/height fields
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--svg", type=Path, default=SVG)
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    data = ico({size: render_png(args.svg, size) for size in SIZES})
    args.out.write_bytes(data)
    print(f"{args.out}: {len(SIZES)} sizes, {len(data) / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
