"""A text with no recognisable paragraph structure says so, in parse output and JSON."""

from __future__ import annotations

import json

from drafter.cli import main
from drafter.ingest import load


def test_sentences_without_structure_get_a_warning(corpus, tmp_path, capsys):
    # Real UN sentences (UN Parallel Corpus), one a line: no chapeau, no numbers, no
    # preambular or operative paragraphs.
    lines = (corpus / "languages" / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "sentences.txt"
    path.write_text("\n\n".join(lines[:40]) + "\n", encoding="utf-8")
    res = load(path)
    assert any("no paragraph structure recognised for" in w for w in res.warnings)
    assert main(["parse", str(path)]) == 0
    assert "warning: no paragraph structure recognised for" in capsys.readouterr().out
    assert main(["parse", str(path), "--json"]) == 0
    warnings = json.loads(capsys.readouterr().out)["warnings"]
    assert any("no paragraph structure recognised for" in w for w in warnings)


def test_a_real_resolution_gets_no_such_warning(corpus):
    for name in ("A_RES_67_219.pdf.txt", "A_RES_68_4.md", "ga80/txt/A_RES_80_6.txt"):
        res = load(corpus / name)
        assert not any("paragraph structure" in w for w in res.warnings), name


def test_a_conversion_that_lost_its_structure_is_flagged(corpus):
    # This Markdown conversion of A/RES/80/5 dropped the "(a)" labels and cut paragraphs
    # at its line ends: most of its paragraphs are neither preambular nor operative.
    res = load(corpus / "ga80" / "md" / "A_RES_80_5.md")
    assert any("no paragraph structure recognised for" in w for w in res.warnings)
