"""The main window: composes the library, search, comparison tabs and notes.

Composition and wiring only; the behaviour lives in the panels, the workspace
(tabs), :mod:`loading` (background jobs) and the core.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from drafter import __version__
from drafter.errors import DrafterError

from . import demo, dialogs, export_flow, file_dialogs, history_window, loading, menus, themes
from . import settings as S
from .actions import create_actions
from .change_list import install_change_list
from .compare_bar import CompareBar
from .comparison_view import ComparisonView
from .library_edit import connect_library_edits
from .library_panel import LibraryPanel, dropped_paths
from .loading import RELATED, VERSIONS, TabSpec
from .note_commands import CarryNotes
from .notes_overview import install_notes_overview
from .notes_panel import NotesPanel
from .plain import rich, set_plain
from .qt_compat import later
from .search_panel import SearchPanel
from .settings_dialog import SettingsDialog
from .tasks import TaskRunner
from .window_fit import WindowFit
from .workspace import Workspace, restored_tabs

IMPORT_FILTER = "Resolutions (*.docx *.pdf *.txt *.md);;All files (*)"


class MainWindow(QMainWindow):
    """Drafter's window. ``library`` is an open :class:`drafter.store.Library`."""

    loading_finished = Signal()  # the start-up work (imports, first comparisons) is done

    def __init__(self, library, settings: S.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self.setWindowTitle("Drafter")
        self.setAcceptDrops(True)
        self.runner = TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.actions_ = create_actions(self)
        self._starting = False
        self.demo = False  # the demo library's window (see demo.py)
        self.demo_window = None

        self.workspace = Workspace(library, self.runner, self)
        self.workspace.ignore = settings.ignore
        self.center = QStackedWidget(self)
        self.center.addWidget(self.workspace.welcome)
        self.center.addWidget(self.workspace.tabs)
        self.setCentralWidget(self.center)

        self.library_panel = LibraryPanel(self)
        self.search_panel = SearchPanel(library, self)
        self.notes_panel = NotesPanel(library, self.undo_stack, lambda: self.settings.author, self)
        self.library_dock = self._dock(
            "Library", self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.search_dock = self._dock(
            "Search", self.search_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.notes_dock = self._dock(
            "Notes", self.notes_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.library_dock, self.search_dock)
        self.library_dock.raise_()

        self.compare_bar = CompareBar(self)
        menus.build_menus(self)
        menus.build_toolbar(self)
        install_notes_overview(self)
        install_change_list(self)
        self.fit = WindowFit(
            self,
            self.toolbar,
            self.compare_bar,
            {"library": self.library_dock, "notes": self.notes_dock},
        )
        self._update_recent_menu()
        self._build_status()
        self._connect()
        self.resize(1440, 900)
        self.refresh_library()
        self._tab_changed(None)

    # ---- construction -------------------------------------------------------
    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}Dock")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_status(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.progress_label = QLabel(self)
        set_plain(self.progress_label)  # "Importing <file name>"
        self.statusBar().addPermanentWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.progress)

    def _connect(self) -> None:
        a = self.actions_
        a.import_files.triggered.connect(self.import_interactive)
        a.import_folder.triggered.connect(self.import_folder_interactive)
        a.export.triggered.connect(self.export_interactive)
        a.settings.triggered.connect(self.settings_interactive)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self._focus_find)
        a.search_library.triggered.connect(self._focus_search)
        a.add_note.triggered.connect(self.notes_panel.add_interactive)
        a.next_change.triggered.connect(lambda: self._on_view("next_change"))
        a.previous_change.triggered.connect(lambda: self._on_view("previous_change"))
        a.next_link.triggered.connect(lambda: self._on_view("next_link"))
        a.previous_link.triggered.connect(lambda: self._on_view("previous_link"))
        a.other_end.triggered.connect(lambda: self._on_view("jump_other_end"))
        a.redline.setChecked(self.settings.get(S.REDLINE_VIEW))
        self.workspace.redline = a.redline.isChecked()
        a.redline.toggled.connect(self._set_redline)
        a.changes_only.toggled.connect(self._set_changes_only)
        a.close_tab.triggered.connect(self.workspace.close_current)
        a.close_other_tabs.triggered.connect(lambda: self.workspace.close_others())
        a.compare.triggered.connect(self.compare_bar.request)
        a.about.triggered.connect(self._about)
        a.carry_notes.triggered.connect(self.carry_notes)
        a.samples.triggered.connect(self.open_samples)
        a.focus_library.triggered.connect(
            lambda: self._focus_dock(self.library_dock, self.library_panel.tree)
        )
        a.focus_notes.triggered.connect(
            lambda: self._focus_dock(self.notes_dock, self.notes_panel.list)
        )
        a.focus_comparison.triggered.connect(self._focus_comparison)
        self.compare_bar.compare_requested.connect(lambda spec: self.workspace.open(spec))
        self.runner.busy_changed.connect(self._busy_changed)
        self.runner.progress.connect(self._progress)
        self.runner.error.connect(lambda title, msg: dialogs.show_error(self, title, msg))
        self.workspace.message.connect(lambda m: self.statusBar().showMessage(m, 6000))
        self.workspace.selection_changed.connect(self.notes_panel.set_target)
        self.workspace.current_changed.connect(self._tab_changed)
        self.workspace.redline_toggled.connect(self._view_redline_toggled)
        self.notes_panel.error.connect(lambda m: dialogs.show_error(self, "Notes", m))
        self.notes_panel.notes_changed.connect(self.workspace.refresh_note_counts)
        self.search_panel.open_hit.connect(self.open_paragraph)
        self.search_panel.error.connect(lambda m: dialogs.show_error(self, "Search", m))
        lp = self.library_panel
        lp.open_version.connect(self.open_version)
        lp.compare_versions.connect(lambda o, n, m: self.workspace.open(TabSpec(m, o, n)))
        lp.set_old.connect(self.compare_bar.set_old)
        lp.set_new.connect(self.compare_bar.set_new)
        lp.files_dropped.connect(self.import_paths)
        lp.remove_version.connect(self.remove_version)
        lp.rename_stage.connect(self.set_stage)
        lp.show_provenance.connect(self.show_provenance)
        lp.show_proposals.connect(self.show_proposals)
        lp.show_history.connect(partial(history_window.open_history, self))
        connect_library_edits(self)

    # ---- library ------------------------------------------------------------
    def refresh_library(self) -> None:
        if self.library is None:
            return
        try:
            families, versions = self.library.families(), self.library.versions()
        except DrafterError as exc:
            dialogs.show_error(self, "Library", str(exc))
            return
        self.library_panel.set_contents(families, versions)
        self.compare_bar.set_versions(versions)

    def import_interactive(self) -> None:
        paths = file_dialogs.open_file_names(self, "Import resolutions", "", IMPORT_FILTER)
        if paths:
            self.import_paths(paths)

    def import_folder_interactive(self) -> None:
        folder = file_dialogs.existing_directory(self, "Import every resolution in a folder")
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str], *, open_after: bool = False) -> None:
        """Import files in the background; bad files are reported, the rest imported."""
        paths = [str(p) for p in paths]
        self.runner.run(
            "Importing",
            partial(loading.import_files, self.library, paths),
            on_done=partial(self._imported, open_after, paths),
        )

    def _remember_recent(self, paths: list[str], outcome: loading.ImportOutcome) -> None:
        """Recent files: those that imported; a file that failed leaves the list."""
        bad = {p for p, _m in outcome.errors}
        for p in reversed(paths):
            full = str(Path(p).resolve())
            if p in bad:
                self.settings.remove_recent(full)
            else:
                self.settings.add_recent(full)
        self._update_recent_menu()

    def _imported(self, open_after: bool, paths: list[str], outcome: loading.ImportOutcome) -> None:
        self._remember_recent(paths, outcome)
        self.refresh_library()
        new = [r for r in outcome.results if not r.already_stored]
        msg = f"Imported {len(new)} file{'s' if len(new) != 1 else ''}"
        if len(outcome.results) != len(new):
            msg += f" ({len(outcome.results) - len(new)} already in the library)"
        carried = [r.carry for r in outcome.results if getattr(r, "carry", None) and r.carry.total]
        if carried:
            msg += "; notes from the previous version: " + "; ".join(c.summary() for c in carried)
        warnings = [w for r in outcome.results for w in getattr(r, "warnings", ())]
        if warnings:
            msg += f"; {len(warnings)} warning{'s' if len(warnings) != 1 else ''} (see tooltips)"
            self.statusBar().setToolTip(rich("\n".join(warnings[:20])))
        self.statusBar().showMessage(msg, 12000)
        if outcome.errors:
            lines = "\n".join(
                f"• {m}" if Path(p).name in m else f"• {Path(p).name}: {m}"
                for p, m in outcome.errors
            )
            dialogs.show_error(self, "Some files could not be imported", lines)
        if outcome.results:
            self.library_panel.select_version(outcome.results[-1].version_id)
        ids = [r.version_id for r in outcome.results]
        if open_after and len(ids) >= 2:
            old, new = ids[-2], ids[-1]
            same = self.library.version(old).family_id == self.library.version(new).family_id
            spec = TabSpec(VERSIONS if same else RELATED, old, new)
            self.workspace.show_example_on_load.add(spec)
            self.workspace.open(spec)
            self.compare_bar.show_spec(spec)
        elif open_after and ids:
            self.open_version(ids[-1])

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get(S.RECENT_FILES)
        for path in recent:
            self.recent_menu.addAction(
                Path(path).name, partial(self.import_paths, [path], open_after=True)
            ).setToolTip(rich(path))
        self.recent_menu.setEnabled(bool(recent))

    def set_stage(self, version_id: int, stage: str) -> None:
        try:
            self.library.set_stage(version_id, stage.strip() or None)
        except DrafterError as exc:
            dialogs.show_error(self, "Library", str(exc))
        self.refresh_library()

    def remove_version(self, version_id: int) -> None:
        """Remove a version (the panel asked the user); its tabs close."""
        for i in reversed(range(self.workspace.tabs.count())):
            spec = self.workspace.tabs.widget(i).spec
            if version_id in (spec.old_id, spec.new_id):
                self.workspace.close_tab(i)
        try:
            self.library.delete_version(version_id)
        except DrafterError as exc:
            dialogs.show_error(self, "Library", str(exc))
        self.refresh_library()
        self.notes_panel.set_target(None, None)

    def open_version(self, version_id: int, paragraph_id: int | None = None) -> None:
        """Compare a version with its previous one (or show it alone)."""
        try:
            prev = loading.previous_version_id(self.library, version_id)
        except DrafterError as exc:
            dialogs.show_error(self, "Library", str(exc))
            return
        spec = TabSpec(VERSIONS, prev if prev is not None else version_id, version_id)
        self.compare_bar.show_spec(spec)
        self.workspace.open(
            spec, select=("new", paragraph_id) if paragraph_id is not None else None
        )

    def open_paragraph(self, version_id: int, paragraph_id: int) -> None:
        """A search hit: show that paragraph, in an open tab if one shows the version."""
        for spec in self.workspace.specs():
            for side, vid in (("new", spec.new_id), ("old", spec.old_id)):
                if vid == version_id:
                    self.workspace.open(spec, select=(side, paragraph_id))
                    return
        self.open_version(version_id, paragraph_id)

    def show_provenance(self, version_id: int) -> None:
        """Agreed language of a version, in a window of its own."""
        from .provenance_view import ProvenanceWindow

        window = ProvenanceWindow(
            self.library, self.runner, version_id, author=self.settings.author, parent=self
        )
        window.open_paragraph.connect(self.open_paragraph)
        window.note_added.connect(
            lambda _vid: (self.notes_panel.refresh(), self.workspace.refresh_note_counts())
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        self.provenance_window = window

    def show_proposals(self, version_id: int) -> None:
        """Delegations' proposals on a version: compilation, fate, notes."""
        from .proposals_view import ProposalsWindow

        window = ProposalsWindow(
            self.library, self.runner, version_id, author=self.settings.author, parent=self
        )
        window.note_added.connect(
            lambda _vid: (self.notes_panel.refresh(), self.workspace.refresh_note_counts())
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        self.proposals_window = window

    # ---- start-up and session -----------------------------------------------
    def start(self, files: list[str] | None = None) -> None:
        """Open what the user asked for: files, else the last session. An empty library
        shows what to do (import, drop files, open the samples in the demo library)."""
        self._starting = True
        self.restore_state()
        if files:
            self.import_paths(files, open_after=True)
        elif self.library is not None and not self.library.versions():
            self.library_panel.tree.setFocus()
        else:
            self.restore_tabs()
        if not self.runner.busy:
            self._finish_start()

    def open_samples(self) -> None:
        """The bundled samples in the demo library's window; in that window, import
        them (once) and open their two comparisons."""
        if not self.demo:
            demo.open_demo(self)
            return
        scratch = Path(str(self.library.path)).parent
        self.runner.run(
            "Importing samples",
            partial(loading.seed_samples, self.library, scratch),
            on_done=self._seeded,
        )

    def _seeded(self, specs: list[TabSpec]) -> None:
        self.refresh_library()
        for spec in specs:
            self.workspace.open(spec, focus=False)
        self.workspace.tabs.setCurrentIndex(self.workspace.find_tab(specs[0]))
        self.compare_bar.show_spec(specs[0])
        self.workspace.show_example_on_load.update(specs)

    def restore_tabs(self) -> None:
        known = {v.id for v in self.library.versions()} if self.library is not None else set()
        specs = [s for s in (TabSpec.parse(t) for t in self.settings.get(S.LAST_TABS)) if s]
        specs = [s for s in specs if s.old_id in known and s.new_id in known]
        if not specs and self.library is not None:
            fallback = self._latest_family_spec()
            specs = [fallback] if fallback else []
            self.workspace.show_example_on_load.update(specs)
        index = min(max(0, self.settings.get(S.LAST_TAB_INDEX)), max(0, len(specs) - 1))
        specs, index = restored_tabs(specs, index)  # at most MAX_RESTORED_TABS
        for spec in specs:
            self.workspace.open(spec, focus=False)
        if specs:
            self.workspace.tabs.setCurrentIndex(index)
            self.compare_bar.show_spec(specs[index])

    def _latest_family_spec(self) -> TabSpec | None:
        """The newest version of the most recent family that has two versions (in one
        language: translations of one text are not successive versions)."""
        for fam in sorted(self.library.families(), key=lambda f: -f.id):
            if fam.version_count >= 2 and fam.latest_version_id is not None:
                members = sorted(
                    self.library.versions(fam.id), key=lambda v: (v.date or "9999", v.id)
                )
                for newest in reversed(members):
                    prev = loading.previous_version_id(self.library, newest.id)
                    if prev is not None:
                        return TabSpec(VERSIONS, prev, newest.id)
        return None

    def restore_state(self) -> None:
        geometry = self.settings.get(S.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.workspace.splitter_state = self.settings.get(S.SPLITTERS)
        state = self.settings.get(S.WINDOW_STATE)
        if state.isEmpty() or not self.restoreState(state):
            later(self, 0, self._default_dock_sizes)
            self._default_dock_sizes()

    def _default_dock_sizes(self) -> None:
        self.fit.default_dock_sizes()

    def save_state(self) -> None:
        if self.demo:
            return  # the demo's tabs are not the user's session
        self.settings.set(S.GEOMETRY, self.saveGeometry())
        self.settings.set(S.WINDOW_STATE, self.saveState())
        self.settings.set(S.SPLITTERS, self.workspace.splitter_state)
        self.settings.set(S.LAST_TABS, [s.to_str() for s in self.workspace.specs()])
        self.settings.set(S.LAST_TAB_INDEX, max(0, self.workspace.tabs.currentIndex()))
        self.settings.set(S.REDLINE_VIEW, self.actions_.redline.isChecked())
        self.settings.sync()

    def closeEvent(self, event) -> None:
        self.save_state()
        self.runner.wait(10000)
        super().closeEvent(event)

    def _finish_start(self) -> None:
        if self._starting:
            self._starting = False
            self.loading_finished.emit()

    # ---- status -------------------------------------------------------------
    def _busy_changed(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        else:
            self.progress_label.setText("")
            self._finish_start()

    def _progress(self, title: str, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(text or title)

    def _tab_changed(self, spec: TabSpec | None) -> None:
        self.center.setCurrentIndex(1 if self.workspace.tabs.count() else 0)
        index = self.workspace.tabs.currentIndex()
        title = self.workspace.tabs.tabToolTip(index) if spec is not None and index >= 0 else ""
        app = "Drafter (demo library)" if self.demo else "Drafter"
        self.setWindowTitle(f"{title} — {app}" if title else app)
        if spec is not None:
            self.compare_bar.show_spec(spec)
        view = self.workspace.current_view()
        is_versions = isinstance(view, ComparisonView)
        if is_versions:
            for act, on in (
                (self.actions_.redline, view.redline_box.isChecked()),
                (self.actions_.changes_only, view.filter_box.currentData() == "changes"),
            ):
                act.blockSignals(True)
                act.setChecked(on)
                act.blockSignals(False)
        for act in (self.actions_.next_change, self.actions_.previous_change):
            act.setEnabled(view is not None)
        for act in (self.actions_.next_link, self.actions_.previous_link):
            act.setEnabled(view is not None and not is_versions)
        for act in (
            self.actions_.other_end,
            self.actions_.redline,
            self.actions_.changes_only,
        ):
            act.setEnabled(is_versions)
        self.actions_.export.setEnabled(self.workspace.current_view() is not None)
        self.actions_.carry_notes.setEnabled(
            is_versions and spec is not None and spec.old_id != spec.new_id
        )
        self.actions_.find.setEnabled(view is not None)

    # ---- view commands ------------------------------------------------------
    def _on_view(self, method: str) -> None:
        view = self.workspace.current_view()
        if view is not None and hasattr(view, method):
            getattr(view, method)()
            if isinstance(view, ComparisonView):
                view.view.setFocus()

    def _view_redline_toggled(self, on: bool) -> None:
        self.actions_.redline.blockSignals(True)
        self.actions_.redline.setChecked(on)
        self.actions_.redline.blockSignals(False)

    def _set_redline(self, on: bool) -> None:
        self.workspace.set_redline(on)

    def _set_changes_only(self, on: bool) -> None:
        view = self.workspace.current_view()
        if isinstance(view, ComparisonView):
            view.set_filter("changes" if on else "all")

    def _focus_find(self) -> None:
        view = self.workspace.current_view()
        if view is not None:
            view.focus_find()

    def _focus_dock(self, dock: QDockWidget, widget: QWidget) -> None:
        dock.show()
        dock.raise_()
        widget.setFocus()

    def _focus_comparison(self) -> None:
        view = self.workspace.current_view()
        if view is not None:
            view.setFocus()

    def _focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.edit.setFocus()
        self.search_panel.edit.selectAll()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Drafter",
            f"<b>Drafter {__version__}</b><p>Compare, annotate and export versions of "
            "United Nations resolutions.</p>",
        )

    # ---- notes across versions ------------------------------------------------
    def carry_notes(self) -> None:
        """Carry the old version's notes to the new one (versions tab), in the background."""
        spec = self.workspace.current_spec()
        if spec is None or spec.mode != VERSIONS or spec.old_id == spec.new_id:
            dialogs.show_error(self, "Carry notes", "Open two versions of one text first.")
            return
        self.runner.run(
            "Carrying notes",
            lambda _progress: self.library.carry_forward(spec.old_id, spec.new_id),
            on_done=self._carried,
        )

    def _carried(self, report) -> None:
        if report.carried or report.orphaned:  # undoable like any other note edit
            self.undo_stack.push(
                CarryNotes(
                    self.library,
                    report,
                    self._notes_changed,
                    lambda m: dialogs.show_error(self, "Notes", m),
                )
            )
        self._notes_changed()
        self.statusBar().showMessage(f"Notes: {report.summary()}", 10000)
        dialogs.show_info(self, "Notes carried forward", report.summary())

    def _notes_changed(self) -> None:
        self.refresh_library()
        self.notes_panel.refresh()
        self.workspace.refresh_note_counts()

    # ---- export -------------------------------------------------------------
    def export_interactive(self) -> None:
        export_flow.export_interactive(self)

    # ---- settings -----------------------------------------------------------
    def settings_interactive(self) -> None:
        dlg = SettingsDialog(self.settings, self)
        if dialogs.run_modal(dlg) == QDialog.DialogCode.Accepted:
            dlg.save()
            self.apply_settings()

    def apply_settings(self) -> None:
        app = QApplication.instance()
        themes.apply_theme(app, self.settings.get(S.THEME), self.settings.get(S.FONT_SIZE))
        self.workspace.refresh_colors()
        self.workspace.set_ignore(self.settings.ignore)
        self.notes_panel.refresh()

    def changeEvent(self, event) -> None:
        """The system switched light/dark (theme "system"): recolour the diffs."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "workspace"):
            self.workspace.refresh_colors()

    # ---- drag and drop ------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths, open_after=True)


__all__ = ["MainWindow", "QByteArray"]
