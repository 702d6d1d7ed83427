"""Checks shared by the history tests (importable: tests/history is on sys.path)."""

from __future__ import annotations

from drafter.history import Change, History

HUM = (
    "families/humanitarian-coordination/A_RES_46_182.txt",
    "families/humanitarian-coordination/A_RES_47_168.txt",
    "families/humanitarian-coordination/A_RES_48_57.txt",
)
CUBA = (
    "families/cuba-embargo/A_RES_73_8-EN.pdf",
    "families/cuba-embargo/A_80_L.6.txt",
    "families/cuba-embargo/A_RES_80_4.md",
)
PALESTINE = ("families/draft-to-adopted/A_80_L.2.txt", "families/draft-to-adopted/A_RES_80_1.md")
AWAZA = ("families/draft-to-adopted/A_80_L.4.txt", "families/draft-to-adopted/A_RES_80_3.md")


def check_history(history: History, texts) -> None:
    """Every paragraph of every version is the paragraph of exactly one step of one
    thread; threads have one step per version without gaps; forks and joins point
    at real threads; each step's diff rebuilds its text."""
    seen: dict[tuple[int, int], int] = {}
    for t in history.threads:
        versions = [s.version for s in t.steps]
        assert versions == list(range(versions[0], versions[0] + len(versions))), t
        for k, s in enumerate(t.steps):
            if s.id is None:
                assert s.change == Change.DELETED and k == len(t.steps) - 1
                continue
            assert (s.version, s.id) not in seen, f"paragraph {s} in two threads"
            seen[(s.version, s.id)] = t.index
            assert s.text == texts[s.version].paragraphs[s.id].text
            assert "".join(x for op, x in s.diff if op >= 0) == s.text
            if k == 0 and s.version > 0:
                assert s.change in (Change.INSERTED, Change.SPLIT), s
            if k > 0:
                assert s.change != Change.INSERTED
        if t.forked_from is not None:
            parent = history.threads[t.forked_from]
            assert parent.step_at(t.first).change == Change.SPLIT
        if t.merged_into is not None:
            joined = history.threads[t.merged_into].step_at(t.last + 1)
            assert joined is not None and joined.change == Change.MERGED
    for v, res in enumerate(texts):
        for p in res.paragraphs:
            assert (v, p.id) in seen, f"paragraph {p.id} of version {v} is in no thread"
    assert len(seen) == sum(len(r.paragraphs) for r in texts)


def row(history: History, version: int, label: str):
    """The thread holding the paragraph labelled ``label`` in ``version``."""
    for t in history.threads:
        s = t.step_at(version)
        if s is not None and s.id is not None and s.label == label:
            return t
    raise AssertionError(f"no paragraph {label} in version {version}")


def cells(thread, n: int) -> list[str]:
    out = []
    for v in range(n):
        s = thread.step_at(v)
        out.append(s.cell if s is not None else "—")
    return out
