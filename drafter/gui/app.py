"""Start the desktop application: ``drafter [FILES] [--screenshot OUT.png] [--db PATH]``.

Why the screenshot mode lives here: README images must show the real window as a
user sees it, so ``--screenshot`` runs the normal start-up (samples, imports,
comparisons in the background), waits until that work is done, grabs the window
and exits. It uses throw-away settings so it neither reads nor changes the user's.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import traceback
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QSettings, QSize, Qt, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from drafter.errors import DrafterError, unexpected
from drafter.files import check_target, write_atomic
from drafter.resources import resource_path

from . import busy, dialogs, themes
from . import settings as S
from .plain import rich
from .qt_compat import later
from .ui_thread_gc import UiThreadCollector

SCREENSHOT_TIMEOUT_MS = 180_000
log = logging.getLogger(__name__)


def _app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        # fractional scale factors (125 %, 150 %) drawn as they are, not rounded
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(S.ORGANIZATION)
    app.setApplicationName(S.APPLICATION)
    app.setApplicationDisplayName("Drafter")
    app.setDesktopFileName("org.drafter.Drafter")  # Wayland: window -> desktop entry -> icon
    icon = QIcon()
    for n in (16, 24, 32, 48, 64, 128, 256, 512):
        png = resource_path("icons", f"drafter-{n}.png")
        if png.is_file():
            icon.addFile(str(png), QSize(n, n))
    if not icon.isNull():
        app.setWindowIcon(icon)
    if app.findChild(UiThreadCollector) is None:
        UiThreadCollector(app)  # cyclic garbage is freed on the UI thread only
    return app


# Qt messages that say nothing to a user: the offscreen platform (used by --screenshot
# and CI) cannot pass window size hints on. Everything else still goes through.
_HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _install_message_filter() -> None:
    previous = None

    def handler(mode, context, message: str) -> None:
        if message in _HARMLESS_QT_MESSAGES:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)


def _install_excepthook(window_getter) -> None:
    """A bug in a slot shows a plain dialog (and is logged), never kills the app."""

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("".join(traceback.format_exception(exc_type, exc, tb)))
        message = str(exc) if isinstance(exc, DrafterError) else unexpected(exc)
        dialogs.show_error(window_getter(), "Drafter", message)

    sys.excepthook = hook


def check_screenshot_target(path: str) -> Path:
    """The PNG to write, checked before any window opens: a folder we can write in,
    and a new or regular file (not a device, pipe or link)."""
    out = Path(path).expanduser()
    check_target(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out.parent):
            pass
    except OSError as exc:
        raise DrafterError(f"{out}: cannot write the screenshot ({exc.strerror or exc})") from None
    return out


def grab_to(window, path: str | Path) -> Path:
    """Save a PNG of the window, atomically; a :class:`DrafterError` says why not."""
    out = Path(path).expanduser()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not window.grab().save(buffer, "PNG"):
        raise DrafterError(f"{out}: could not render the screenshot")
    data = bytes(buffer.data())
    return write_atomic(out, lambda fh: fh.write(data))


def create_window(library, settings: S.Settings):
    from .main_window import MainWindow

    return MainWindow(library, settings)


def run_gui(args) -> int:
    """Open the window; returns the exit code."""
    from drafter.store import Library

    app = _app()
    _install_message_filter()
    screenshot = getattr(args, "screenshot", None)
    tmp_settings = None
    if screenshot:
        screenshot = str(check_screenshot_target(screenshot))
        dialogs.quiet = True
        tmp_settings = tempfile.TemporaryDirectory(prefix="drafter-shot-")
        qs = QSettings(str(Path(tmp_settings.name) / "settings.ini"), QSettings.Format.IniFormat)
        settings = S.Settings(qs)
    else:
        settings = S.Settings()
    theme = getattr(args, "theme", None) or settings.get(S.THEME)
    themes.apply_theme(app, theme, settings.get(S.FONT_SIZE))
    try:
        library = Library.open(getattr(args, "db", None))
    except DrafterError as exc:
        if screenshot:
            raise
        QMessageBox.critical(None, "Drafter", rich(f"The library could not be opened:\n{exc}"))
        return 2
    window = create_window(library, settings)
    _install_excepthook(lambda: window)
    busy.install(window)
    if library.damaged:
        dialogs.show_error(window, "The library is damaged", library.damaged)
    size = getattr(args, "size", None)
    code = 0
    try:
        if screenshot:
            result = {"error": "the window was never shown"}

            def shoot() -> None:
                try:
                    grab_to(window, screenshot)
                    result["error"] = ""
                except DrafterError as exc:
                    result["error"] = str(exc)
                except Exception as exc:  # whatever happens, the screenshot run ends
                    result["error"] = unexpected(exc)
                finally:
                    app.quit()

            window.loading_finished.connect(lambda: later(window, 400, shoot))
            later(window, SCREENSHOT_TIMEOUT_MS, shoot)
        window.show()
        window.start(list(getattr(args, "files", None) or []))
        if size:  # after start(): restoring the saved geometry must not undo it
            window.resize(*size)
        code = app.exec()
        if screenshot:
            if result["error"]:
                raise DrafterError(result["error"])
            print(screenshot)
    finally:
        window.runner.wait(10000)
        if not screenshot:
            window.save_state()
        library.close()
        if tmp_settings is not None:
            tmp_settings.cleanup()
    return code
