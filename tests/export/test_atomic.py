"""Atomic writes: a failed export leaves the old file intact and says why."""

from __future__ import annotations

import os

import pytest

from drafter.errors import ExportError
from drafter.export import write_clean, write_redline


def test_open_file_is_refused_and_left_intact(sample_versions, tmp_path):
    target = tmp_path / "redline.docx"
    target.write_bytes(b"previous export")
    (tmp_path / ".~lock.redline.docx#").write_text("LibreOffice lock")
    with pytest.raises(ExportError, match="open in another program"):
        write_redline(sample_versions, target)
    assert target.read_bytes() == b"previous export"


def test_word_owner_file_is_refused(sample_versions, tmp_path):
    target = tmp_path / "redline.docx"
    target.write_bytes(b"old")
    (tmp_path / "~$dline.docx").write_text("Word owner file")
    with pytest.raises(ExportError, match="close it"):
        write_redline(sample_versions, target)
    assert target.read_bytes() == b"old"


def test_rename_failure_keeps_old_file_and_no_temp(sample_versions, tmp_path, monkeypatch):
    target = tmp_path / "redline.docx"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="permission denied"):
        write_redline(sample_versions, target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["redline.docx"]


def test_bad_targets_have_clear_messages(res_68_4, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_clean(res_68_4, tmp_path / "missing" / "x.docx")
    with pytest.raises(ExportError, match="is a folder"):
        write_clean(res_68_4, tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        write_clean(res_68_4, blocker / "x.docx")


def test_overwrite_replaces_and_keeps_mode(res_68_4, tmp_path):
    target = tmp_path / "clean.docx"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_clean(res_68_4, target)
    assert target.read_bytes()[:2] == b"PK"
    assert (target.stat().st_mode & 0o777) == 0o640


def test_docx_suffix_added_and_other_formats_refused(res_68_4, tmp_path):
    written = write_clean(res_68_4, tmp_path / "A_RES_68_4 vs L.5")
    assert written.name == "A_RES_68_4 vs L.5.docx" and written.exists()
    assert write_clean(res_68_4, tmp_path / "x.DOCX").name == "x.DOCX"
    with pytest.raises(ExportError, match=r"writes Word files \(\.docx\)"):
        write_clean(res_68_4, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()
