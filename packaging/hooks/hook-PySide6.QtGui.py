"""PyInstaller hook for PySide6.QtGui: PyInstaller's own, minus plugins Drafter never loads.

Takes precedence over the stock hook because drafter.spec lists this folder in
``hookspath``. Filtering here, before analysis, also keeps out the libraries those
plugins would drag in (the GTK 3 platform theme alone pulls GTK, Cairo and Pango).
Kept: platforms xcb, wayland, offscreen, minimal (and windows, cocoa on their
systems), Wayland client integrations, xcb GL, image formats, icon engines, the
xdg-desktop-portal theme and input contexts (IMEs: Chinese and Arabic input).
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# plugin folders: eglfs/linuxfb device support and its input drivers (kiosk devices only)
_DROP_DIRS = {"egldeviceintegrations", "generic"}
# plugin files, by name prefix
_DROP_FILES = (
    "libqvnc",
    "libqlinuxfb",
    "libqeglfs",
    "libqminimalegl",
    "libqvkkhrdisplay",
    "libqgtk3",  # GTK 3 theme: would bundle a GTK stack that clashes with the system's
    "qdirect2d",  # Windows: Direct2D platform, unused
)


def _keep(entry: tuple[str, str]) -> bool:
    src, dest = entry
    folder = dest.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    name = src.replace("\\", "/").rsplit("/", 1)[-1]
    return folder not in _DROP_DIRS and not name.startswith(_DROP_FILES)


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [b for b in binaries if _keep(b)]
