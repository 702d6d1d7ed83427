"""An annex numbers its paragraphs afresh: its paragraph 1 is "Annex 1", not the
resolution's OP 1 (A/RES/80/3 endorses the Awaza Political Declaration, annexed)."""

from __future__ import annotations

import json

from drafter.cli import main
from drafter.compare import compare
from drafter.model import ParaKind


def _by_text(res, opening):
    return next(p for p in res.paragraphs if p.text.startswith(opening))


def test_annex_paragraphs_have_their_own_numbering_scope(load_corpus):
    res = load_corpus("families/draft-to-adopted/A_RES_80_3.md")
    endorses = _by_text(res, "Endorses the political declaration")
    we = _by_text(res, "We, the Heads of State and Government")
    # both are numbered 1 in print, in two numbering scopes
    assert (endorses.number, endorses.part, endorses.label) == ("1", "", "OP 1")
    assert (we.number, we.part, we.label) == ("1", "Annex", "Annex 1")
    sub = _by_text(res, "Structural transformation and science")
    assert (sub.kind, sub.number, sub.label) == (ParaKind.SUBPARAGRAPH, "13(a)", "Annex 13(a)")
    # everything from the "Annex" heading on stands in the annex, nothing before it
    annex = next(p.id for p in res.paragraphs if p.text == "Annex")
    assert all(p.part == "Annex" for p in res.paragraphs[annex:])
    assert not any(p.part for p in res.paragraphs[:annex])
    labels = [p.label for p in res.paragraphs if p.number]
    assert len(labels) == len(set(labels))  # OP 1 and Annex 1 no longer read alike


def test_the_annex_scope_is_in_the_json_and_extends_it(load_corpus, capsys, corpus):
    assert main(["parse", str(corpus / "families/draft-to-adopted/A_RES_80_3.md"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    paras = {(p["number"], p["part"]): p for p in doc["paragraphs"] if p["number"]}
    assert ("1", None) in paras and ("1", "Annex") in paras
    # the fields every script reads are still there, with the same values
    we = paras[("1", "Annex")]
    assert {"id", "kind", "number", "text", "footnotes", "lead", "level"} <= set(we)
    assert (we["kind"], we["number"]) == ("operative", "1")


def test_a_comparison_names_annex_paragraphs_by_their_scope(load_corpus):
    # the draft (PyMuPDF text) and the adopted text: Annex 10 pairs with Annex 10
    old = load_corpus("families/draft-to-adopted/A_80_L.4.txt")
    new = load_corpus("families/draft-to-adopted/A_RES_80_3.md")
    cmp = compare(old, new)
    named = {
        (old.paragraphs[p.old[0]].label, new.paragraphs[p.new[0]].label)
        for p in cmp.pairs
        if len(p.old) == 1 and len(p.new) == 1
    }
    assert ("Annex 10", "Annex 10") in named
    assert ("OP 1", "OP 1") in named
    assert not any(a.startswith("Annex") != b.startswith("Annex") for a, b in named)


def test_stored_versions_keep_the_scope(corpus, tmp_path):
    # the scope is no column of the library: a stored version finds it again
    from drafter.store import Library

    path = corpus / "families/draft-to-adopted/A_RES_80_3.md"
    with Library.open(tmp_path / "lib.db") as lib:
        vid = lib.import_file(path).version.id
        back = lib.load_version(vid)
    from drafter.ingest import load

    assert [p.label for p in back.paragraphs] == [p.label for p in load(path).paragraphs]
    assert any(p.label == "Annex 1" for p in back.paragraphs)
