"""Importing a whole folder from the app (issue 16): sub-folders, duplicates, bad files."""

from __future__ import annotations

import shutil


def test_a_dropped_folder_imports_every_resolution_in_it(
    make_window, empty_library, corpus, qtbot, tmp_path
):
    folder = tmp_path / "session 80"
    (folder / "plenary" / ".git").mkdir(parents=True)
    for f in sorted((corpus / "ga80/md").glob("A_RES_80_1*.md"))[:5]:
        shutil.copy(f, folder / "plenary" / f.name)
    shutil.copy(corpus / "A_RES_68_4.md", folder / "A_RES_68_4.md")
    shutil.copy(corpus / "A_RES_68_4.md", folder / "plenary" / "duplicate.md")
    (folder / "plenary" / ".git" / "config.txt").write_text("not a resolution")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (tmp_path / "empty").mkdir()
    win = make_window(empty_library, start=False)
    with qtbot.waitSignal(win.runner.busy_changed, timeout=60000, check_params_cb=lambda b: not b):
        win.import_paths([str(folder), str(tmp_path / "empty")])
    assert len(empty_library.versions()) == 6
    assert "already in the library" in win.statusBar().currentMessage()
    titles = [t for t, _m in win.errors]
    messages = " ".join(m for _t, m in win.errors)
    assert titles == ["Some files could not be imported"]
    assert "broken.pdf" in messages and "no resolution files in this folder" in messages
    assert "config.txt" not in messages
