"""Proposals on real texts, written by hand, judged against what the next text did (issue 17).

Each delegation's proposals are made the way a delegation makes them: edits to the
base text saved as a Word file with tracked changes under the delegate's name (by
Drafter's own redline writer). The expected fate of every proposal was decided by
reading the base and the next text side by side; the reason is given beside it.
Pairs: A/80/L.2 -> A/RES/80/1 (negotiated), A/RES/73/8 -> A/80/L.6 (last year's text
-> this year's draft), A/80/L.4 -> A/RES/80/3 (adopted without change of substance).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from drafter.compare import compare
from drafter.export import write_redline
from drafter.ingest import load
from drafter.model import Paragraph, ParaKind
from drafter.proposals import Fate, compile_proposals, extract, judge

A, P, N, OV = Fate.ACCEPTED, Fate.PARTLY, Fate.NOT_TAKEN, Fate.OVERTAKEN
NA = Fate.NOT_APPLICABLE

# (delegation, author as Word records it, edits); an edit is
# ("replace", where, old, new, fate, why), ("delete-para", where, None, None, ...),
# ("new-para", after, None, text, ...), ("comment", where, quote, text, ...):
# ``where`` is words that only that paragraph of the base holds.
PALESTINE = [
    ("France", "Jean Dupont", [
        ("replace", "Expressing grave concern", "grave concern", "concern", A, "80/1 PP 1 drops 'grave'"),
        ("replace", "Expressing grave concern", " in person in the meetings of the General Assembly", " in the meetings of the General Assembly", A, "80/1 PP 1 drops 'in person'"),
        ("replace", "Deploring, in this regard", "Deploring", "Regretting", A, "80/1 PP 2 opens 'Regretting'"),
        ("replace", "statement of its Head of State, which", "Head of State", "President", A, "80/1 OP 1(a) says 'President'"),
        ("replace", "statement of its Head of State or other", "Head of State", "President", A, "80/1 OP 1(c) says 'President'"),
    ]),
    ("United States", "US delegate", [
        ("delete-para", "Deploring, in this regard", None, None, N, "PP 2 stays, softened"),
        ("replace", "shall apply only during", "only during", "only and exclusively during", N, "OP 3 unchanged"),
        ("replace", "should be able to participate", "should be able to", "may", N, "OP 1 chapeau unchanged"),
        ("delete-para", "Recalling also the Headquarters Agreement", None, None, N, "PP 4 kept as PP 5"),
    ]),
    ("European Union", "Maria Rossi", [
        ("replace", "Deploring, in this regard", "Deploring", "Noting with concern", P, "'Deploring' went, but to 'Regretting', not her words"),
        ("replace", "and demanding the immediate", "demanding", "seeking", A, "80/1 says 'seeking the immediate reversal'"),
        ("replace", "to arbitrarily deny", "arbitrarily ", "", A, "80/1 drops 'arbitrarily'"),
        ("new-para", "Deploring, in this regard", None, "Taking note of the meeting of the Committee on Relations with the Host Country of 12 September 2025,", A, "80/1 PP 3 opens with these words"),
        ("replace", "pre-recorded statement at the High-level", "statement at the High-level", "statement at the meetings of the High-level", A, "80/1 OP 1(b) adds 'the meetings of'"),
    ]),
    ("G77 and China", "G77 chair", [
        ("replace", "the statement delivered by the Head of State", "delivered by the Head of State", "referred to in paragraph 1 (a) above, delivered", A, "80/1 OP 2 has exactly this"),
        ("replace", "ahead of the upcoming General Assembly session", "upcoming General Assembly session", "eightieth session of the General Assembly, in violation of the Headquarters Agreement", P, "80/1 took 'eightieth session of the General Assembly', not the rest"),
        ("comment", "shall apply only during", "only during the eightieth session", "Retain: time-bound is essential.", NA, "a comment"),
        ("new-para", "Recalling also the Headquarters Agreement", None, "Recalling further the Convention on the Privileges and Immunities,", N, "no such paragraph in 80/1"),
        ("replace", "State of Palestine: draft resolution", "State of Palestine", "State of Palestine and others", OV, "the sponsors line is gone from the adopted text"),
    ]),
]  # fmt: skip

CUBA = [
    ("Cuba", "Cuban delegate", [
        ("replace", "implementation of resolution 72/4", "72/4", "79/7", A, "L.6 OP 1 cites 79/7"),
        ("replace", "announced on 16 June 2017", "announced on 16 June", "applied since", A, "L.6 PP 7 says 'applied since 2017'"),
        ("replace", "72/4 of 1 November 2017,", "72/4 of 1 November 2017,", "72/4 of 1 November 2017, 73/8 of 1 November 2018,", A, "L.6 PP 6 lists 73/8 of 1 November 2018"),
        ("replace", "provisional agenda of its seventy-fourth session", "seventy-fourth session", "eighty-first session", A, "L.6 OP 5: eighty-first session"),
    ]),
    ("Mexico", "Delegación de México", [
        ("replace", "the sovereign equality of States", "sovereign equality of States", "sovereign equality of all States", N, "L.6 PP 2 unchanged"),
        ("replace", "Once again urges States", "Once again urges", "Urges", N, "L.6 OP 3 keeps 'Once again urges'"),
        ("replace", "the statements of the Heads of State or Government of Latin America", "statements", "declarations", N, "L.6 PP 3 keeps 'statements'"),
    ]),
    ("European Union", "EU presidency", [
        ("delete-para", "Recalling also the measures adopted", None, None, N, "L.6 keeps PP 7"),
        ("comment", "Requests the Secretary-General", "Requests the Secretary-General", "We can support this paragraph.", NA, "a comment"),
        ("new-para", "Requests the Secretary-General", None, "Requests the Secretary-General to report also on the humanitarian impact of the embargo;", N, "no such paragraph in L.6"),
        ("replace", "Reiterates its call upon all States", "Reiterates its call upon", "Calls upon", N, "L.6 OP 2 keeps 'Reiterates its call upon'"),
    ]),
    ("United States", "US mission", [
        ("delete-para", "Reiterates its call upon all States", None, None, N, "L.6 keeps OP 2"),
        ("replace", "is still in place", "is still in place", "has been eased", N, "L.6 PP 8: 'is still in place'"),
        ("replace", "Taking note of declarations and resolutions", "Taking note of", "Noting", N, "L.6 PP 5 keeps 'Taking note of'"),
    ]),
]  # fmt: skip

AWAZA = [
    ("Austria", "Austrian mission", [
        ("replace", "Azerbaijan, Bhutan", "Azerbaijan,", "Austria, Azerbaijan,", OV, "the sponsors line is gone from the adopted text"),
        ("replace", "We gather at a critical juncture", "critical juncture", "decisive moment", N, "80/3 keeps 'critical juncture'"),
        ("replace", "cumbersome transit procedures and", "cumbersome transit procedures and ", "", N, "80/3 keeps the words"),
    ]),
    ("Landlocked Developing Countries", "LLDC coordinator", [
        ("replace", "Expresses its profound gratitude", "profound", "deep", N, "80/3 keeps 'profound'"),
        ("delete-para", "Recalling its resolutions 76/217", None, None, N, "80/3 keeps the preamble"),
        ("comment", "We gather at a critical juncture", "overlapping global challenges", "Bracketed: no agreement yet.", NA, "a comment"),
        ("replace", "and recognize the need for strengthened international solidarity", "strengthened", "significantly strengthened", N, "80/3 keeps 'strengthened international solidarity'"),
    ]),
    ("Group of Friends", "Friends of LLDCs", [
        ("new-para", "We gather at a critical juncture", None, "We call for a dedicated fund for transit infrastructure in landlocked developing countries.", N, "no such paragraph in 80/3"),
        ("replace", "International Year of Peace and Trust", "Peace and Trust", "Peace, Trust and Dialogue", N, "80/3 keeps 'Peace and Trust'"),
        ("replace", "the objective of advancing the development agenda", "advancing", "accelerating", N, "80/3 keeps 'advancing'"),
    ]),
]  # fmt: skip

PAIRS = {
    "palestine": ("negotiation/palestine-participation/A_80_L.2.txt", "negotiation/palestine-participation/A_RES_80_1.txt", PALESTINE),
    "cuba": ("families/cuba-embargo/A_RES_73_8-EN.pdf", "families/cuba-embargo/A_80_L.6.txt", CUBA),
    "awaza": ("families/draft-to-adopted/A_80_L.4.txt", "families/draft-to-adopted/A_RES_80_3.md", AWAZA),
}  # fmt: skip


def _find(res, where: str) -> Paragraph:
    hits = [p for p in res.paragraphs if where in p.text]
    assert len(hits) == 1, (where, [p.label for p in hits])
    return hits[0]


def proposed(base, edits):
    """The base text as one delegation would have it, and the expected verdicts in order."""
    paras = list(base.paragraphs)
    deleted: set[int] = set()
    for op, where, old, new, _fate, _why in edits:
        target = _find(base, where)
        i = next(k for k, p in enumerate(paras) if p.id == target.id)
        if op == "replace":
            assert old in paras[i].text, (old, paras[i].text)
            paras[i] = replace(paras[i], text=paras[i].text.replace(old, new, 1))
        elif op == "delete-para":
            deleted.add(target.id)
        elif op == "new-para":
            kind = ParaKind.PREAMBULAR if target.kind == ParaKind.PREAMBULAR else ParaKind.OPERATIVE
            paras.insert(i + 1, Paragraph(-1, kind, None, new))
    kept = [p for p in paras if p.id not in deleted]
    paras = [replace(p, id=k) for k, p in enumerate(kept)]
    return replace(base, paragraphs=tuple(paras))


def _comment_file(path: Path, base_path: Path, comments) -> None:
    """A Word file of the base text with comments only (a clean copy, commented)."""
    from drafter.export import write_clean
    from drafter.model import Anchor, Note

    base = load(base_path)
    notes = []
    for author, where, quote, text in comments:
        p = _find(base, where)
        start = p.text.index(quote)
        notes.append(
            Note(
                id=f"{abs(hash((author, where))):032x}"[:32],
                version_id=0,
                anchor=Anchor(p.id, p.number, "", quote, start, start + len(quote)),
                body=text,
                author=author,
                created="2025-10-01T10:00:00Z",
                updated="2025-10-01T10:00:00Z",
            )
        )
    write_clean(base, path, notes=notes)


def _late(kind) -> int:
    return 10**9 if kind == "new paragraph" else 0


def _expected_place(base, edit) -> tuple[int, int]:
    op, where, old, _new, _fate, _why = edit
    target = _find(base, where)
    if op == "new-para":
        return target.id, 10**9
    if op == "delete-para":
        return target.id, 0
    return target.id, target.text.index(old)


@pytest.mark.parametrize("name", list(PAIRS))
def test_every_verdict_matches_the_reading(name, corpus: Path, tmp_path: Path):
    base_name, next_name, delegations = PAIRS[name]
    base = load(corpus / base_name)
    nxt = load(corpus / next_name)
    found, expected = [], []
    for delegation, author, edits in delegations:
        changes = [e for e in edits if e[0] != "comment"]
        path = tmp_path / f"{delegation}.docx"
        write_redline(compare(base, proposed(base, changes)), path, author=author)
        props = extract(path, base, delegations={author: delegation})
        assert len(props) == len(changes), [p.summary() for p in props]
        # Document order, as extracted: by paragraph, then place in it.
        found += sorted(props, key=lambda p: (p.paragraph, _late(p.kind) or p.start))
        expected += [
            (delegation, e[4], e[5])
            for e in sorted(changes, key=lambda e: _expected_place(base, e))
        ]
        comments = [e for e in edits if e[0] == "comment"]
        if comments:
            cpath = tmp_path / f"{delegation} comments.docx"
            _comment_file(cpath, corpus / base_name, [(author, e[1], e[2], e[3]) for e in comments])
            cprops = extract(cpath, base, delegations={author: delegation})
            assert [p.kind for p in cprops] == ["comment only"] * len(comments)
            found += cprops
            expected += [(delegation, e[4], e[5]) for e in comments]
    judged = judge(base, found, nxt)
    wrong = [
        (p.summary(), str(p.fate), p.fate_reason, str(fate), why)
        for p, (who, fate, why) in zip(judged, expected, strict=True)
        if p.fate != fate or p.delegation != who
    ]
    assert not wrong, wrong
    # The compilation orders them by paragraph and groups conflicting proposals.
    compilation = compile_proposals(base, judged)
    assert len(compilation.proposals) == len(judged)


def test_the_gold_has_forty_proposals_over_three_pairs():
    total = sum(len(e) for _b, _n, dels in PAIRS.values() for _d, _a, e in dels)
    assert total >= 40 and len(PAIRS) == 3
