"""Comparison tabs: one version alone is one column, titles tell language versions
and same-symbol files apart, "Close Other Comparisons", and a limit on restored tabs."""

from __future__ import annotations

import dataclasses
import itertools

from drafter.gui import settings as S
from drafter.gui.comparison_model import GUTTER, NEW, OLD, REDLINE
from drafter.gui.comparison_view import ComparisonView
from drafter.gui.loading import RELATED, VERSIONS, TabSpec, tab_names
from drafter.gui.workspace import MAX_RESTORED_TABS, restored_tabs


def test_a_version_alone_is_one_column(make_window, library, qtbot):
    win = make_window(library)
    alone = next(v for v in library.versions() if (v.symbol or "").endswith("67/219"))
    win.open_version(alone.id)
    spec = TabSpec(VERSIONS, alone.id, alone.id)
    qtbot.waitUntil(lambda: isinstance(win.workspace.current_view(), ComparisonView), timeout=30000)
    view = win.workspace.current_view()
    assert view.spec == spec and view.single
    shown = [c for c in (OLD, GUTTER, NEW, REDLINE) if not view.view.isColumnHidden(c)]
    assert shown == [NEW]
    view.set_redline(True)  # nothing to redline against: still the one column
    assert [c for c in (OLD, GUTTER, NEW, REDLINE) if not view.view.isColumnHidden(c)] == [NEW]
    assert not view.redline_box.isVisible()
    assert "alone" in view.summary.full_text()
    title = win.workspace.tabs.tabText(win.workspace.tabs.currentIndex())
    assert "→" not in title and "67/219" in title


def test_titles_tell_languages_and_files_apart(library):
    v = next(v for v in library.versions() if (v.symbol or "").endswith("68/4"))
    arabic = dataclasses.replace(v, id=v.id + 100, language="ar")
    old, new = tab_names(v, arabic)
    assert old != new and new.endswith("[AR]") and old.endswith("[EN]")
    french = dataclasses.replace(v, id=v.id + 101, language="fr")
    assert tab_names(arabic, french)[0].endswith("[AR]")
    # same symbol, same language, two files: the file names say which is which
    txt = dataclasses.replace(v, id=v.id + 102, source="A_RES_68_4.txt")
    old, new = tab_names(v, txt)
    assert old != new and "A_RES_68_4.txt" in new and (v.source or "") in old
    # an English text compared with a later English one keeps its plain name
    assert tab_names(v, dataclasses.replace(v, id=v.id + 103, stage="Rev.1"))[0] == v.display_name


def test_close_other_comparisons(make_window, library, settings):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    tabs = win.workspace.tabs
    assert tabs.count() == 2
    keep = tabs.widget(1).spec
    tabs.setCurrentIndex(1)
    win.actions_.close_other_tabs.trigger()
    assert tabs.count() == 1 and tabs.widget(0).spec == keep


def test_restored_tabs_are_limited_around_the_current_one(make_window, library, settings):
    ids = [v.id for v in library.versions()]
    specs = [
        TabSpec(mode, a, b)
        for mode in (VERSIONS, RELATED)
        for a, b in itertools.permutations(ids, 2)
    ]
    assert len(specs) > MAX_RESTORED_TABS
    kept, index = restored_tabs(specs, len(specs) - 1)
    assert len(kept) == MAX_RESTORED_TABS and kept[index] == specs[-1]
    kept, index = restored_tabs(specs, 5)
    assert len(kept) == MAX_RESTORED_TABS and kept[index] == specs[5]
    settings.set(S.LAST_TABS, [s.to_str() for s in specs])
    settings.set(S.LAST_TAB_INDEX, 9)
    win = make_window(library)
    assert win.workspace.tabs.count() == MAX_RESTORED_TABS
    assert win.workspace.current_spec() == specs[9]
