"""Export test helpers: accept/reject every tracked change on the XML, read comments.

The helpers read the saved .docx with python-docx (so every test also checks
that the file reopens) and then apply Word's rules by hand: accepting removes
``w:del`` content and unwraps ``w:ins``; a paragraph whose mark is deleted joins
the next one. Rejecting is the mirror image.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from drafter.export.typography import label_text
from drafter.model import Anchor, Note, Resolution

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _inside(el, stop, tag: str) -> bool:
    """Whether ``el`` has an ancestor ``tag`` below ``stop``."""
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == tag:
            return True
        node = node.getparent()
    return False


def _mark(p) -> str | None:
    ppr = p.find(qn("w:pPr"))
    rpr = ppr.find(qn("w:rPr")) if ppr is not None else None
    if rpr is None:
        return None
    if rpr.find(qn("w:ins")) is not None or rpr.find(qn("w:moveTo")) is not None:
        return "ins"
    if rpr.find(qn("w:del")) is not None or rpr.find(qn("w:moveFrom")) is not None:
        return "del"
    return None


def paragraph_text(p, keep: str, footnotes: dict[str, str] | None = None) -> str:
    """Text of a ``w:p`` after accepting (keep="ins") or rejecting (keep="del") its changes.

    With ``footnotes`` (id -> text), each footnote reference that stays is written
    ``[fn:TEXT]`` where it stands.
    """
    drop = (W + "del", W + "moveFrom") if keep == "ins" else (W + "ins", W + "moveTo")
    out = []
    ppr = p.find(qn("w:pPr"))
    tags = [W + "t", W + "delText", W + "tab"]
    if footnotes is not None:
        tags.append(W + "footnoteReference")
    for el in p.iter(*tags):
        if ppr is not None and _inside(el, p, qn("w:pPr")):
            continue
        if el.tag == W + "t":
            assert not _inside(el, p, W + "del"), "w:t inside w:del (Word wants w:delText)"
        if el.tag == W + "delText":
            assert _inside(el, p, W + "del"), "w:delText outside w:del"
        if _inside(el, p, drop[0]) or _inside(el, p, drop[1]):
            continue
        if el.tag == W + "footnoteReference":
            out.append(f"[fn:{footnotes[el.get(qn('w:id'))]}]")  # type: ignore[index]
            continue
        out.append("\t" if el.tag == W + "tab" else (el.text or ""))
    return "".join(out)


def footnote_texts(document, keep: str = "ins") -> dict[str, str]:
    """Footnote id -> its text (whitespace collapsed) after accepting (keep="ins") or
    rejecting (keep="del") the changes tracked inside it."""
    out: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            root = etree.fromstring(rel.target_part.blob)
            for fn in root.iter(W + "footnote"):
                text = "".join(paragraph_text(p, keep) for p in fn.iter(W + "p"))
                out[fn.get(qn("w:id"))] = " ".join(text.split())
    return out


def body_region(document) -> list:
    """The ``w:p`` children between the cover page's page break and the closing rule."""
    body = document.element.body
    paras = [el for el in body if el.tag == W + "p"]
    start = 0
    for i, p in enumerate(paras):
        if p.find(f".//{W}br[@{W}type='page']") is not None:
            start = i + 1
            break
    end = next(
        i
        for i, p in enumerate(paras)
        if p.find(f"{W}pPr/{W}pStyle[@{W}val='UNEndRule']") is not None
    )
    return paras[start:end]


def resolve(paras, keep: str, footnotes: dict[str, str] | None = None) -> list[str]:
    """Paragraph texts after accepting (keep="ins") or rejecting (keep="del") everything."""
    removed_mark = "del" if keep == "ins" else "ins"
    texts, buf = [], ""
    for p in paras:
        buf += paragraph_text(p, keep, footnotes)
        if _mark(p) == removed_mark:
            continue  # the paragraph mark goes: this text joins the next paragraph
        texts.append(buf)
        buf = ""
    if buf:
        texts.append(buf)
    return texts


def expected_texts(res: Resolution, *, footnotes: bool = False) -> list[str]:
    """Each paragraph as a redline shows it: label, tab, text; with ``footnotes``, each
    cited footnote as ``[fn:TEXT]`` where its marker stood (at the end when unknown)."""
    out = []
    for p in res.paragraphs:
        label = label_text(p)
        text = p.text
        if footnotes:
            known = len(p.footnote_offsets) == len(p.footnotes)
            refs = [
                (p.footnote_offsets[k] if known else len(text), k, res.footnote_text(n))
                for k, n in enumerate(p.footnotes)
                if res.footnote_text(n) is not None
            ]
            for offset, _k, fn in sorted(refs, reverse=True):
                text = text[:offset] + f"[fn:{' '.join(fn.split())}]" + text[offset:]
        out.append((label + "\t" if label else "") + text)
    return out


def open_docx(path: Path):
    return docx.Document(str(path))


def accept_all(path: Path, *, footnotes: bool = False) -> list[str]:
    doc = open_docx(path)
    return resolve(body_region(doc), "ins", footnote_texts(doc, "ins") if footnotes else None)


def reject_all(path: Path, *, footnotes: bool = False) -> list[str]:
    doc = open_docx(path)
    return resolve(body_region(doc), "del", footnote_texts(doc, "del") if footnotes else None)


def revision_ids(document) -> list[str]:
    body = document.element.body
    tags = (
        "w:ins",
        "w:del",
        "w:moveFrom",
        "w:moveTo",
        "w:moveFromRangeStart",
        "w:moveToRangeStart",
    )
    return [el.get(qn("w:id")) for el in body.iter(*(qn(t) for t in tags))]


def comment_ranges(document) -> dict[int, str]:
    """Comment id -> the (new-side, i.e. accepted) text between its range markers."""
    body = document.element.body
    out: dict[int, list[str]] = {}
    open_ids: set[int] = set()
    for el in body.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.add(int(el.get(qn("w:id"))))
            out.setdefault(int(el.get(qn("w:id"))), [])
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(int(el.get(qn("w:id"))))
        elif el.tag in (W + "t", W + "delText"):
            for cid in open_ids:
                out[cid].append(el.text or "")
    return {k: "".join(v) for k, v in out.items()}


def make_note(
    res: Resolution,
    pid: int,
    body: str,
    *,
    quote: str = "",
    author: str = "A. Delegate",
    version_id: int = 1,
    orphaned: bool = False,
) -> Note:
    text = res.paragraphs[pid].text if 0 <= pid < len(res.paragraphs) else ""
    start = text.find(quote) if quote else 0
    end = start + len(quote) if quote else 0
    when = dt.datetime(2013, 9, 25, 14, 30, tzinfo=dt.UTC).isoformat()
    return Note(
        id=f"n{pid}{abs(hash(body)) % 10_000}",
        version_id=version_id,
        anchor=Anchor(
            pid,
            res.paragraphs[pid].number if 0 <= pid < len(res.paragraphs) else None,
            "hash",
            quote,
            start,
            end,
        ),
        body=body,
        author=author,
        created=when,
        updated=when,
        tags=("capital",),
        orphaned=orphaned,
    )


def soffice_pdf_text(docs: list[Path], out_dir: Path) -> dict[Path, str]:
    """Convert with LibreOffice headless (private profile) and return each PDF's text."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: PDF conversion not checked")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: PDF text not checked")
    profile = out_dir / "lo_profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, docs),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    texts = {}
    for d in docs:
        pdf = out_dir / (d.stem + ".pdf")
        assert pdf.exists(), f"LibreOffice did not convert {d.name}"
        texts[d] = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
    return texts


@pytest.fixture(scope="session")
def review():
    """The helpers above, as one namespace (tests/export has no package to import from)."""
    return SimpleNamespace(
        accept_all=accept_all,
        reject_all=reject_all,
        resolve=resolve,
        paragraph_text=paragraph_text,
        body_region=body_region,
        expected_texts=expected_texts,
        open_docx=open_docx,
        revision_ids=revision_ids,
        comment_ranges=comment_ranges,
        make_note=make_note,
        soffice_pdf_text=soffice_pdf_text,
    )


@pytest.fixture(scope="session")
def sample_versions(samples):
    """The illustrative zero draft of 68/4 and the adopted text, parsed and compared."""
    from drafter.compare import compare
    from drafter.ingest import load

    old = load(samples / "A_68_L5_draft_illustrative.md")
    new = load(samples / "A_RES_68_4.md")
    return compare(old, new)


@pytest.fixture(scope="session")
def res_67_219(samples):
    from drafter.ingest import load

    return load(samples / "A_RES_67_219.pdf.txt")


@pytest.fixture(scope="session")
def res_68_4(samples):
    from drafter.ingest import load

    return load(samples / "A_RES_68_4.md")
