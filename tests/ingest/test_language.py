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
