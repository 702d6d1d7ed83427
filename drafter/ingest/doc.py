"""Legacy Word .doc: converted to .docx by LibreOffice, then read as .docx."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import IngestError
from drafter.ingest.blocks import Draft

TIMEOUT_S = 120


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def read_doc(path: Path) -> Draft:
    # A Word 97-2003 file is an OLE container with a "WordDocument" stream; its
    # directory names are UTF-16. Without it LibreOffice would import the raw
    # bytes as text, so a damaged file would read as garbage paragraphs.
    if "WordDocument".encode("utf-16-le") not in path.read_bytes():
        raise IngestError(path, "not a Word .doc file (damaged, or another Office format)")
    soffice = find_soffice()
    if soffice is None:
        raise IngestError(
            path,
            "legacy .doc files need LibreOffice to convert them; install it "
            "(apt-get install libreoffice-writer) or save the file as .docx in Word",
        )
    with tempfile.TemporaryDirectory(prefix="drafter-doc-") as tmp:
        src = Path(tmp) / ("input" + (path.suffix.lower() or ".doc"))
        shutil.copyfile(path, src)
        profile = Path(tmp) / "profile"
        cmd = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            tmp,
            str(src),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise IngestError(
                path, f"LibreOffice did not convert the .doc within {TIMEOUT_S} s"
            ) from None
        except OSError as exc:
            raise IngestError(path, f"could not run LibreOffice ({exc.strerror or exc})") from None
        out = src.with_suffix(".docx")
        if not out.exists() or out.stat().st_size == 0:
            raise IngestError(path, "LibreOffice could not convert this .doc file (damaged?)")
        from drafter.ingest.docx import read_docx

        try:
            return read_docx(out)
        except IngestError as exc:
            raise IngestError(path, exc.problem) from None
