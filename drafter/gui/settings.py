"""Typed options over QSettings, each declared once with its default.

Why: QSettings returns strings on some platforms (INI files) and ``None`` for
missing keys; reading every option through one typed declaration keeps the
conversions in one place (as Picard's ``options.py`` does).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "Drafter"
APPLICATION = "Drafter"


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T

    def convert(self, raw: Any) -> T:
        default = self.default
        if raw is None:
            return default
        try:
            if isinstance(default, bool):
                if isinstance(raw, str):
                    return raw.lower() in ("1", "true", "yes", "on")  # type: ignore[return-value]
                return bool(raw)  # type: ignore[return-value]
            if isinstance(default, int):
                return int(raw)  # type: ignore[return-value]
            if isinstance(default, str):
                return str(raw)  # type: ignore[return-value]
            if isinstance(default, list):
                if isinstance(raw, str):
                    return [raw] if raw else []  # type: ignore[return-value]
                return [str(x) for x in raw]  # type: ignore[return-value]
            if isinstance(default, QByteArray):
                return raw if isinstance(raw, QByteArray) else QByteArray(raw)  # type: ignore[return-value]
            if isinstance(default, dict):
                return dict(raw)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return default
        return raw


def _default_author() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some sandboxes
        return "Delegate"


def tracked_author(name: str, delegation: str) -> str:
    name, delegation = name.strip(), delegation.strip()
    if name and delegation:
        return f"{name} ({delegation})"
    return name or delegation or "Drafter"


AUTHOR = Option("notes/author", "")
DELEGATION = Option("notes/delegation", "")  # "Delegation of Norway", "Secretariat"
IGNORE = Option("compare/ignore", "hyphens,quotes")  # see drafter.compare.ignore
FONT_SIZE = Option("view/font_size", 0)  # 0 = the system's size
THEME = Option("view/theme", "system")  # system | light | dark
GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
SPLITTERS = Option("window/splitters", QByteArray())
RECENT_FILES = Option("files/recent", [])
LAST_TABS = Option("session/tabs", [])  # "mode:old_id:new_id" strings
LAST_TAB_INDEX = Option("session/current_tab", 0)
FIRST_RUN_DONE = Option("session/first_run_done", False)
REDLINE_VIEW = Option("view/redline", False)
EXPORT_DIR = Option("files/export_dir", "")
THEMES = ("system", "light", "dark")
MAX_RECENT = 8


class Settings:
    """The application's options; wraps one QSettings object.

    Tests pass their own ``QSettings`` (an INI file in a temporary folder) so
    they never touch the user's settings.
    """

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings(ORGANIZATION, APPLICATION)

    def get(self, option: Option[T]) -> T:
        return option.convert(self.q.value(option.key))

    def set(self, option: Option[T], value: T) -> None:
        self.q.setValue(option.key, value)

    @property
    def author(self) -> str:
        return self.get(AUTHOR).strip() or _default_author()

    @property
    def export_author(self) -> str:
        """Who tracked changes are attributed to: "Name (Delegation)", from the settings.

        Never the operating system's login (it says "root" or "jsmith", not who
        speaks for whom); "Drafter" until the user gives a name or delegation.
        """
        return tracked_author(self.get(AUTHOR), self.get(DELEGATION))

    @property
    def ignore(self):
        """The differences comparisons leave out, on screen and in exports alike."""
        from drafter.compare.ignore import Ignore

        try:
            return Ignore.parse(self.get(IGNORE))
        except ValueError:
            return Ignore()

    def add_recent(self, path: str) -> list[str]:
        recent = [p for p in self.get(RECENT_FILES) if p != path]
        recent.insert(0, path)
        del recent[MAX_RECENT:]
        self.set(RECENT_FILES, recent)
        return recent

    def remove_recent(self, path: str) -> list[str]:
        recent = [p for p in self.get(RECENT_FILES) if p != path]
        self.set(RECENT_FILES, recent)
        return recent

    def sync(self) -> None:
        self.q.sync()
