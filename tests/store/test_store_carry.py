"""Carry-forward: notes follow their text; the lost ones are kept, flagged."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from store_helpers import make_resolution

from drafter.store import Library

OLD = [
    (None, "Recalling its resolution 79/1 of 2 December 2024 on international cooperation,"),
    (
        "1",
        "Urges Member States to strengthen international cooperation on safe, orderly and regular migration;",
    ),
    (
        "2",
        "Calls upon all States to respect the human rights of migrants, regardless of their migration status;",
    ),
    ("3", "Invites the regional commissions to contribute to the review of the Global Compact;"),
    (
        "4",
        "Requests the Secretary-General to report on the implementation of the present resolution at its eighty-first session.",
    ),
]
# Rev.1: a new OP 1 (everything renumbered), old OP 3 deleted, old OP 2 reworded
# ("calls upon" -> "urges"), old OP 4 moved up.
NEW = [
    (None, "Recalling its resolution 79/1 of 2 December 2024 on international cooperation,"),
    ("1", "Welcomes the progress made since the adoption of the Global Compact for Migration;"),
    (
        "2",
        "Requests the Secretary-General to report on the implementation of the present resolution at its eighty-first session.",
    ),
    (
        "3",
        "Urges Member States to strengthen international cooperation on safe, orderly and regular migration;",
    ),
    (
        "4",
        "Urges all States to respect the human rights of migrants, regardless of their migration status;",
    ),
]


def _setup(lib: Library) -> tuple[int, int]:
    old = lib.add_resolution(make_resolution(OLD, "A/C.2/80/L.9")).version_id
    new = lib.add_resolution(make_resolution(NEW, "A/C.2/80/L.9/Rev.1"), carry=False).version_id
    return old, new


def test_each_note_follows_its_paragraph_or_is_orphaned(lib: Library) -> None:
    old, new = _setup(lib)
    on_op1 = lib.add_note(
        old, 1, "agreed language", author="a", quote="safe, orderly and regular migration"
    )
    on_op2 = lib.add_note(old, 2, "we want 'urges'", author="a", quote="Calls upon")
    on_op2_whole = lib.add_note(old, 2, "keep 'regardless'", author="a", tags=["red line"])
    on_op3 = lib.add_note(old, 3, "G77 objects", author="b")
    on_op4 = lib.add_note(
        old, 4, "eighty-first or second?", author="a", quote="eighty-first session"
    )
    lib.update_note(on_op4.id, status="resolved")

    report = lib.carry_forward(old, new)
    assert report.total == 5
    assert len(report.carried) == 3 and len(report.orphaned) == 2
    by_src = {n.carried_from: n for n in lib.notes(new)}
    assert set(by_src) == {on_op1.id, on_op2.id, on_op2_whole.id, on_op3.id, on_op4.id}

    n1 = by_src[on_op1.id]
    assert (n1.anchor.paragraph_id, n1.anchor.number, n1.orphaned) == (3, "3", False)
    assert NEW[3][1][n1.anchor.start : n1.anchor.end] == "safe, orderly and regular migration"

    whole = by_src[on_op2_whole.id]
    assert (whole.anchor.paragraph_id, whole.orphaned, whole.tags) == (4, False, ("red line",))

    gone_words = by_src[on_op2.id]  # "Calls upon" was replaced by "Urges"
    assert gone_words.orphaned and gone_words.anchor.paragraph_id == 4
    assert gone_words.anchor.quote == "Calls upon"

    deleted = by_src[on_op3.id]
    assert deleted.orphaned and deleted.body == "G77 objects" and deleted.author == "b"

    moved = by_src[on_op4.id]
    assert (moved.anchor.paragraph_id, moved.anchor.number) == (2, "2")
    assert str(moved.status) == "resolved"
    assert ("OP 4", "OP 2") in {(o, n) for _, o, n in report.moved}
    reasons = dict(report.reasons)
    assert reasons[deleted.id] == "its paragraph was deleted"
    assert reasons[gone_words.id] == "the quoted words are gone"
    # the old version's notes are untouched
    assert len(lib.notes(old)) == 5 and not any(n.orphaned for n in lib.notes(old))
    assert len(lib.notes(new, include_orphaned=False)) == 3


def test_carrying_twice_adds_nothing(lib: Library) -> None:
    old, new = _setup(lib)
    lib.add_note(old, 1, "a", author="a")
    first = lib.carry_forward(old, new)
    again = lib.carry_forward(old, new)
    assert len(first.carried) == 1 and again.total == 1 and len(again.already) == 1
    assert len(lib.notes(new)) == 1
    lib.add_note(old, 0, "later", author="a")
    third = lib.carry_forward(old, new)
    assert len(third.carried) == 1 and len(third.already) == 1
    assert len(lib.notes(new)) == 2


def test_an_orphan_stays_an_orphan_until_its_text_returns(lib: Library) -> None:
    old, new = _setup(lib)
    lost = lib.add_note(old, 3, "about the regional commissions", author="a")
    lib.carry_forward(old, new)
    (orphan,) = lib.notes(new)
    assert orphan.orphaned
    # Rev.2 brings the paragraph back: the note finds its wording again.
    rev2 = lib.add_resolution(
        make_resolution([*NEW, ("5", OLD[3][1])], "A/C.2/80/L.9/Rev.2"), carry=False
    )
    lib.carry_forward(new, rev2.version_id)
    (back,) = lib.notes(rev2.version_id)
    assert not back.orphaned and back.anchor.paragraph_id == 5 and back.carried_from == orphan.id
    assert lost.body == back.body


def test_import_of_a_new_version_carries_notes_from_the_previous_one(
    lib: Library, corpus: Path
) -> None:
    fam = corpus / "families" / "draft-to-adopted"
    draft = lib.import_file(fam / "A_80_L.2.txt").version
    res = lib.load_version(draft.id)
    op2 = next(p.id for p in res.paragraphs if p.number == "2")
    deploring = next(p.id for p in res.paragraphs if p.text.startswith("Deploring"))
    lib.add_note(draft.id, op2, "agreed language", author="a", quote="general debate")
    lib.add_note(draft.id, deploring, "too strong", author="a", quote="Deploring")
    lib.add_note(draft.id, deploring, "visas", author="a", quote="United States of America")
    result = lib.import_file(fam / "A_RES_80_1.md")
    assert result.carry is not None and result.carry.total == 3
    adopted = lib.load_version(result.version_id)
    notes = {n.body: n for n in lib.notes(result.version_id)}
    assert adopted.paragraphs[notes["agreed language"].anchor.paragraph_id].number == "2"
    assert notes["too strong"].orphaned  # adopted text says "Regretting"
    visas = notes["visas"]
    assert not visas.orphaned
    assert adopted.paragraphs[visas.anchor.paragraph_id].text.startswith("Regretting")
    assert result.version.note_count == 3


def test_notes_are_not_carried_back_to_an_older_draft(lib: Library) -> None:
    import datetime as dt

    adopted = lib.add_resolution(make_resolution(NEW, "A/RES/80/99", dt.date(2025, 12, 1)))
    lib.add_note(adopted.version_id, 3, "on the adopted text", author="a")
    older = lib.add_resolution(
        make_resolution(OLD, "A/C.2/80/L.9", dt.date(2025, 10, 1)),
        family_id=adopted.version.family_id,
    )
    assert older.carry is None and lib.notes(older.version_id) == []
    newer = lib.add_resolution(
        make_resolution(
            [*NEW, ("5", "Decides to remain seized of the matter.")],
            "A/RES/80/99/Corr.1",
            dt.date(2025, 12, 5),
        ),
        family_id=adopted.version.family_id,
    )
    # the corrigendum takes its notes from the adopted text, not from the older draft
    assert newer.carry is not None and newer.carry.from_version == adopted.version_id
    assert [n.body for n in lib.notes(newer.version_id)] == ["on the adopted text"]


def test_a_quote_follows_its_own_words_not_the_same_words_elsewhere(lib: Library) -> None:
    text = (
        "Calls upon Member States to cooperate fully with the Special Rapporteur, "
        "and requests the Secretary-General to assist Member States in implementing the present resolution;"
    )
    edited = text.replace("Calls upon Member States", "Calls upon all States")
    spaced = text.replace("requests the Secretary-General", "requests  the  Secretary‑General")
    base = [(None, "Recalling its previous resolutions,")]
    old = lib.add_resolution(make_resolution([*base, ("1", text)], "A/80/L.50")).version_id
    first = text.index("Member States")
    second = text.rindex("Member States")
    n_first = lib.add_note(
        old, 1, "first", author="a", quote="Member States", start=first, end=first + 13
    )
    n_second = lib.add_note(
        old, 1, "second", author="a", quote="Member States", start=second, end=second + 13
    )
    n_sg = lib.add_note(old, 1, "sg", author="a", quote="the Secretary-General")

    new = lib.add_resolution(
        make_resolution([*base, ("1", edited)], "A/80/L.50/Rev.1"), carry=False
    )
    lib.carry_forward(old, new.version_id)
    got = {n.carried_from: n for n in lib.notes(new.version_id)}
    assert got[n_first.id].orphaned  # its words were edited; the later "Member States" is not it
    moved = got[n_second.id]
    assert not moved.orphaned and moved.anchor.start == edited.rindex("Member States")
    assert not got[n_sg.id].orphaned

    rev2 = lib.add_resolution(
        make_resolution([*base, ("1", spaced)], "A/80/L.50/Rev.2"), carry=False
    )
    lib.carry_forward(old, rev2.version_id)
    sg = next(n for n in lib.notes(rev2.version_id) if n.carried_from == n_sg.id)
    assert not sg.orphaned and sg.anchor.quote == "the  Secretary‑General"


def test_a_note_follows_its_words_into_a_split_paragraph(lib: Library) -> None:
    one = (
        "Decides to convene a high-level meeting on migration in 2026, "
        "and requests the President of the General Assembly to appoint two co-facilitators "
        "to conduct open, transparent and inclusive consultations on its modalities;"
    )
    a, b = one.split(", and requests")
    two = [("1", a + ";"), ("2", "Requests" + b)]
    base = [(None, "Recalling its resolution 79/1,")]
    old = lib.add_resolution(make_resolution([*base, ("1", one)], "A/80/L.60")).version_id
    note = lib.add_note(
        old, 1, "co-facilitators from both groups", author="a", quote="two co-facilitators"
    )
    new = lib.add_resolution(make_resolution([*base, *two], "A/80/L.60/Rev.1"), carry=False)
    lib.carry_forward(old, new.version_id)
    (copy,) = lib.notes(new.version_id)
    assert copy.carried_from == note.id and not copy.orphaned
    assert copy.anchor.paragraph_id == 2 and copy.anchor.number == "2"


_WORDS = ["Member", "States", "urges", "calls", "upon", "the", "Assembly", "of", "and", ",", ";"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=25),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=25),
)
def test_positions_in_unchanged_text_map_to_the_same_characters(a: list[str], b: list[str]) -> None:
    from drafter.compare import word_diff
    from drafter.model import EQUAL
    from drafter.store.carry import _map_position

    old, new = " ".join(a), " ".join(b)
    runs, _ = word_diff(old, new)
    pos = 0
    for op, text in runs:
        if op == EQUAL:
            for k in range(len(text)):
                assert new[_map_position(runs, pos + k)] == old[pos + k]
        if op <= 0:
            pos += len(text)
    assert pos == len(old)
