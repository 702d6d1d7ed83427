"""The comparison tabs: opening (in the background), routing selections, exporting.

Why a separate controller: the main window only composes widgets; this object
knows which stored versions each tab shows, so notes go to the right version and
exports get the right notes.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMenu, QTabWidget, QWidget

from drafter.errors import DrafterError
from drafter.model import Comparison, Paragraph

from .comparison_view import ComparisonView
from .loading import RELATED, Loaded, TabSpec, load_tab
from .related_view import RelatedView
from .tasks import TaskRunner

WELCOME = (
    "<h2>No comparison open</h2>"
    "<p><a href='import'>Import resolution files</a> (Ctrl+O), or drop them on the "
    "window: Word, PDF, text or Markdown.</p>"
    "<p>Then choose an old and a new text in the toolbar and press Compare "
    "(Ctrl+Enter), or double-click a version in the library to compare it with its "
    "previous version.</p>"
    "<p>To see how it works first, <a href='samples'>open the sample comparisons</a>: "
    "they open in a demo library of their own, not in yours.</p>"
)


class LoadingTab(QLabel):
    def __init__(self, spec: TabSpec, parent: QWidget | None = None) -> None:
        super().__init__("Comparing…", parent)
        self.spec = spec
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)


class Workspace(QObject):
    """Owns the tab widget; each tab is a ComparisonView or RelatedView with a ``spec``."""

    selection_changed = Signal(
        object, object, str
    )  # version_id | None, Paragraph | None, version name
    current_changed = Signal(object)  # TabSpec | None
    message = Signal(str)
    tab_loaded = Signal(object)  # TabSpec
    redline_toggled = Signal(bool)  # a view's own Redline box changed

    def __init__(self, library, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self.runner = runner
        self.tabs = QTabWidget(parent)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.tabBar().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tabs.tabBar().customContextMenuRequested.connect(self._tab_menu)
        self.tabs.currentChanged.connect(self._current_changed)
        self.welcome = QLabel(WELCOME, parent)
        self.welcome.setWordWrap(True)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setMargin(40)
        self.welcome.setTextFormat(Qt.TextFormat.RichText)
        self.welcome.setAccessibleName("What to do first")
        self.redline = False
        self.splitter_state = QByteArray()  # related mode's two columns, kept across tabs
        self._pending_select: dict[TabSpec, tuple[str, int]] = {}
        self._names: dict[TabSpec, tuple[str, str]] = {}
        # first run: select a telling paragraph when these tabs load
        self.show_example_on_load: set[TabSpec] = set()
        self.ignore = None  # the user's "ignore" setting (None: the default)

    # ---- tabs ---------------------------------------------------------------
    def specs(self) -> list[TabSpec]:
        return [self.tabs.widget(i).spec for i in range(self.tabs.count())]

    def current_view(self) -> ComparisonView | RelatedView | None:
        w = self.tabs.currentWidget()
        return w if isinstance(w, (ComparisonView, RelatedView)) else None

    def current_spec(self) -> TabSpec | None:
        w = self.tabs.currentWidget()
        return getattr(w, "spec", None)

    def find_tab(self, spec: TabSpec) -> int:
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).spec == spec:
                return i
        return -1

    def open(
        self, spec: TabSpec, *, select: tuple[str, int] | None = None, focus: bool = True
    ) -> None:
        """Show ``spec`` in a tab (loading it in the background if it is new)."""
        if select is not None:
            self._pending_select[spec] = select
        i = self.find_tab(spec)
        if i >= 0:
            if focus:
                self.tabs.setCurrentIndex(i)
            self._apply_pending(spec)
            return
        placeholder = LoadingTab(spec)
        i = self.tabs.addTab(placeholder, "Loading…")
        if focus:
            self.tabs.setCurrentIndex(i)
        self.runner.run(
            "Comparing",
            partial(load_tab, self.library, spec, ignore=self.ignore),
            on_done=self._loaded,
            on_error=partial(self._failed, spec),
        )

    def _view_message(self, view, text: str) -> None:
        """Status messages only from the tab on screen (not one loading behind it)."""
        if view is self.tabs.currentWidget():
            self.message.emit(text)

    def _failed(self, spec: TabSpec, message: str) -> None:
        i = self.find_tab(spec)
        if i >= 0 and isinstance(self.tabs.widget(i), LoadingTab):
            w = self.tabs.widget(i)
            self.tabs.removeTab(i)
            w.deleteLater()
        self.runner.error.emit("Could not open the comparison", message)

    def _loaded(self, loaded: Loaded) -> None:
        spec = loaded.spec
        i = self.find_tab(spec)
        if i < 0:  # closed while loading
            return
        old_widget = self.tabs.widget(i)
        if isinstance(loaded.result, Comparison):
            view: QWidget = ComparisonView(loaded.result)
            view.set_single(spec.old_id == spec.new_id)  # one version alone: one column
            view.set_redline(self.redline)
            view.redline_box.toggled.connect(self.redline_toggled)
            mark = "→"
        else:
            view = RelatedView(loaded.result)
            if not self.splitter_state.isEmpty():
                view.splitter.restoreState(self.splitter_state)
            view.splitter.splitterMoved.connect(
                lambda *_a, v=view: setattr(self, "splitter_state", v.splitter.saveState())
            )
            mark = "↔"
        view.spec = spec
        self._names[spec] = (loaded.old_name, loaded.new_name)
        view.paragraph_selected.connect(partial(self._paragraph_selected, view))
        view.message.connect(partial(self._view_message, view))
        was_current = self.tabs.currentIndex() == i
        self.tabs.blockSignals(True)
        self.tabs.removeTab(i)
        title = f"{_short(loaded.old_name)} {mark} {_short(loaded.new_name)}"
        if spec.old_id == spec.new_id:  # one version shown alone (no earlier one)
            title = _short(loaded.new_name)
        self.tabs.insertTab(i, view, title)
        kind = "Related documents" if spec.mode == RELATED else "Versions"
        self.tabs.setTabToolTip(i, f"{kind}: {loaded.old_name} {mark} {loaded.new_name}")
        if was_current:
            self.tabs.setCurrentIndex(i)
        self.tabs.blockSignals(False)
        old_widget.deleteLater()
        if was_current:
            self._current_changed(i)
        if spec in self.show_example_on_load:
            self.show_example_on_load.discard(spec)
            if hasattr(view, "show_example"):
                view.show_example()
        self.refresh_note_counts(view)  # the other tabs' counts have not changed
        self._apply_pending(spec)
        self.tab_loaded.emit(spec)

    def _apply_pending(self, spec: TabSpec) -> None:
        sel = self._pending_select.get(spec)
        i = self.find_tab(spec)
        if sel is None or i < 0:
            return
        view = self.tabs.widget(i)
        if isinstance(view, (ComparisonView, RelatedView)):
            del self._pending_select[spec]
            side, pid = sel
            if not view.select_paragraph(side, pid):
                self.message.emit("That paragraph is not in this comparison")
            view.setFocus()

    def set_ignore(self, ignore) -> None:
        """Compare the open versions tabs again under a new "ignore" setting."""
        if ignore == self.ignore:
            return
        self.ignore = ignore
        for spec in self.specs():
            if spec.mode != RELATED:
                self.runner.run(
                    "Comparing",
                    partial(load_tab, self.library, spec, ignore=ignore),
                    on_done=self._loaded,
                    on_error=partial(self._failed, spec),
                )

    def close_tab(self, index: int) -> None:
        w = self.tabs.widget(index)
        if w is None:
            return
        self.tabs.removeTab(index)
        w.deleteLater()
        if self.tabs.count() == 0:
            self.selection_changed.emit(None, None, "")
            self.current_changed.emit(None)

    def close_others(self, keep: int | None = None) -> None:
        """Close every tab but ``keep`` (default: the current one)."""
        keep = self.tabs.currentIndex() if keep is None else keep
        kept = self.tabs.widget(keep)
        for i in reversed(range(self.tabs.count())):
            if self.tabs.widget(i) is not kept:
                self.close_tab(i)

    def _tab_menu(self, pos) -> None:
        index = self.tabs.tabBar().tabAt(pos)
        if index < 0:
            return
        menu = QMenu(self.tabs)
        menu.addAction("&Close", lambda: self.close_tab(index))
        other = menu.addAction("Close &Other Tabs", lambda: self.close_others(index))
        other.setEnabled(self.tabs.count() > 1)
        menu.exec(self.tabs.tabBar().mapToGlobal(pos))

    def close_current(self) -> None:
        if self.tabs.currentIndex() >= 0:
            self.close_tab(self.tabs.currentIndex())

    # ---- selection ----------------------------------------------------------
    def _current_changed(self, _index: int) -> None:
        spec = self.current_spec()
        self.current_changed.emit(spec)
        view = self.current_view()
        if view is None:
            self.selection_changed.emit(None, None, "")
            return
        cur = view.current_paragraph()
        if cur is None:
            side = "new"
            self.selection_changed.emit(spec.new_id, None, self.version_name(spec, side))
        else:
            self._paragraph_selected(view, *cur)

    def version_name(self, spec: TabSpec, side: str) -> str:
        names = self._names.get(spec, ("", ""))
        return names[0] if side == "old" else names[1]

    def _paragraph_selected(self, view: QWidget, side: str, paragraph: Paragraph | None) -> None:
        if view is not self.tabs.currentWidget():
            return
        spec = view.spec
        vid = spec.old_id if side == "old" else spec.new_id
        self.selection_changed.emit(
            vid, paragraph, f"{self.version_name(spec, side)} ({side} text)"
        )

    # ---- view commands ------------------------------------------------------
    def set_redline(self, on: bool) -> None:
        self.redline = on
        for i in range(self.tabs.count()):
            w = self.tabs.widget(i)
            if isinstance(w, ComparisonView):
                w.set_redline(on)

    def refresh_note_counts(self, view: QWidget | None = None) -> None:
        """Show a ✎ badge on paragraphs with notes, in every open tab (or in ``view``)."""
        counts: dict[int, dict[int, int]] = {}

        def for_version(vid: int) -> dict[int, int]:
            if vid not in counts:
                c: dict[int, int] = {}
                try:
                    notes = self.library.notes(vid, include_orphaned=False)
                except DrafterError:
                    notes = []
                for n in notes:
                    c[n.anchor.paragraph_id] = c.get(n.anchor.paragraph_id, 0) + 1
                counts[vid] = c
            return counts[vid]

        views = (
            [view] if view is not None else [self.tabs.widget(i) for i in range(self.tabs.count())]
        )
        for w in views:
            if hasattr(w, "set_note_counts"):
                w.set_note_counts(for_version(w.spec.old_id), for_version(w.spec.new_id))

    def refresh_colors(self) -> None:
        for i in range(self.tabs.count()):
            w = self.tabs.widget(i)
            if hasattr(w, "refresh_colors"):
                w.refresh_colors()

    def names(self, spec: TabSpec) -> tuple[str, str]:
        return self._names.get(spec, ("old", "new"))

    def result(self) -> object | None:
        view = self.current_view()
        if isinstance(view, ComparisonView):
            return view.comparison
        if isinstance(view, RelatedView):
            return view.relation
        return None


MAX_RESTORED_TABS = 8  # a session of 40 tabs would compare 40 pairs at start-up


def restored_tabs(specs: list[TabSpec], current: int) -> tuple[list[TabSpec], int]:
    """At most MAX_RESTORED_TABS of the saved tabs, around the one that was current."""
    if len(specs) <= MAX_RESTORED_TABS:
        return specs, current
    start = min(max(0, current - MAX_RESTORED_TABS // 2), len(specs) - MAX_RESTORED_TABS)
    return specs[start : start + MAX_RESTORED_TABS], current - start


def _short(name: str, limit: int = 30) -> str:
    """Shortened in the middle: the symbol and the language or file at the end stay."""
    if len(name) <= limit:
        return name
    tail = limit // 3
    return name[: limit - tail - 1] + "…" + name[-tail:]


__all__ = ["Path", "Workspace"]
