"""Related mode shows every paragraph's best candidates, strong above weak, and steps
through one paragraph's links by keyboard (67/219 -> 68/4, the bundled samples)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from drafter.compare import is_linkable
from drafter.gui import settings as S
from drafter.gui.comparison_model import HtmlRole
from drafter.gui.links_panel import WEAK_LINE
from drafter.gui.related_view import RelatedView


def _open_related(make_window, library, settings) -> tuple[object, RelatedView]:
    settings.set(S.LAST_TABS, [library.sample_specs[0].to_str()])
    win = make_window(library)
    view = win.workspace.current_view()
    assert isinstance(view, RelatedView)
    return win, view


def _old_id(view: RelatedView, number: str) -> int:
    return next(p.id for p in view.relation.old.paragraphs if p.number == number)


def test_every_paragraph_shows_three_candidates_strong_above_weak(make_window, library, settings):
    _win, view = _open_related(make_window, library, settings)
    rel = view.relation
    shown = 0
    for par in rel.old.paragraphs:
        view.select_paragraph("old", par.id)
        links = view.links_panel.links()
        if not is_linkable(par) or not rel.links_from(par.id):
            assert (not links and "no link" in view.links_panel.title.text()) or not is_linkable(
                par
            )
            continue
        shown += 1
        assert len(links) >= 3, par.label
        rows = view.links_panel.model.rows
        labels = [row[2].label for row in rows if row is not None]
        assert labels == [rel.new.paragraphs[lk.new].label for lk in links]
        # one line, and only one, between the strong and the weak links
        strengths = [None if row is None else row[1].strong for row in rows]
        if None in strengths:
            cut = strengths.index(None)
            assert all(strengths[:cut]) and not any(strengths[cut + 1 :])
            assert strengths.count(None) == 1
        else:
            assert all(strengths)
        # every candidate carries its score in the list and in the other text's badge
        for lk in links:
            html = view.new_model.data(view.new_model.index(lk.new, 0), HtmlRole)
            assert f"{lk.score:.0%}" in html
            assert ("weak" in html) == (not lk.strong)
    assert shown >= 30


def test_weak_links_are_badged_but_not_tinted(make_window, library, settings):
    _win, view = _open_related(make_window, library, settings)
    pid = _old_id(view, "3(c)(iv)")  # labour mobility: one strong link, then weak ones
    view.select_paragraph("old", pid)
    links = view.relation.links_from(pid)
    strong = {lk.new for lk in links if lk.strong}
    assert strong and len(strong) < len(links)
    assert view.new_view.delegate.linked_rows == strong
    separator = view.links_panel.model.rows.index(None)
    text = view.links_panel.model.data(view.links_panel.model.index(separator, 0))
    assert WEAK_LINE in text
    assert not view.links_panel.model.flags(view.links_panel.model.index(separator, 0))


def _visible(view: RelatedView, pid: int) -> bool:
    rect = view.new_view.visualRect(view.new_model.index(pid, 0))
    return rect.isValid() and view.new_view.viewport().rect().intersects(rect)


def test_alt_down_steps_through_one_paragraphs_links(make_window, library, settings, qtbot):
    win, view = _open_related(make_window, library, settings)
    rel = view.relation
    pid = max((p.id for p in rel.old.paragraphs), key=lambda i: len(rel.links_from(i)))
    links = rel.links_from(pid)
    assert len(links) >= 4
    view.old_view.setFocus()
    view.select_paragraph("old", pid)
    assert view.links_panel.current_rank() == 1
    for rank, key, mod in (
        (2, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
        (3, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
        (4, Qt.Key.Key_F7, Qt.KeyboardModifier.ControlModifier),
        (3, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier),
    ):
        qtbot.keyClick(win, key, mod)
        target = links[rank - 1].new
        assert view.links_panel.current_rank() == rank
        assert view.new_view.delegate.focus_row == target
        qtbot.waitUntil(lambda t=target: _visible(view, t), timeout=5000)
        assert view.links_panel.model.data(
            view.links_panel.model.index(view.links_panel.model.current, 0)
        ).startswith("▶")
        # the source paragraph stays selected: stepping links does not lose it
        assert view.current_paragraph()[1].id == pid
    # past the best link: a message, nothing moves
    for _ in range(3):
        view.previous_link()
    assert view.links_panel.current_rank() == 1
    # F7 still walks the source paragraphs, and the links follow
    qtbot.keyClick(win, Qt.Key.Key_F7)
    nxt = view.current_paragraph()[1].id
    assert nxt != pid and view.links_panel.current_rank() == 1
    assert view.links_panel.links() == list(rel.links_from(nxt))


def test_link_actions_are_in_the_view_menu_and_only_for_related_mode(
    make_window, library, settings
):
    settings.set(S.LAST_TABS, [s.to_str() for s in library.sample_specs])
    win = make_window(library)
    a = win.actions_
    assert a.next_link.shortcut().toString() == "Alt+Down"
    assert "Ctrl+F7" in [k.toString() for k in a.next_link.shortcuts()]
    tabs = win.workspace.tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        related = isinstance(tabs.widget(i), RelatedView)
        assert a.next_link.isEnabled() == related
        assert a.previous_link.isEnabled() == related


def test_clicking_a_link_in_the_list_scrolls_to_it(make_window, library, settings, qtbot):
    _win, view = _open_related(make_window, library, settings)
    pid = _old_id(view, "3(c)(ii)")
    view.select_paragraph("old", pid)
    model = view.links_panel.model
    last = model.link_rows()[-1]
    view.links_panel.view.clicked.emit(model.index(last, 0))
    link = model.rows[last][1]
    assert view.new_view.delegate.focus_row == link.new
    qtbot.waitUntil(lambda: _visible(view, link.new), timeout=5000)
