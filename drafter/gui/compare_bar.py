"""The toolbar's chooser: any two stored versions, and the mode (versions / related)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from .loading import RELATED, VERSIONS, TabSpec

MODE_LABELS = (("Versions", "Versions of one text"), ("Related", "Related documents"))


class CompareBar(QWidget):
    compare_requested = Signal(object)  # TabSpec

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.old = QComboBox(self)
        self.new = QComboBox(self)
        for box, name in ((self.old, "Old text"), (self.new, "New text")):
            box.setAccessibleName(name)
            box.setMinimumContentsLength(14)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.mode = QComboBox(self)
        for (_short, long), mode in zip(MODE_LABELS, (VERSIONS, RELATED), strict=True):
            self.mode.addItem(long, mode)
        self.mode.setItemData(0, "Versions of one text: what changed, paragraph by paragraph", 3)
        self.mode.setItemData(1, "Related documents: where each paragraph is reflected", 3)
        self.mode.setAccessibleName("Comparison mode")
        # the mode follows the texts (one family: versions; else related) until the
        # user picks one by hand, which then sticks
        self.mode_by_hand = False
        self._family_of: dict[int, int] = {}
        self.mode.activated.connect(self._mode_chosen)
        self.old.currentIndexChanged.connect(self._texts_changed)
        self.new.currentIndexChanged.connect(self._texts_changed)
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.compact = False
        swap = QToolButton(self, text="⇄", toolTip="Swap old and new")
        swap.clicked.connect(self.swap)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.addWidget(QLabel("O&ld:", self, buddy=self.old))
        lay.addWidget(self.old, 1)
        lay.addWidget(swap)
        lay.addWidget(QLabel("Ne&w:", self, buddy=self.new))
        lay.addWidget(self.new, 1)
        lay.addWidget(QLabel("&Mode:", self, buddy=self.mode))
        lay.addWidget(self.mode)

    def set_compact(self, on: bool) -> None:
        """Shorter mode names and narrower text choosers, for small windows."""
        self.compact = on
        for i, labels in enumerate(MODE_LABELS):
            self.mode.setItemText(i, labels[0] if on else labels[1])
        for box in (self.old, self.new):
            box.setMinimumContentsLength(8 if on else 14)
        for box in (self.old, self.new, self.mode):
            # QComboBox caches its minimum size hint: state the minimum outright
            box.setMinimumWidth(box.sizeHint().width())
        self.layout().invalidate()
        self.updateGeometry()

    def _mode_chosen(self, _index: int) -> None:
        self.mode_by_hand = True

    def suggested_mode(self) -> str | None:
        a, b = self.old.currentData(), self.new.currentData()
        if a is None or b is None:
            return None
        same = self._family_of.get(int(a)) == self._family_of.get(int(b))
        return VERSIONS if same else RELATED

    def _texts_changed(self, _index: int) -> None:
        mode = self.suggested_mode()
        if mode is not None and not self.mode_by_hand:
            self._select(self.mode, mode)

    def set_versions(self, versions: Sequence) -> None:
        self._family_of = {v.id: v.family_id for v in versions}
        keep_old, keep_new = self.old.currentData(), self.new.currentData()
        for box in (self.old, self.new):
            box.blockSignals(True)
            box.clear()
            for v in versions:
                label = v.display_name + (f" · {v.date}" if v.date else "")
                box.addItem(label, v.id)
                box.setItemData(box.count() - 1, v.title or label, 3)  # tooltip
            box.blockSignals(False)
        if versions:
            self._texts_changed(0)
        self._select(self.old, keep_old)
        self._select(
            self.new, keep_new if keep_new is not None else (versions[-1].id if versions else None)
        )

    @staticmethod
    def _select(box: QComboBox, vid) -> None:
        if vid is None:
            return
        i = box.findData(vid)
        if i >= 0:
            box.setCurrentIndex(i)

    def show_spec(self, spec: TabSpec) -> None:
        self._select(self.old, spec.old_id)
        self._select(self.new, spec.new_id)
        self._select(self.mode, spec.mode)

    def set_old(self, vid: int) -> None:
        self._select(self.old, vid)

    def set_new(self, vid: int) -> None:
        self._select(self.new, vid)

    def swap(self) -> None:
        a, b = self.old.currentData(), self.new.currentData()
        self._select(self.old, b)
        self._select(self.new, a)

    def spec(self) -> TabSpec | None:
        a, b = self.old.currentData(), self.new.currentData()
        if a is None or b is None:
            return None
        return TabSpec(self.mode.currentData(), int(a), int(b))

    def request(self) -> None:
        spec = self.spec()
        if spec is not None:
            self.compare_requested.emit(spec)
