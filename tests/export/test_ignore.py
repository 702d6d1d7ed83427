"""One "ignore" setting for screen, CLI and export: hyphen and quote variants by default.

73/8 (the official PDF) and L.6 (PyMuPDF text) print the same hyphenated words
with a hyphen in one and a non-breaking hyphen (U+2011) in the other; by default
that is no change, on screen and in the redline alike.
"""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from drafter.compare import Ignore, compare, word_diff
from drafter.export import write_redline, write_side_by_side
from drafter.ingest import load

CUBA = "families/cuba-embargo"


def test_parse_and_names():
    assert Ignore.parse("default") == Ignore() and Ignore().names == ("hyphens", "quotes")
    assert Ignore.parse("none").names == ()
    assert Ignore.parse("all").names == (
        "formatting",
        "hyphens",
        "quotes",
        "whitespace",
        "numbering",
    )
    assert Ignore.parse("quotes, numbering").names == ("quotes", "numbering")
    with pytest.raises(ValueError, match="unknown --ignore value 'dashes'"):
        Ignore.parse("hyphens,dashes")


def test_a_non_breaking_hyphen_is_one_word_not_a_change():
    old = "Requests non\u2011governmental organizations and the “State” to act"
    new = 'Requests non-governmental organizations and the "State" to act'
    assert len([r for r in word_diff(old, new)[0] if r[0]]) >= 2
    runs, _ = word_diff(old, new, key=Ignore().token_key)
    assert runs == ((0, new),)
    runs, _ = word_diff(old, new, key=Ignore(quotes=False).token_key)
    assert [t for op, t in runs if op] == ["“", '"', "”", '"']  # quotes alone


@pytest.fixture(scope="module")
def cuba(corpus):
    return load(corpus / CUBA / "A_RES_73_8-EN.pdf"), load(corpus / CUBA / "A_80_L.6.txt")


def test_screen_and_export_share_the_setting(review, cuba, tmp_path):
    old, new = cuba
    exact = compare(old, new, ignore=Ignore.nothing())
    default = compare(old, new, ignore=Ignore())
    assert default.ignore == ("hyphens", "quotes")
    hyphen_only = [
        p for p in exact.pairs
        if p.kind == "modified" and p.diff
        and Ignore().same(*("".join(t for op, t in p.diff if op * s >= 0) for s in (-1, 1)))
    ]  # fmt: skip
    assert len(hyphen_only) == 1, "one pair differs only by a non-breaking hyphen"
    assert default.summary["changes"] == exact.summary["changes"] - len(hyphen_only)
    path = write_redline(default, tmp_path / "r.docx")
    body = review.open_docx(path).element.body
    tracked = "".join(t.text or "" for el in body.iter(qn("w:ins")) for t in el.iter(qn("w:t")))
    assert "\u2011" not in tracked
    assert review.accept_all(path) == review.expected_texts(new)
    rejected = review.reject_all(path)
    expected = review.expected_texts(old)
    assert len(rejected) == len(expected)
    assert all(Ignore().same(a, b) for a, b in zip(rejected, expected, strict=True))
    assert any(a != b for a, b in zip(rejected, expected, strict=True))
    write_side_by_side(default, tmp_path / "s.docx")  # the same diffs fit the table too


def test_ignoring_nothing_stays_exact(review, cuba, tmp_path):
    old, new = cuba
    path = write_redline(compare(old, new), tmp_path / "exact.docx")  # the engine's default
    assert review.reject_all(path) == review.expected_texts(old)


def test_numbering_shows_the_new_number_only(review, sample_versions, tmp_path):
    """The zero draft of 68/4 gained paragraphs, so most numbers shifted."""
    old, new = sample_versions.old, sample_versions.new

    def deleted_labels(ignore: Ignore) -> int:
        path = write_redline(compare(old, new, ignore=ignore), tmp_path / "n.docx")
        body = review.open_docx(path).element.body
        return sum(
            1 for t in body.iter(qn("w:delText")) if len(t.text) < 5 and t.text.endswith(".")
        )

    plain, quiet = deleted_labels(Ignore.nothing()), deleted_labels(Ignore.parse("numbering"))
    assert plain >= 15 and quiet <= 2  # what is left: numbers of deleted paragraphs
