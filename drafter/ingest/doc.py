"""Other office formats (legacy Word .doc, RTF, OpenDocument .odt): converted to
.docx by LibreOffice when it is installed, then read as .docx."""

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


_NAMES = {"doc": "legacy .doc", "rtf": "RTF", "odt": "OpenDocument (.odt)"}


def _check_container(path: Path, kind: str) -> None:
    """Refuse what is not the promised format before LibreOffice sees it.

    LibreOffice imports anything it cannot recognise as plain text, so a damaged
    file would otherwise come back as paragraphs of garbage.
    """
    data = path.read_bytes()
    if kind == "doc" and "WordDocument".encode("utf-16-le") not in data:
        # A Word 97-2003 file is an OLE container with a "WordDocument" stream.
        raise IngestError(path, "not a Word .doc file (damaged, or another Office format)")
    if kind == "rtf" and not data.lstrip().startswith(b"{\\rtf"):
        raise IngestError(path, "not an RTF file (damaged)")
    if kind == "odt":
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                mime = z.read("mimetype").decode("ascii", "replace").strip()
        except (zipfile.BadZipFile, KeyError, OSError):
            raise IngestError(path, "not an OpenDocument text file (damaged)") from None
        if mime != "application/vnd.oasis.opendocument.text":
            raise IngestError(path, f"not an OpenDocument text file ({mime or 'no type'})")


def read_doc(path: Path, kind: str = "doc") -> Draft:
    _check_container(path, kind)
    soffice = find_soffice()
    if soffice is None:
        raise IngestError(
            path,
            f"{_NAMES.get(kind, kind)} files need LibreOffice to convert them; install it "
            "(apt-get install libreoffice-writer) or save the file as .docx",
        )
    with tempfile.TemporaryDirectory(prefix="drafter-doc-") as tmp:
        src = Path(tmp) / f"input.{kind}"
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
            raise IngestError(path, "LibreOffice could not convert this file (damaged?)")
        from drafter.ingest.docx import read_docx

        try:
            return read_docx(out)
        except IngestError as exc:
            raise IngestError(path, exc.problem) from None
