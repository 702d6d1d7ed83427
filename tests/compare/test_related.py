"""Related-documents mode on 67/219 (decided the 2013 Dialogue) and 68/4 (its Declaration)."""

from __future__ import annotations

import json

import pytest

from drafter.compare import is_linkable, phrase_spans, relate
from drafter.compare.ranking import document
from drafter.ingest import load


@pytest.fixture(scope="module")
def relation(samples):
    return relate(load(samples / "A_RES_67_219.pdf.txt"), load(samples / "A_RES_68_4.md"))


def linked_numbers(rel, old_number: str) -> list[str]:
    old = next(p for p in rel.old.paragraphs if p.number == old_number)
    return [rel.new.paragraphs[lk.new].number for lk in rel.links_from(old.id)]


@pytest.mark.parametrize(
    ("old_number", "expected"),
    [("3(c)(iv)", {"18"}), ("3(c)(ii)", {"5", "10", "17"}), ("19", {"34"})],
)
def test_a_drafter_expected_links(relation, old_number: str, expected: set[str]) -> None:
    assert expected <= set(linked_numbers(relation, old_number))


def test_best_links_come_first(relation) -> None:
    assert linked_numbers(relation, "3(c)(iv)")[0] == "18"
    assert linked_numbers(relation, "19")[0] == "34"


def test_rare_phrases_are_shared_not_boilerplate(relation) -> None:
    old = next(p for p in relation.old.paragraphs if p.number == "3(c)(iv)")
    top = relation.links_from(old.id)[0]
    assert "labour mobility" in [s.lower() for s in top.shared]
    everything = [s.lower() for lk in relation.links for s in lk.shared]
    assert "the general assembly" not in everything
    assert "member states" not in everything


def test_links_are_many_to_many_and_bounded(relation) -> None:
    per_old = {}
    per_new = {}
    for lk in relation.links:
        per_old[lk.old] = per_old.get(lk.old, 0) + 1
        per_new[lk.new] = per_new.get(lk.new, 0) + 1
        assert 0 < lk.score <= 1.0 + 1e-9
        assert lk.shared or not lk.strong  # a strong link always shows its reason
    assert max(per_old.values()) > 1 and max(per_new.values()) > 1
    # A link per pair of paragraphs at most, and nowhere near all pairs.
    assert len({(lk.old, lk.new) for lk in relation.links}) == len(relation.links)
    assert len(relation.links) < 0.2 * len(relation.old.paragraphs) * len(relation.new.paragraphs)


def test_headings_and_closing_lines_are_not_linked(relation) -> None:
    kinds = {relation.old.paragraphs[lk.old].kind for lk in relation.links}
    assert "heading" not in kinds and "closing" not in kinds


def test_shared_phrases_are_found_in_both_texts(relation) -> None:
    for lk in relation.links[:40]:
        old_text = relation.old.paragraphs[lk.old].text
        new_text = relation.new.paragraphs[lk.new].text
        for phrase in lk.shared:
            assert phrase_spans(old_text, [phrase]), (phrase, old_text)
            assert phrase_spans(new_text, [phrase]), (phrase, new_text)


def test_json_contract(relation) -> None:
    data = json.loads(json.dumps(relation.to_json()))
    assert data["mode"] == "related"
    assert {"old", "new", "score", "shared", "strong"} <= set(data["links"][0])
    assert {lk["strong"] for lk in data["links"]} == {True, False}


def test_phrase_spans_ignore_case_plural_spacing_and_line_breaks() -> None:
    text = "cooperate on Labour  Mobility programmes and on labour\nmobility, and migrant workers"
    spans = phrase_spans(text, ["labour mobility", "migrant worker"])
    assert [text[s:e] for s, e in spans] == [
        "Labour  Mobility",
        "labour\nmobility",
        "migrant workers",
    ]


def test_phrase_spans_merge_overlaps_and_ignore_empty() -> None:
    text = "safe, orderly and regular migration"
    assert phrase_spans(text, ["orderly and regular", "regular migration", ""]) == [(6, 35)]
    assert phrase_spans(text, ["absent phrase"]) == []


def _strong(rel) -> list:
    return [lk for lk in rel.links if lk.strong]


def test_unrelated_texts_have_few_strong_links(load_corpus, relation) -> None:
    """The Awaza declaration and the Palestine participation resolution share no theme:
    their paragraphs still get their best candidates, but as weak links."""
    unrelated = relate(
        load_corpus("families/draft-to-adopted/A_RES_80_3.md"), load_corpus("ga80/md/A_RES_80_1.md")
    )
    assert len(_strong(unrelated)) <= 3 < len(unrelated.links)
    assert len(_strong(relation)) > 20 * max(1, len(_strong(unrelated)))


def _topic_words(text: str) -> set[str]:
    """What ranking counts as topic: content stems and pairs, without the opening
    formula ("Recalling") or the dates of citations."""
    return {f for f in document(text)[1] if not f.startswith(("O:", "V:"))}


def test_every_paragraph_gets_at_least_three_candidates(load_corpus, relation) -> None:
    """Nothing is silently dropped: every substantive paragraph has its best three
    (or as many as share a topic word with it), strong ones first, each ranked by
    score; also on a pair of unrelated texts. A paragraph with no topic word in common
    with the other text has none: an opening formula alone is no reason."""
    unrelated = relate(load_corpus("ga80/md/A_RES_80_8.md"), load_corpus("ga80/md/A_RES_80_65.md"))
    for rel in (relation, unrelated):
        others = [_topic_words(p.text) for p in rel.new.paragraphs if is_linkable(p)]
        for par in rel.old.paragraphs:
            links = rel.links_from(par.id)
            if not is_linkable(par):
                assert not links
                continue
            mine = _topic_words(par.text)
            sharing = sum(1 for words_there in others if mine & words_there)
            assert len(links) >= min(3, sharing), par.label
            if not sharing:
                assert not links, par.label
                continue
            assert [lk.score for lk in links] == sorted((lk.score for lk in links), reverse=True)
            strong = [lk.strong for lk in links]
            assert strong == sorted(strong, reverse=True), par.label  # strong, then weak
    assert any(not lk.strong for lk in relation.links)


def test_thresholds_can_be_tightened(samples, relation) -> None:
    strict = relate(relation.old, relation.new, min_score=0.4, max_links=1)
    assert 0 < len(strict.links) < len(relation.links) / 3
    assert all(lk.score >= 0.4 for lk in strict.links)
    assert len({lk.old for lk in strict.links}) == len(strict.links)
