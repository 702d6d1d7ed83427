"""Related mode's evidence: what a paragraph's features are (the measurement of the
ranking is benchmarks/related_quality.py; its guard is test_related_quality.py)."""

from __future__ import annotations

import pytest

from drafter.compare.openers import opener, subject
from drafter.compare.phrases import stems
from drafter.compare.ranking import document, fold_citations, long_titles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recalling its resolution 72/250,", (1, "recall")),
        ("Recalls its resolution", (1, "recall")),
        ("Also requests the Secretary-General to report", (2, "request")),
        ("Deeply concerned about the suffering", (2, "concern")),
        ("Taking note of the report", (2, "tak")),
        ("Bearing in mind that all States", (3, "bear")),
        ("Taking into account the work done", (3, "tak")),
        ("Recognize that international migration", (1, "recogniz")),
        # An annex's sentences open with their subject, not with a formula.
        ("Resources should be advanced to the organizations", (0, None)),
        ("The United Nations has a central role", (0, None)),
    ],
)
def test_opening_formula(text: str, expected: tuple[int, str | None]) -> None:
    assert opener(stems(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requests the Secretary-General to report", ["the", "secretary", "general"]),
        (
            "Invites the Conference on Disarmament to establish",
            ["the", "conference", "on", "disarmament"],
        ),
        (
            "Recalling its previous resolutions on this issue, the most",
            ["its", "previous", "resolution", "on", "this", "issue"],
        ),
        ("Reaffirms that international law applies", []),
    ],
)
def test_subject_is_what_follows_the_first_word(text: str, expected: list[str]) -> None:
    assert list(subject(text, stems(text))) == expected


def test_citations_fold_in_place() -> None:
    text = "resolution 72/250 of 24 December 2017 and on 3 and 4 October 2013, in May 2011"
    folded = fold_citations(text)
    assert len(folded) == len(text)  # every word stays where it was
    assert "72_250" in folded
    assert "December" not in folded and "2017" not in folded and "October" not in folded
    assert folded.endswith("in May 2011")  # a month without a day is no date of adoption
    assert fold_citations("124 December 2017") == "124 December 2017"


def test_formula_and_dates_are_not_topic_words() -> None:
    _, full, lead = document(
        "Recalling its resolution 79/19 of 2 December 2024 on outer space; and welcoming"
        " the report"
    )
    assert "recalling" not in full and "december" not in full and "2024" not in full
    assert {"79_19", "outer", "space", "outer space", "V:recall", "O:resolution"} <= set(full)
    # The lead clause (up to the semicolon) counts again in a query; its words only.
    assert set(lead) == {"resolution", "79_19", "outer", "space"}
    assert not document("Recalling its resolution 79/19 on outer space,")[2]  # all lead


def test_a_long_title_counts_once() -> None:
    """The words of an instrument's long title count half each, the title once."""
    title = (
        "Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small"
        " Arms and Light Weapons in All Its Aspects"
    )
    assert long_titles(f"Recalling the {title}, and the Arms Trade Treaty,") == [title]
    assert long_titles("Requests the Secretary-General of the United Nations to report") == []
    _, full, _ = document(f"Stresses the {title} and the illicit trade in small arms")
    assert full["T:programme action prevent combat eradicate illicit trade small arms light weapons aspects"] == 1
    assert full["aspects"] == 0.5 and full["programme"] == 0.5
    assert full["illicit"] == 1.5  # once in the title, once in the sentence
