"""What two paragraphs share beyond resolution boilerplate (compare.evidence)."""

from __future__ import annotations

from drafter.compare.evidence import Evidence
from drafter.compare.similarity import profile

REPORT = "Requests the Secretary-General to report to the General Assembly at its forty-seventh session on the implementation of the present resolution."
STOCKPILES = (
    "Requests the Secretary-General to include in his annual report to the General Assembly "
    "at its forty-ninth session recommendations on ways and means to improve the operational "
    "capacity of the emergency stockpiles, as well as an analysis of the advantages or "
    "disadvantages of the establishment of regional warehouses"
)
WAREHOUSES = (
    "Also requests the Secretary-General to explore the possibilities, advantages and "
    "disadvantages of the establishment of warehouses for emergency items at the regional "
    "as well as global levels"
)


def _evidence(*texts: str) -> Evidence:
    return Evidence(profile(t).bag.keys() for t in texts)


def test_a_shared_subject_word_is_evidence_the_formula_and_numbers_are_not() -> None:
    ev = _evidence(REPORT, STOCKPILES, WAREHOUSES)
    # "report", "session", "Secretary-General", "forty": formula and session numbers.
    assert not ev.shares_rare_word(profile(REPORT), profile(STOCKPILES))
    # "warehouses", "disadvantages": what both are about.
    assert ev.shares_rare_word(profile(WAREHOUSES), profile(STOCKPILES))


def test_the_running_theme_of_the_texts_compared_is_no_evidence() -> None:
    theme = "natural disasters and other emergencies"
    texts = [f"Paragraph {k} on {theme} and topic{k}" for k in range(12)]
    ev = _evidence(*texts)
    a, b = profile(texts[0]), profile(texts[1])
    assert not ev.shares_rare_word(a, b)  # "disasters" is in every paragraph compared
    assert _evidence(texts[0], texts[1]).shares_rare_word(a, b)  # but rare in two


def test_a_clause_kept_word_for_word_needs_a_telling_word_in_it() -> None:
    ev = _evidence(REPORT, STOCKPILES, WAREHOUSES)
    report, stockpiles = profile(REPORT).words, profile(STOCKPILES).words
    # "report to the General Assembly at its forty" is eight words of formula.
    assert not ev.keeps_clause(report, stockpiles, 8)
    warehouses = profile(WAREHOUSES).words
    # "disadvantages of the establishment of" + ... : five words, one of them telling.
    assert ev.keeps_clause(warehouses, stockpiles, 5)
    assert not ev.keeps_clause(warehouses, stockpiles, 8)


def test_a_kept_clause_must_be_the_pairs_own_not_a_recurring_name() -> None:
    ev = _evidence(REPORT, STOCKPILES, WAREHOUSES)
    stockpiles, warehouses = profile(STOCKPILES).words, profile(WAREHOUSES).words
    seen: list[tuple[str, ...]] = []

    def recurring(run) -> bool:
        seen.append(tuple(run))
        return False  # as if the run stood in a third paragraph too

    assert not ev.keeps_clause(warehouses, stockpiles, 5, recurring)
    assert seen and all(len(run) == 5 for run in seen)
    assert ev.keeps_clause(warehouses, stockpiles, 5, lambda run: True)
