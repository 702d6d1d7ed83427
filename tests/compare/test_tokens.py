"""Tokenisation for the six UN languages and typographic folding."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drafter.compare.tokens import fold, formatting_key, is_word, tokenize, words


@given(st.text())
def test_tokens_cover_the_text_exactly(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_english_words_keep_hyphens_and_apostrophes() -> None:
    toks = tokenize("the Secretary-General’s report, 2013")
    assert toks == ["the", " ", "Secretary-General’s", " ", "report", ",", " ", "2013"]


def test_chinese_is_one_token_per_character() -> None:
    toks = tokenize("联合国大会，决定")
    assert toks == ["联", "合", "国", "大", "会", "，", "决", "定"]


def test_chinese_mixed_with_latin() -> None:
    assert tokenize("A/RES/68/4号决议") == ["A", "/", "RES", "/", "68", "/", "4", "号", "决", "议"]


def test_arabic_word_keeps_its_harakat() -> None:
    toks = tokenize("ونودُّ أن نسلط")
    assert toks == ["ونودُّ", " ", "أن", " ", "نسلط"]
    assert all(is_word(t) for t in toks[::2])


def test_russian_french_spanish_words() -> None:
    assert [t for t in tokenize("Мы подчеркиваем необходимость") if is_word(t)] == [
        "Мы",
        "подчеркиваем",
        "необходимость",
    ]
    assert "d'instances" in tokenize("la création d'instances spécifiques")
    assert "específicas" in tokenize("crear instancias específicas")


def test_fold_removes_typographic_variants() -> None:
    assert fold("“non\u2011intervention”\u00a0 and  ‘x’ – y") == "\"non-intervention\" and 'x' - y"


def test_formatting_key_ignores_markers_spaces_and_quotes() -> None:
    a = "Recalling the Convention on the Rights of the Child,12 and “its” Protocols"
    b = 'Recalling the  Convention on the Rights of the Child, and "its" Protocols'
    assert formatting_key(a) == formatting_key(b)
    assert formatting_key("the report of 2012") != formatting_key("the report of 2013")


def test_words_are_casefolded_and_split_at_hyphens() -> None:
    assert words("Sixty-Ninth Session") == ["sixty", "ninth", "session"]


def test_numbers_with_separators_are_one_token() -> None:
    assert tokenize("US$ 1,000.50 and 3.5 per cent, 2013, 12") == [
        "US", "$", " ", "1,000.50", " ", "and", " ", "3.5", " ", "per", " ", "cent", ",", " ",
        "2013", ",", " ", "12",
    ]  # fmt: skip


def test_formatting_key_ignores_leftover_paragraph_numbers() -> None:
    assert (
        formatting_key("3. We gather at a critical juncture") == "We gather at a critical juncture"
    )
    assert formatting_key("(iv) Round table 4") == formatting_key("Round table 4")
    assert formatting_key("2013 was a year") == "2013 was a year"
