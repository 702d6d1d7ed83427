"""Versions mode on small hand-made cases: each kind of change, alone."""

from __future__ import annotations

import json

from compare_helpers import make_resolution

from drafter.compare import compare
from drafter.model import PairKind, Paragraph, Resolution

P = [
    "Recalling its resolution 46/182 of 19 December 1991 on the strengthening of the coordination of humanitarian emergency assistance",
    "Deeply concerned about the suffering of the victims of disasters and emergency situations in many parts of the world",
    "Decides to convene a high-level dialogue on international migration and development during its sixty-eighth session",
    "Requests the Secretary-General to submit a report on the implementation of the present resolution at its next session",
    "Encourages Member States to cooperate on mobility programmes that facilitate safe, orderly and regular migration",
    "Invites the regional commissions to examine the regional aspects of international migration and development",
    "Calls upon all States to respect the human rights of migrants, regardless of their migration status",
    "Stresses the need to combat trafficking in persons and the smuggling of migrants in all their forms",
]


def kinds(cmp) -> list[str]:
    return [str(p.kind) for p in cmp.pairs]


def check_runs(cmp) -> None:
    """The public contract: runs rebuild both sides of every pair."""
    for pair in cmp.pairs:
        old = "".join(t for op, t in pair.diff if op <= 0)
        new = "".join(t for op, t in pair.diff if op >= 0)
        assert old == "\n".join(cmp.old.paragraphs[i].text for i in pair.old)
        assert new == "\n".join(cmp.new.paragraphs[i].text for i in pair.new)


def test_identical_versions_are_all_unchanged() -> None:
    cmp = compare(make_resolution(P), make_resolution(P))
    assert kinds(cmp) == ["unchanged"] * len(P)
    assert cmp.summary["changes"] == 0
    check_runs(cmp)


def test_one_move_is_found_and_linked() -> None:
    new = [P[0], P[1], P[6], P[2], P[3], P[4], P[5], P[7]]
    cmp = compare(make_resolution(P), make_resolution(new))
    moved = [p for p in cmp.pairs if p.kind == PairKind.MOVED]
    assert [(p.old, p.new) for p in moved] == [((6,), (2,))]
    assert not moved[0].moved_edited
    assert cmp.summary["unchanged"] == 7
    # Pairs come in the new text's reading order.
    assert [p.new for p in cmp.pairs] == [(i,) for i in range(8)]
    check_runs(cmp)


def test_moved_and_edited() -> None:
    edited = P[6].replace("respect", "fully respect and protect")
    new = [edited, P[0], P[1], P[2], P[3], P[4], P[5], P[7]]
    cmp = compare(make_resolution(P), make_resolution(new))
    moved = [p for p in cmp.pairs if p.kind == PairKind.MOVED]
    assert len(moved) == 1 and moved[0].old == (6,) and moved[0].moved_edited
    assert (1, "fully ") in moved[0].diff
    check_runs(cmp)


def test_one_split() -> None:
    first, second = P[4].split(" that ")
    new = [*P[:4], first + " that", second, *P[5:]]
    cmp = compare(make_resolution(P), make_resolution(new))
    split = [p for p in cmp.pairs if p.kind == PairKind.SPLIT]
    assert [(p.old, p.new) for p in split] == [((4,), (4, 5))]
    assert cmp.summary["changes"] == 1
    check_runs(cmp)


def test_one_merge() -> None:
    new = [*P[:2], P[2] + "; " + P[3][0].lower() + P[3][1:], *P[4:]]
    cmp = compare(make_resolution(P), make_resolution(new))
    merged = [p for p in cmp.pairs if p.kind == PairKind.MERGED]
    assert [(p.old, p.new) for p in merged] == [((2, 3), (2,))]
    assert cmp.summary["changes"] == 1
    check_runs(cmp)


def test_renumbering_alone_is_no_change() -> None:
    old = make_resolution(P)
    renumbered = Resolution(
        symbol="X",
        title=None,
        date=None,
        paragraphs=tuple(
            Paragraph(p.id, p.kind, str(int(p.number) + 1), p.text) for p in old.paragraphs
        ),
    )
    cmp = compare(old, renumbered)
    assert kinds(cmp) == ["unchanged"] * len(P)


def test_inserted_paragraph_renumbers_the_rest_without_changes() -> None:
    extra = "Welcomes the offer of the Government of Mexico to host the next Global Forum in 2014"
    cmp = compare(make_resolution(P), make_resolution([*P[:3], extra, *P[3:]]))
    assert kinds(cmp) == ["unchanged"] * 3 + ["inserted"] + ["unchanged"] * 5


def test_deleted_paragraph_stays_where_it_stood() -> None:
    cmp = compare(make_resolution(P), make_resolution([*P[:5], *P[6:]]))
    assert kinds(cmp)[5] == "deleted"
    assert cmp.pairs[5].old == (5,) and cmp.pairs[5].new == ()
    check_runs(cmp)


def test_word_edit_is_modified_with_a_word_diff() -> None:
    new = list(P)
    new[3] = P[3].replace("next session", "seventieth session")
    cmp = compare(make_resolution(P), make_resolution(new))
    pair = cmp.pairs[3]
    assert pair.kind == PairKind.MODIFIED and not pair.formatting_only
    assert [t for op, t in pair.diff if op != 0] == ["next", "seventieth"]
    assert 0.8 < pair.similarity < 1


def test_whitespace_only_change_is_formatting_only() -> None:
    new = list(P)
    new[1] = P[1].replace(" the ", "  the ").replace("world", "world ")
    cmp = compare(make_resolution(P), make_resolution(new))
    pair = cmp.pairs[1]
    assert pair.kind == PairKind.MODIFIED and pair.formatting_only
    assert cmp.summary["formatting_only"] == 1


def test_quote_dash_and_marker_changes_are_formatting_only() -> None:
    old = ["Recalling the “Rio Declaration”, non-governmental organizations and the 2030 Agenda,"]
    new = [
        'Recalling the "Rio Declaration",3 non\u2011governmental organizations and the 2030 Agenda,'
    ]
    cmp = compare(make_resolution(old), make_resolution(new))
    assert cmp.pairs[0].formatting_only and cmp.pairs[0].kind == PairKind.MODIFIED


def test_footnote_renumbering_is_no_change_but_new_footnote_text_is() -> None:
    from drafter.model import Footnote

    def res(marker: str, note: str) -> Resolution:
        return Resolution(
            symbol="X",
            title=None,
            date=None,
            paragraphs=(Paragraph(0, "preambular", None, P[0], footnotes=(marker,)),),
            footnotes=(Footnote(marker, note),),
        )

    assert compare(res("1", "A/46/182"), res("2", "A/46/182")).pairs[0].kind == "unchanged"
    pair = compare(res("1", "A/46/182"), res("1", "A/47/168")).pairs[0]
    assert pair.kind == "modified" and pair.formatting_only


def test_unrelated_replacement_is_deleted_plus_inserted() -> None:
    new = list(P)
    new[2] = "Expresses its appreciation to the host country for the excellent arrangements made"
    cmp = compare(make_resolution(P), make_resolution(new))
    assert kinds(cmp)[2:4] == ["deleted", "inserted"]


def test_chinese_versions() -> None:
    old = [
        "大会，",
        "回顾其关于国际移徙与发展的各项决议，",
        "决定于2013年举行国际移徙与发展问题高级别对话。",
    ]
    new = [
        "大会，",
        "回顾其关于国际移徙与发展的所有决议，",
        "决定于2013年举行国际移徙与发展问题高级别对话。",
    ]
    cmp = compare(make_resolution(old, language="zh"), make_resolution(new, language="zh"))
    assert kinds(cmp) == ["unchanged", "modified", "unchanged"]
    assert [t for op, t in cmp.pairs[1].diff if op != 0] == ["各项", "所有"]


def test_arabic_versions() -> None:
    old = [
        "إن الجمعية العامة،",
        "تقرر عقد حوار رفيع المستوى بشأن الهجرة الدولية والتنمية",
        "تطلب إلى الأمين العام تقديم تقرير",
    ]
    new = [
        "إن الجمعية العامة،",
        "تقرر عقد حوار رفيع المستوى بشأن الهجرة الدولية والتنمية المستدامة",
        "تطلب إلى الأمين العام تقديم تقرير",
    ]
    cmp = compare(make_resolution(old, language="ar"), make_resolution(new, language="ar"))
    assert kinds(cmp) == ["unchanged", "modified", "unchanged"]
    assert [t for op, t in cmp.pairs[1].diff if op != 0] == [" المستدامة"]


def test_empty_documents() -> None:
    empty = make_resolution([])
    assert compare(empty, empty).pairs == ()
    cmp = compare(empty, make_resolution(P[:2]))
    assert kinds(cmp) == ["inserted", "inserted"]


def test_json_contract() -> None:
    new = [P[0], P[1], P[6], P[2], P[3], P[4] + " now", P[5], P[7]]
    data = json.loads(json.dumps(compare(make_resolution(P), make_resolution(new)).to_json()))
    assert data["mode"] == "versions"
    assert set(data) >= {"old", "new", "mode", "pairs", "summary"}
    for pair in data["pairs"]:
        assert set(pair) >= {"kind", "old", "new", "similarity", "approximate", "diff"}
        assert all(op in (-1, 0, 1) for op, _ in pair["diff"])
    assert data["summary"]["moved"] == 1 and data["summary"]["modified"] == 1


def test_total_time_budget_marks_the_rest_approximate(monkeypatch) -> None:
    import random

    import drafter.compare.versions as versions

    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(200)]
    # Long enough (3,000 tokens a side, over inline.LCS_MAX_CELLS) that only the
    # bisection can diff them, which takes far more than the last resort's 10 ms.
    olds = [" ".join(rng.choice(vocab) for _ in range(1500)) for _ in range(4)]
    news = [
        " ".join(w if rng.random() < 0.5 else rng.choice(vocab) for w in t.split()) for t in olds
    ]
    monkeypatch.setattr(versions, "TOTAL_BUDGET", 0)  # spent before the first diff
    cmp = compare(make_resolution(olds), make_resolution(news), timeout=5)
    assert all(p.kind == PairKind.MODIFIED for p in cmp.pairs)
    assert cmp.summary["approximate"] == 4
    check_runs(cmp)
