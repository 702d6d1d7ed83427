"""``drafter compare ... --docx`` and ``drafter export``: thin calls into drafter.export."""

from __future__ import annotations

import pytest

from drafter.cli import main


@pytest.fixture
def library(tmp_path, samples):
    """A library with both sample versions and a note on each."""
    from drafter.store import Library

    db = tmp_path / "lib.db"
    with Library.open(db) as lib:
        old = lib.import_file(samples / "A_68_L5_draft_illustrative.md").version_id
        new = lib.import_file(samples / "A_RES_68_4.md", carry=False).version_id
        lib.add_note(old, 9, "Zero draft note", author="Old Author")
        para = next(p for p in lib.load_version(new).paragraphs if "important" in p.text)
        start = para.text.index("important")
        lib.add_note(
            new,
            para.id,
            "Capital insists",
            author="New Author",
            quote="important",
            start=start,
            end=start + len("important"),
        )
    return db, old, new


def test_compare_docx_redline_with_notes(review, library, samples, tmp_path, capsys):
    db, _, _ = library
    out = tmp_path / "red.docx"
    code = main(
        [
            "compare",
            str(samples / "A_68_L5_draft_illustrative.md"),
            str(samples / "A_RES_68_4.md"),
            "--docx",
            str(out),
            "--with-notes",
            "--db",
            str(db),
        ]
    )
    assert code == 0
    assert str(out) in capsys.readouterr().out
    doc = review.open_docx(out)
    assert {c.author for c in doc.comments} >= {"Old Author", "New Author"}
    assert "important" in review.comment_ranges(doc).values()
    assert len(review.accept_all(out)) > 30


def test_compare_docx_side_by_side_and_related(review, samples, tmp_path):
    out = tmp_path / "sbs.docx"
    args = [str(samples / "A_68_L5_draft_illustrative.md"), str(samples / "A_RES_68_4.md")]
    assert main(["compare", *args, "--docx", str(out), "--side-by-side"]) == 0
    assert review.open_docx(out).tables
    rel = tmp_path / "rel.docx"
    args = [str(samples / "A_RES_67_219.pdf.txt"), str(samples / "A_RES_68_4.md")]
    assert main(["compare", *args, "--related", "--docx", str(rel)]) == 0
    assert review.open_docx(rel).tables


def test_with_notes_without_library_is_a_clear_error(samples, tmp_path, capsys):
    args = [str(samples / "A_68_L5_draft_illustrative.md"), str(samples / "A_RES_68_4.md")]
    code = main(
        [
            "compare",
            *args,
            "--docx",
            str(tmp_path / "x.docx"),
            "--with-notes",
            "--db",
            str(tmp_path / "none.db"),
        ]
    )
    assert code == 2
    assert "needs a library" in capsys.readouterr().err


def test_export_version_by_id_and_by_file(review, library, samples, tmp_path, capsys):
    db, _, new = library
    out = tmp_path / "v.docx"
    assert main(["export", str(new), "--docx", str(out), "--db", str(db)]) == 0
    assert "with 1 notes" in capsys.readouterr().out
    assert [c.author for c in review.open_docx(out).comments] == ["New Author"]
    out2 = tmp_path / "f.docx"
    assert (
        main(
            [
                "export",
                str(samples / "A_RES_68_4.md"),
                "--docx",
                str(out2),
                "--db",
                str(db),
                "--author",
                "Me",
            ]
        )
        == 0
    )
    assert len(review.open_docx(out2).comments) == 1


def test_export_errors(tmp_path, capsys):
    assert (
        main(
            ["export", "99", "--docx", str(tmp_path / "x.docx"), "--db", str(tmp_path / "none.db")]
        )
        == 2
    )
    assert "no library" in capsys.readouterr().err
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    code = main(["export", str(bad), "--docx", str(tmp_path / "y.docx")])
    assert code == 2


def test_notes_follow_their_text_when_stored_paragraphs_differ(res_68_4):
    import dataclasses

    from drafter.cli._export_options import remap_notes
    from drafter.model import Anchor, Note

    stored = dataclasses.replace(res_68_4, paragraphs=res_68_4.paragraphs[1:])  # one fewer
    note = Note("n", 1, Anchor(8, None, "h"), "b", "a", "2020-01-01", "2020-01-01")
    gone = Note("g", 1, Anchor(99, None, "h"), "b", "a", "2020-01-01", "2020-01-01")
    moved, lost = remap_notes([note, gone], stored, res_68_4)
    assert moved.anchor.paragraph_id == 9
    assert res_68_4.paragraphs[9].text == stored.paragraphs[8].text
    assert lost.orphaned
