"""The window's actions (menu items, toolbar buttons, shortcuts), created in one place.

Why: every command is reachable by keyboard, menu and (for the frequent ones)
toolbar; declaring the actions once keeps shortcuts unique and testable.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget


@dataclass
class Actions:
    import_files: QAction
    import_folder: QAction
    export: QAction
    settings: QAction
    quit: QAction
    find: QAction
    search_library: QAction
    add_note: QAction
    next_change: QAction
    previous_change: QAction
    next_link: QAction
    previous_link: QAction
    redline: QAction
    other_end: QAction
    changes_only: QAction
    close_tab: QAction
    close_other_tabs: QAction
    compare: QAction
    carry_notes: QAction
    about: QAction
    samples: QAction
    focus_library: QAction
    focus_comparison: QAction
    focus_notes: QAction


def _action(
    parent: QWidget, text: str, shortcut=None, tip: str = "", icon: QIcon | None = None
) -> QAction:
    act = QAction(text, parent)
    if shortcut is not None:
        if isinstance(shortcut, (list, tuple)):
            act.setShortcuts([QKeySequence(s) for s in shortcut])
        else:
            act.setShortcut(QKeySequence(shortcut))
    if tip:
        act.setToolTip(tip)
        act.setStatusTip(tip)
    if icon is not None and not icon.isNull():
        act.setIcon(icon)
    parent.addAction(act)
    return act


def create_actions(window: QWidget) -> Actions:
    style = window.style()
    SP = QStyle.StandardPixmap
    a = Actions(
        import_files=_action(
            window,
            "&Import…",
            QKeySequence.StandardKey.Open,
            "Import resolution files into the library",
            style.standardIcon(SP.SP_DialogOpenButton),
        ),
        import_folder=_action(
            window,
            "Import a &Folder…",
            "Ctrl+Shift+O",
            "Import every resolution file in a folder and its sub-folders (a whole session)",
        ),
        export=_action(
            window,
            "&Export to Word…",
            "Ctrl+E",
            "Export the comparison as a redline, side by side or clean copy",
            style.standardIcon(SP.SP_DialogSaveButton),
        ),
        settings=_action(
            window,
            "&Settings…",
            QKeySequence.StandardKey.Preferences
            if not QKeySequence(QKeySequence.StandardKey.Preferences).isEmpty()
            else "Ctrl+,",
            "Author name, font size, theme",
        ),
        quit=_action(window, "&Quit", QKeySequence.StandardKey.Quit),
        find=_action(
            window,
            "&Find in Comparison…",
            QKeySequence.StandardKey.Find,
            "Find words in the open comparison",
        ),
        search_library=_action(
            window,
            "Search &Agreed Language…",
            "Ctrl+Shift+F",
            "Search every stored text for a phrase",
        ),
        add_note=_action(window, "Add &Note…", "Ctrl+M", "Add a note to the selected paragraph"),
        next_change=_action(
            window,
            "&Next Change",
            "F7",
            "Go to the next change, or the next linked paragraph in related mode (F7)",
        ),
        previous_change=_action(
            window,
            "&Previous Change",
            "Shift+F7",
            "Go to the previous change, or linked paragraph (Shift+F7)",
        ),
        next_link=_action(
            window,
            "Next &Link of This Paragraph",
            ["Alt+Down", "Ctrl+F7"],
            "Related mode: show the selected paragraph's next link, in rank order (Alt+Down)",
        ),
        previous_link=_action(
            window,
            "Previous L&ink of This Paragraph",
            ["Alt+Up", "Ctrl+Shift+F7"],
            "Related mode: show the selected paragraph's previous link (Alt+Up)",
        ),
        other_end=_action(
            window,
            "Go to Other &End of Move",
            "Ctrl+J",
            "From a moved paragraph to where it stood, and back",
        ),
        redline=_action(
            window, "&Redline View", "Ctrl+R", "One column with deletions and insertions inline"
        ),
        changes_only=_action(window, "&Changes Only", "Ctrl+Shift+C", "Hide unchanged paragraphs"),
        close_tab=_action(window, "&Close Comparison", QKeySequence.StandardKey.Close),
        close_other_tabs=_action(
            window, "Close &Other Comparisons", "Ctrl+Shift+W", "Close every tab but this one"
        ),
        compare=_action(
            window,
            "&Compare",
            "Ctrl+Return",
            "Compare the two chosen texts",
            style.standardIcon(SP.SP_BrowserReload),
        ),
        carry_notes=_action(
            window,
            "Carry &Notes Forward",
            None,
            "Copy the old version's notes to the matching paragraphs of the new version",
        ),
        about=_action(window, "&About Drafter", None),
        samples=_action(
            window,
            "Open the &Sample Comparisons",
            None,
            "67/219 and 68/4 in related mode, a draft of 68/4 and the adopted text in versions mode",
        ),
        focus_library=_action(
            window, "Go to &Library", "Ctrl+1", "Move the keyboard focus to the library"
        ),
        focus_comparison=_action(
            window, "Go to &Comparison", "Ctrl+2", "Move the keyboard focus to the comparison"
        ),
        focus_notes=_action(
            window, "Go to &Notes", "Ctrl+3", "Move the keyboard focus to the notes"
        ),
    )
    a.next_change.setIconText("▼ Next")
    a.previous_change.setIconText("▲ Previous")
    a.redline.setIconText("Redline")
    a.export.setIconText("Export…")
    a.redline.setCheckable(True)
    a.changes_only.setCheckable(True)
    return a
