"""Property: whatever the pairs (any order, any grouping, stale diffs), the redline is exact.

Hypothesis builds random old/new texts and random pairings covering every
paragraph once; the stream must read as each version, and the written XML too.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.compare import word_diff
from drafter.export import write_redline
from drafter.export.stream import accept_texts, build
from drafter.model import Comparison, Pair, PairKind, Paragraph, ParaKind, Resolution

WORDS = ["alpha", "beta", "gamma", "delta", "urges", "decides", "States", "(a)", "—", "“x”"]

para_text = st.lists(st.sampled_from(WORDS), min_size=0, max_size=6).map(" ".join)
kinds = st.sampled_from(
    [ParaKind.OPERATIVE, ParaKind.PREAMBULAR, ParaKind.SUBPARAGRAPH, ParaKind.HEADING]
)


def resolution(texts, kind_list) -> Resolution:
    ps, n, sub = [], 0, 0
    for i, (t, k) in enumerate(zip(texts, kind_list, strict=True)):
        number, level = None, 0
        if k == ParaKind.OPERATIVE:
            n, sub = n + 1, 0
            number = str(n)
        elif k == ParaKind.SUBPARAGRAPH:
            sub += 1
            number, level = f"{max(n, 1)}({chr(96 + min(sub, 26))})", 1
        lead = len(t.split(" ")[0]) if t and k != ParaKind.HEADING else 0
        ps.append(Paragraph(i, k, number, t, lead=lead, level=level))
    return Resolution("A/1", None, None, tuple(ps))


@st.composite
def comparisons(draw) -> Comparison:
    n_old = draw(st.integers(0, 7))
    n_new = draw(st.integers(0, 7))
    old = resolution(
        draw(st.lists(para_text, min_size=n_old, max_size=n_old)),
        draw(st.lists(kinds, min_size=n_old, max_size=n_old)),
    )
    new = resolution(
        draw(st.lists(para_text, min_size=n_new, max_size=n_new)),
        draw(st.lists(kinds, min_size=n_new, max_size=n_new)),
    )
    olds = list(range(n_old))
    news = list(range(n_new))
    if draw(st.booleans()):
        olds = draw(st.permutations(olds))
    pairs = []
    while olds or news:
        a = min(len(olds), draw(st.integers(0, 2)))
        b = min(len(news), draw(st.integers(0, 2)))
        if a == 0 and b == 0:
            a, b = (1, 0) if olds else (0, 1)
        go, olds = tuple(sorted(olds[:a])), olds[a:]
        gn, news = tuple(news[:b]), news[b:]
        ot = "\n".join(old.paragraphs[i].text for i in go)
        nt = "\n".join(new.paragraphs[i].text for i in gn)
        how = draw(st.sampled_from(["diff", "none", "stale"]))
        diff = ()
        if how == "diff" and go and gn:
            diff = word_diff(ot, nt)[0]
        elif how == "stale":
            diff = ((0, "stale"),)
        kind = (
            PairKind.INSERTED
            if not go
            else PairKind.DELETED
            if not gn
            else PairKind.SPLIT
            if len(gn) > 1
            else PairKind.MERGED
            if len(go) > 1
            else draw(st.sampled_from([PairKind.MODIFIED, PairKind.MOVED, PairKind.UNCHANGED]))
        )
        pairs.append(Pair(kind, go, gn, 0.5, tuple(diff)))
    if draw(st.booleans()):
        pairs = draw(st.permutations(pairs))
    return Comparison(old, new, tuple(pairs))


def expected(res: Resolution, review) -> list[str]:
    return review.expected_texts(res)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(comparisons())
def test_stream_reads_as_each_version(review, comparison):
    items = build(comparison)
    new_texts = expected(comparison.new, review)
    old_texts = expected(comparison.old, review)
    assert accept_texts(items, 1) == new_texts
    assert accept_texts(items, -1) == old_texts


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(comparisons())
def test_written_redline_reads_as_each_version(review, comparison):
    with tempfile.TemporaryDirectory() as tmp:
        path = write_redline(comparison, Path(tmp) / "r.docx")
        accepted, rejected = review.accept_all(path), review.reject_all(path)
    new_texts = expected(comparison.new, review)
    old_texts = expected(comparison.old, review)
    assert accepted == new_texts
    assert rejected == old_texts
