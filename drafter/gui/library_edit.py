"""The library panel's edits (rename, merge, move) carried out on the store.

Why a module of its own: the main window only wires; these handlers call the
store, report a refusal plainly and refresh what shows the library.
"""

from __future__ import annotations

from drafter.errors import DrafterError

from . import dialogs
from .library_panel import NEW_FAMILY


def connect_library_edits(window) -> None:
    panel = window.library_panel

    def run(what, message: str) -> None:
        try:
            what()
        except DrafterError as exc:
            dialogs.show_error(window, "Library", str(exc))
            return
        window.refresh_library()
        window.statusBar().showMessage(message, 6000)

    def rename(family_id: int, title: str) -> None:
        run(
            lambda: window.library.rename_family(family_id, title or None),
            f"Renamed to “{title}”" if title else "Named after its versions again",
        )

    def merge(family_id: int, into: int) -> None:
        run(lambda: window.library.merge_families(family_id, into), "Documents merged")

    def move(version_id: int, family_id: int) -> None:
        target = None if family_id == NEW_FAMILY else family_id
        info = window.library.version(version_id)
        if target == info.family_id:
            return
        run(
            lambda: window.library.move_version(version_id, target),
            f"Moved {info.display_name}",
        )
        panel.select_version(version_id)

    panel.rename_family.connect(rename)
    panel.merge_families.connect(merge)
    panel.move_version.connect(move)

    def link(target: str) -> None:
        if target == "samples":
            window.open_samples()
        else:
            window.import_interactive()

    panel.empty_link.connect(link)
    window.workspace.welcome.linkActivated.connect(link)
