"""The session-80 draft -> adopted families (corpus negotiation/): 19 of 20 are
word-identical apart from page furniture and typography, and must say so."""

from __future__ import annotations

import pytest

from drafter.compare import compare
from drafter.ingest import load


def _families(corpus):
    root = corpus / "negotiation"
    return sorted(p for p in root.iterdir() if p.is_dir())


def _pair(folder):
    draft = next(p for p in folder.glob("*.txt") if not p.name.startswith("A_RES_"))
    adopted = next(folder.glob("A_RES_*.txt"))
    return compare(load(draft), load(adopted))


def test_word_identical_families_compare_as_no_change_in_wording(corpus):
    families = _families(corpus)
    assert len(families) == 20
    changed = {}
    for folder in families:
        if folder.name == "palestine-participation":
            continue
        cmp = _pair(folder)
        assert cmp.summary["changes"] > 0  # the header and closing do differ
        if cmp.wording_changes:
            changed[folder.name] = [
                (p.kind, p.old, p.new) for p in cmp.pairs if p.is_change and not p.formatting_only
            ]
    assert changed == {}


def test_negotiated_family_shows_its_changes(corpus):
    cmp = _pair(corpus / "negotiation" / "palestine-participation")
    # PP1, PP2, new PP3, OP1 (a)-(c), OP2 (MANIFEST: one PP inserted, two PPs and all OPs
    # but one reworded)
    assert cmp.wording_changes >= 7
    assert cmp.summary["wording_changes"] == cmp.wording_changes


@pytest.mark.parametrize(
    "family", ["icj-advisory-opinion-followup", "negative-security-assurances"]
)
def test_typography_is_formatting_only(corpus, family):
    # spaced vs glued markers, "Non- Proliferation", U+2011 non-breaking hyphens
    cmp = _pair(corpus / "negotiation" / family)
    body = [p for p in cmp.pairs if p.is_change and p.formatting_only]
    assert body, "the adopted text's typography differs from the draft's"
    assert all(p.kind == "modified" for p in body)
