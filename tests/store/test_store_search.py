"""Agreed-language search over the whole ga80 library (70 real resolutions)."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.errors import StoreError
from drafter.store import Library
from drafter.store.query import parse_query


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1] if text.startswith("---") else text


def _expected(corpus: Path, pattern: str) -> tuple[set[str], set[tuple[str, str]]]:
    """Symbols whose text holds ``pattern``, and (symbol, number) of numbered paragraphs
    (lines "N. ...") that hold it, read straight from the Markdown files."""
    rx = re.compile(pattern, re.IGNORECASE)
    symbols, numbered = set(), set()
    for f in sorted((corpus / "ga80" / "md").glob("*.md")):
        symbol = "A/RES/80/" + f.stem.rsplit("_", 1)[1]
        for line in _body(f).splitlines():
            if line.startswith("[^"):
                continue  # footnote texts are not searched
            if rx.search(line):
                symbols.add(symbol)
                m = re.match(r"(\d+)\.\s", line)
                if m:
                    numbered.add((symbol, m.group(1)))
    return symbols, numbered


@pytest.mark.parametrize(
    ("query", "pattern"),
    [
        ("nuclear-weapon-free zone", r"nuclear[-‑ ] ?weapon[-‑ ] ?free\s+zone\b"),
        ('"small arms and light weapons"', r"small arms and light weapons"),
        (
            "Treaty on the Non-Proliferation of Nuclear Weapons",
            r"Treaty on the Non[-‑] ?Proliferation of Nuclear Weapons",
        ),
    ],
)
def test_phrase_search_finds_every_resolution_and_paragraph(
    ga80: Library, corpus: Path, query: str, pattern: str
) -> None:
    symbols, numbered = _expected(corpus, pattern)
    assert len(symbols) >= 2 and numbered
    hits = ga80.search(query, limit=2000, collapse=False)
    assert all(h.exact for h in hits if h.exact)  # exact-phrase hits come first
    exact = [h for h in hits if h.exact]
    assert {h.symbol for h in exact} == symbols
    found = {(h.symbol, h.number) for h in exact}
    assert numbered <= found
    for h in exact[:20]:
        marked = " ".join(h.snippet[s:e] for s, e in h.marks).lower()
        assert query.strip('"').split()[0].lower().split("-")[0] in marked
        assert h.date and h.date.startswith("2025")


def test_exact_phrase_hits_rank_before_scattered_words(ga80: Library) -> None:
    hits = ga80.search("light weapons small arms", limit=200, collapse=False)
    flags = [h.exact for h in hits]
    assert True in flags or False in flags
    assert flags == sorted(flags, reverse=True)
    phrase_only = ga80.search('"light weapons small arms"', limit=50)
    assert phrase_only == []


def test_near_prefix_or_and_exclusion(ga80: Library) -> None:
    near = ga80.search("cluster NEAR/2 munitions", limit=500, collapse=False)
    assert near and all(re.search(r"cluster\W+(\w+\W+){0,2}munitions", h.text, re.I) for h in near)
    assert "A/RES/80/52" in {h.symbol for h in near}
    prefix = ga80.search("disarm*", limit=500, collapse=False)
    assert any("disarmament" in h.text.lower() for h in prefix)
    either = ga80.search("antipersonnel OR anti-personnel", limit=500, collapse=False)
    assert any("anti-personnel" in h.text.lower() for h in either)
    without = ga80.search("nuclear -weapons", limit=500, collapse=False)
    assert without and all("weapons" not in h.text.lower() for h in without)


def test_identical_wording_is_shown_once_with_a_count(ga80: Library) -> None:
    all_hits = ga80.search('"The General Assembly"', limit=500, collapse=False)
    collapsed = ga80.search('"The General Assembly"', limit=500)
    assert len(collapsed) < len(all_hits)
    texts = [h.text for h in collapsed]
    assert len(set(texts)) == len(texts)
    assert sum(1 + h.same_text_elsewhere for h in collapsed) >= len(all_hits)


def test_search_can_be_limited_to_versions(ga80: Library) -> None:
    v = next(v for v in ga80.versions() if v.symbol == "A/RES/80/38")
    hits = ga80.search("small arms", version_ids=[v.id], limit=100)
    assert hits and {h.symbol for h in hits} == {"A/RES/80/38"}


def test_precedents_find_the_paragraph_and_its_relatives(ga80: Library) -> None:
    v = next(v for v in ga80.versions() if v.symbol == "A/RES/80/38")
    res = ga80.load_version(v.id)
    para = max(res.paragraphs, key=lambda p: len(p.text))
    hits = ga80.precedents(para.text, limit=10)
    assert hits[0].symbol == "A/RES/80/38" and hits[0].paragraph_id == para.id
    assert hits[0].rank == pytest.approx(1.0)
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)
    reworded = para.text.replace("Calls upon", "Urges").replace("the", "all the", 2)
    elsewhere = ga80.precedents(reworded, exclude_version=v.id, limit=5)
    assert all(h.version_id != v.id for h in elsewhere)
    assert ga80.precedents(reworded, limit=1)[0].paragraph_id == para.id


@pytest.mark.parametrize("query", ["", "   ", "!!!", '""', "-"])
def test_empty_queries_are_clear_errors(ga80: Library, query: str) -> None:
    with pytest.raises(StoreError):
        ga80.search(query)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.sampled_from(list('ab "*-()NEAR/ORAND:^+1,.')), max_size=30))
def test_any_text_is_a_valid_query_or_a_clear_error(ga80: Library, text: str) -> None:
    with contextlib.suppress(StoreError):
        ga80.search(text, limit=5)


def test_parse_query_quotes_every_word() -> None:
    q = parse_query("safe, orderly AND regular migration")
    assert q.phrase == '"safe, orderly AND regular migration"'
    assert q.match == '"safe," AND "orderly" AND "AND" AND "regular" AND "migration"'
    assert parse_query("a NEAR b").match == 'NEAR("a" "b", 10)'
    assert parse_query('x OR "y z" -w').match == '(("x" OR "y z")) NOT ("w")'


def test_chinese_text_is_found_as_a_substring(lib: Library) -> None:
    from store_helpers import make_resolution

    res = make_resolution(
        [(None, "大会，"), ("1", "敦促各会员国加强国际合作，促进安全、有序和正常移民；")],
        "A/RES/80/999",
    )
    lib.add_resolution(res)
    (hit,) = lib.search("安全、有序和正常移民")
    assert (
        hit.number == "1"
        and hit.snippet[hit.marks[0][0] : hit.marks[0][1]] == "安全、有序和正常移民"
    )


def test_phrase_then_near_then_scattered_words(lib: Library) -> None:
    from store_helpers import make_resolution

    filler = " ".join(["the General Assembly recalls its earlier decisions"] * 4)
    texts = [
        ("1", f"Notes that migration must be regular; {filler}; it should be safe and orderly."),
        ("2", "Promotes regular, safe and orderly migration for all migrants;"),
        ("3", "Commits to safe, orderly and regular migration, in line with the Global Compact;"),
    ]
    lib.add_resolution(make_resolution(texts, "A/RES/80/998"))
    hits = lib.search("safe, orderly and regular migration")
    assert [h.number for h in hits] == ["3", "2", "1"]
    assert [h.exact for h in hits] == [True, False, False]
    assert hits[0].rank > hits[1].rank > hits[2].rank


def test_precedents_of_a_new_draft_are_last_years_and_the_adopted_text(
    ga80_db: Path, corpus: Path, tmp_path: Path
) -> None:
    import shutil

    from drafter.ingest import load

    shutil.copy(ga80_db, tmp_path / "lib.db")
    with Library.open(tmp_path / "lib.db") as lib:
        fam = corpus / "families" / "cuba-embargo"
        lib.import_file(fam / "A_RES_73_8-EN.pdf", new_family=True)
        (adopted,) = lib.find_versions("A/RES/80/4")
        draft = load(fam / "A_80_L.6.txt")
        long = [p for p in draft.paragraphs if len(p.text) >= 80]
        assert len(long) >= 10
        tops = [lib.precedents(p.text, limit=1)[0].symbol for p in long]
        assert set(tops) <= {"A/RES/80/4", "A/RES/73/8"}
        older = [lib.precedents(p.text, limit=1, exclude_version=adopted.id) for p in long]
        assert sum(h[0].symbol == "A/RES/73/8" for h in older if h) >= 0.8 * len(long)


def test_hits_in_an_annex_are_labelled_in_its_numbering(lib: Library, load_corpus) -> None:
    # A/RES/80/3: OP 1 endorses the Awaza declaration; the annex's own paragraph 1
    # is "Annex 1". A hit is read without the rest of its document, yet says which.
    lib.add_resolution(load_corpus("families/draft-to-adopted/A_RES_80_3.md"))
    we = lib.search('"We, the Heads of State and Government"')
    assert [(h.number, h.label) for h in we] == [("1", "Annex 1")]
    endorses = lib.search('"Endorses the political declaration"')
    assert [(h.number, h.label) for h in endorses] == [("1", "OP 1")]
