"""Notes: anchors, edits, delete and undo."""

from __future__ import annotations

import pytest
from store_helpers import make_resolution

from drafter.errors import StoreError
from drafter.model import NoteStatus
from drafter.store import Library
from drafter.store.anchors import find_quote, text_hash

TEXTS = [
    (None, "Recalling its resolution 79/1 on international cooperation,"),
    ("1", "Urges Member States to strengthen international cooperation on migration;"),
    ("2", "Requests the Secretary-General to report on the implementation of this resolution."),
]


@pytest.fixture
def vid(lib: Library) -> int:
    return lib.add_resolution(make_resolution(TEXTS)).version_id


def test_add_note_anchors_by_id_number_hash_and_quote(lib: Library, vid: int) -> None:
    n = lib.add_note(
        vid,
        1,
        "  G77 wants 'urges'  ",
        author="Ana",
        tags=["G77", "g77", " red line "],
        quote="international cooperation",
    )
    assert n.body == "G77 wants 'urges'"
    assert n.tags == ("G77", "red line")
    a = n.anchor
    assert (a.paragraph_id, a.number) == (1, "1")
    assert a.text_hash == text_hash(TEXTS[1][1])
    assert TEXTS[1][1][a.start : a.end] == a.quote == "international cooperation"
    assert n.status == NoteStatus.OPEN and not n.orphaned and n.created == n.updated
    assert lib.notes(vid) == [n]
    assert lib.note(n.id) == n and lib.note(n.id[:8]) == n


def test_offsets_alone_give_the_quote_and_wrong_offsets_are_corrected(
    lib: Library, vid: int
) -> None:
    n = lib.add_note(vid, 2, "who reports?", author="a", start=13, end=30)
    assert n.anchor.quote == "Secretary-General"
    m = lib.add_note(vid, 2, "x", author="a", quote="Secretary-General", start=0, end=5)
    assert (m.anchor.start, m.anchor.end) == (13, 30)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((99, 0, "x"), "no version 99"),
        ((None, 7, "x"), "no paragraph with id 7"),
        ((None, 0, "   "), "needs some text"),
    ],
)
def test_bad_notes_are_refused(lib: Library, vid: int, args: tuple, message: str) -> None:
    version = vid if args[0] is None else args[0]
    with pytest.raises(StoreError, match=message):
        lib.add_note(version, args[1], args[2], author="a")
    assert lib.notes(vid) == []


def test_a_quote_not_in_the_paragraph_is_refused(lib: Library, vid: int) -> None:
    with pytest.raises(StoreError, match="not in the paragraph"):
        lib.add_note(vid, 1, "x", author="a", quote="nuclear disarmament")
    with pytest.raises(StoreError, match="author"):
        lib.add_note(vid, 1, "x", author=" ")


def test_update_delete_and_restore(lib: Library, vid: int) -> None:
    n = lib.add_note(vid, 0, "first", author="a")
    u = lib.update_note(n.id, body="second", tags=["x"], status="resolved")
    assert (u.body, u.tags, u.status) == ("second", ("x",), NoteStatus.RESOLVED)
    assert u.updated >= n.updated and u.created == n.created
    with pytest.raises(StoreError, match="unknown note status"):
        lib.update_note(n.id, status="maybe")
    gone = lib.delete_note(n.id)
    assert gone == u and lib.notes(vid) == []
    with pytest.raises(StoreError, match="no note"):
        lib.delete_note(n.id)
    lib.restore_note(gone)
    assert lib.notes(vid) == [u]
    lib.restore_note(gone)  # a second undo is harmless
    assert len(lib.notes(vid)) == 1


def test_notes_are_listed_in_reading_order(lib: Library, vid: int) -> None:
    b = lib.add_note(vid, 2, "b", author="a")
    a = lib.add_note(vid, 0, "a", author="a")
    assert [n.id for n in lib.notes(vid)] == [a.id, b.id]


def test_find_quote_prefers_exact_then_tolerates_typography() -> None:
    text = "the State’s  duty and the State’s right"
    second = text.rindex("State’s")
    assert find_quote(text, "State’s", 25) == (second, second + 7)
    assert find_quote(text, "State's duty", 0) == (4, 17)
    assert find_quote(text, "obligation", 0) is None
    assert find_quote(text, "", 0) is None
