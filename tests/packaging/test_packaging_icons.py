"""The application icon: hand-written SVGs and the PNG, .ico and .icns made from them."""

from __future__ import annotations

import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET

import pytest
from packaging_support import ICONS, png_size

SVG = "{http://www.w3.org/2000/svg}"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.mark.parametrize("name", ["drafter.svg", "drafter-small.svg"])
def test_svg_is_square_and_self_contained(name):
    root = ET.parse(ICONS / name).getroot()
    assert root.tag == f"{SVG}svg"
    _x, _y, w, h = (float(v) for v in root.get("viewBox").split())
    assert w == h
    # no external images or fonts: renders the same everywhere
    text = (ICONS / name).read_text()
    assert "<image" not in text and "<text" not in text and "xlink:href" not in text


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_sizes_are_rendered_rgba(size):
    path = ICONS / f"drafter-{size}.png"
    assert png_size(path) == (size, size, 6)
    assert path.stat().st_size > 200  # a drawing, not an empty canvas


def test_windows_ico_holds_every_size_explorer_asks_for():
    data = (ICONS / "drafter.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h = struct.unpack("<BB", data[6 + 16 * i : 8 + 16 * i])
        size_bytes, offset = struct.unpack("<II", data[14 + 16 * i : 22 + 16 * i])
        assert offset + size_bytes <= len(data)
        sizes.add((w or 256, h or 256))
    assert {(n, n) for n in (16, 24, 32, 48, 256)} <= sizes


def test_macos_icns_is_well_formed_with_retina_sizes():
    data = (ICONS / "drafter.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, pos = set(), 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        assert length >= 8
        kinds.add(kind.decode("ascii"))
        pos += length
    assert pos == len(data)
    # 16, 32, 48, 128 (bitmap + mask) and 256, 512 (PNG)
    assert {"is32", "il32", "ih32", "it32", "ic08", "ic09"} <= kinds


@pytest.mark.skipif(not shutil.which("rsvg-convert"), reason="librsvg2-bin not installed")
@pytest.mark.parametrize(("svg", "size"), [("drafter-small.svg", 16), ("drafter.svg", 64)])
def test_committed_pngs_match_their_svg(svg, size, tmp_path):
    """Edited an SVG? Run packaging/render_icons.sh and commit the PNGs it writes."""
    QImage = pytest.importorskip("PySide6.QtGui").QImage
    out = tmp_path / "fresh.png"
    subprocess.run(
        ["rsvg-convert", "-w", str(size), "-h", str(size), str(ICONS / svg), "-o", str(out)],
        check=True,
        timeout=30,
    )
    fresh, committed = QImage(str(out)), QImage(str(ICONS / f"drafter-{size}.png"))
    assert fresh.size() == committed.size()
    fmt = QImage.Format.Format_ARGB32
    fresh, committed = fresh.convertToFormat(fmt), committed.convertToFormat(fmt)
    differing = sum(
        1
        for y in range(size)
        for x in range(size)
        if max(
            abs(((fresh.pixel(x, y) >> s) & 255) - ((committed.pixel(x, y) >> s) & 255))
            for s in (0, 8, 16, 24)
        )
        > 8
    )
    assert differing <= size * size // 100, f"{differing} pixels differ: re-render the icons"
