"""LibreOffice's own Accept All and Reject All give each version, footnotes included.

One headless soffice run (``lo_review.py``, driven through LibreOffice's Python
bridge) loads each redline twice, runs ``.uno:AcceptAllTrackedChanges`` or
``.uno:RejectAllTrackedChanges`` and reports the body paragraphs with every
footnote reference written ``[fn:TEXT]`` in place. Real pairs, from their texts
and from Drafter's clean-copy .docx; 47/168 → 48/57 is where LibreOffice used to
join two paragraphs, 73/8 → L.6 where a changed footnote ends a paragraph.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from drafter.compare import compare
from drafter.export import write_redline

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"


def _lo_python() -> str | None:
    if shutil.which("soffice") is None or not Path(SYSTEM_PYTHON).exists():
        return None
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    return SYSTEM_PYTHON if probe.returncode == 0 else None


def body(paragraphs: list[list[str]]) -> list[str]:
    """The redline's body: from the first UN-styled paragraph to the closing rule.

    LibreOffice keeps the first paragraph's style when it joins two, so the rule
    may take the last paragraph's style: a trailing empty paragraph is the rule.
    """
    start = next(i for i, (style, _t) in enumerate(paragraphs) if style.startswith("UN "))
    out = []
    for style, text in paragraphs[start:]:
        if style == "UN End Rule":
            break
        if style.startswith("UN "):
            out.append(text)
    while out and out[-1] == "":
        out.pop()
    return out


def test_libreoffice_accept_all_and_reject_all_are_exact(review, corpus, samples, tmp_path):
    from test_footnotes_exact import versions

    python = _lo_python()
    if python is None:
        pytest.skip("LibreOffice with its Python bridge (python3-uno) is not installed")
    cases = {}
    for key, form in (("47.168-48.57", "text"), ("L.4-80.3", "docx"), ("73.8-L.6", "text")):
        old, new = versions(key, form, corpus, samples, tmp_path)
        path = write_redline(compare(old, new), tmp_path / f"{key}-{form}.docx")
        cases[str(path)] = (old, new)
    run = subprocess.run(
        [python, str(HERE / "lo_review.py"), str(tmp_path / "lo_profile"), *cases],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    for path, (old, new) in cases.items():
        name = Path(path).name
        assert body(result[path]["accept"]) == review.expected_texts(new, footnotes=True), name
        assert body(result[path]["reject"]) == review.expected_texts(old, footnotes=True), name
