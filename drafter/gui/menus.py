"""The main window's menu bar and toolbar, built from its actions.

Why separate: the window composes widgets; which action sits in which menu is a
list that changes for reasons of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu


def build_menus(window) -> None:
    """The menu bar (every action is also reachable by its shortcut)."""
    a = window.actions_
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(a.import_files)
    file_menu.addAction(a.import_folder)
    window.recent_menu = QMenu("Open &Recent", window)
    file_menu.addMenu(window.recent_menu)
    file_menu.addSeparator()
    file_menu.addAction(a.export)
    file_menu.addSeparator()
    file_menu.addAction(a.settings)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit = bar.addMenu("&Edit")
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut("Ctrl+Z")
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(["Ctrl+Shift+Z", "Ctrl+Y"])
    window.undo_action, window.redo_action = undo, redo
    edit.addAction(undo)
    edit.addAction(redo)
    edit.addSeparator()
    edit.addAction(a.find)
    edit.addAction(a.search_library)
    edit.addSeparator()
    edit.addAction(a.add_note)
    view = bar.addMenu("&View")
    view.addAction(a.next_change)
    view.addAction(a.previous_change)
    view.addAction(a.next_link)
    view.addAction(a.previous_link)
    view.addAction(a.other_end)
    view.addSeparator()
    view.addAction(a.redline)
    view.addAction(a.changes_only)
    view.addSeparator()
    view.addAction(a.focus_library)
    view.addAction(a.focus_comparison)
    view.addAction(a.focus_notes)
    view.addSeparator()
    for dock in (window.library_dock, window.search_dock, window.notes_dock):
        view.addAction(dock.toggleViewAction())
    view.addSeparator()
    view.addAction(a.close_tab)
    view.addAction(a.close_other_tabs)
    cmp_menu = bar.addMenu("&Compare")
    cmp_menu.addAction(a.compare)
    cmp_menu.addAction(a.carry_notes)
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a.samples)
    help_menu.addSeparator()
    help_menu.addAction(a.about)


def build_toolbar(window) -> None:
    """The main toolbar: import, the two texts to compare, navigation, export."""
    a = window.actions_
    tb = window.toolbar = window.addToolBar("Main")
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    tb.addAction(a.import_files)
    tb.addSeparator()
    tb.addWidget(window.compare_bar)
    tb.addAction(a.compare)
    tb.addSeparator()
    tb.addAction(a.previous_change)
    tb.addAction(a.next_change)
    tb.addAction(a.redline)
    tb.addSeparator()
    tb.addAction(a.export)
