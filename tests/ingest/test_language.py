"""Language detection on the six official languages of the UN Parallel Corpus."""

from __future__ import annotations

import pytest

from drafter.ingest import parse_text
from drafter.ingest.language import detect_language


@pytest.mark.parametrize("lang", ["ar", "en", "es", "fr", "ru", "zh"])
def test_detects_each_official_language(corpus, lang):
    lines = (
        (corpus / "languages" / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines()
    )
    # Paragraph-sized samples from across the file.
    for start in range(0, 4000, 400):
        sample = " ".join(lines[start : start + 5])
        assert detect_language(sample) == lang, (start, sample[:80])
    text = "\n\n".join(lines[:40])
    assert parse_text(text).language == lang


def test_explicit_language_wins():
    assert parse_text("Recalling its resolutions,", language="fr").language == "fr"


def test_french_resolution_structure():
    text = (
        "Résolution adoptée par l’Assemblée générale le 21 décembre 2012\n\n"
        "67/219. Migrations internationales et développement\n\n"
        "L’Assemblée générale,\n\n"
        "Rappelant ses résolutions 58/208 du 23 décembre 2003,\n\n"
        "1. Prend note du rapport du Secrétaire général;\n\n"
        "2. Décide que les modalités seront les suivantes :\n\n"
        "a) Le thème général du dialogue;\n\n"
        "b) Les tables rondes :\n\n"
        "i) La première;\n\n"
        "61e séance plénière\n21 décembre 2012"
    )
    res = parse_text(text)
    assert (res.symbol, res.language, str(res.date)) == ("A/RES/67/219", "fr", "2012-12-21")
    assert [(p.kind.value, p.number) for p in res.paragraphs[3:]] == [
        ("preambular", None), ("operative", "1"), ("operative", "2"),
        ("subparagraph", "2(a)"), ("subparagraph", "2(b)"), ("subparagraph", "2(b)(i)"),
        ("closing", None),
    ]  # fmt: skip


def test_spanish_dates_and_closing():
    text = (
        "Resolución aprobada por la Asamblea General el 3 de octubre de 2013\n\n"
        "68/4. Declaración del Diálogo de Alto Nivel\n\n"
        "La Asamblea General,\n\n"
        "1. Reconocemos que la migración internacional es una realidad;\n\n"
        "25ª sesión plenaria\n3 de octubre de 2013"
    )
    res = parse_text(text)
    assert (res.symbol, res.language, str(res.date)) == ("A/RES/68/4", "es", "2013-10-03")
    assert res.paragraphs[-1].kind.value == "closing"


def test_russian_and_chinese_headers():
    ru = parse_text(
        "Резолюция, принятая Генеральной Ассамблеей 21 декабря 2012 года\n\n"
        "67/219. Международная миграция и развитие\n\nГенеральная Ассамблея,\n\n"
        "ссылаясь на свои резолюции,\n\n1. принимает к сведению доклад;\n\n"
        "61-е пленарное заседание\n21 декабря 2012 года"
    )
    zh = parse_text(
        "大会2012年12月21日通过的决议\n\n67/219. 国际移徙与发展\n\n大会，\n\n回顾其各项决议，\n\n"
        "1. 注意到秘书长的报告；\n\n第61次全体会议\n2012年12月21日"
    )
    for res, lang in ((ru, "ru"), (zh, "zh")):
        assert (res.symbol, res.language, str(res.date)) == ("A/RES/67/219", lang, "2012-12-21")
        kinds = [(p.kind.value, p.number) for p in res.paragraphs[3:]]
        assert kinds == [("preambular", None), ("operative", "1"), ("closing", None)], lang
    assert zh.title == "国际移徙与发展"
