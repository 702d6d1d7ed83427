"""Hostile files made from real ones, shared by the safety tests and the fuzz benchmark.

Each maker takes real bytes (a corpus text, a PDF, a .docx written from a corpus text)
and returns bytes a careless reader would choke on. Nothing here writes outside the
folder it is given.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path


def zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def make_zip(members: dict[str, bytes], *, level: int = 6) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def docx_from_text(text_file: Path, out: Path) -> Path:
    """A real .docx: a corpus text parsed and written by Drafter's clean export."""
    from drafter.export import write_clean
    from drafter.ingest import load

    return write_clean(load(text_file), out)


# --- numbering ----------------------------------------------------------------------

NUMBERING = (
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="7">{levels}</w:abstractNum>'
    '<w:num w:numId="7"><w:abstractNumId w:val="7"/>{override}</w:num></w:numbering>'
)
LEVEL = (
    '<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
    '<w:lvlText w:val="{text}"/></w:lvl>'
)


def numbered_docx(docx_bytes: bytes, *, start: str, fmts=("lowerRoman", "upperLetter"),
                  ilvl: str = "0", text: str = "(%1)", override: str = "") -> bytes:  # fmt: skip
    """Every body paragraph numbered by one list with the given (hostile) definitions."""
    members = zip_members(docx_bytes)
    levels = "".join(
        LEVEL.format(ilvl=i, start=start, fmt=f, text=text) for i, f in enumerate(fmts)
    )
    ov = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>'
    members["word/numbering.xml"] = NUMBERING.format(
        levels=levels, override=ov if override else ""
    ).encode()
    numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="7"/></w:numPr>'
    doc = members["word/document.xml"].decode()
    doc = re.sub(r"<w:p>", f"<w:p><w:pPr>{numpr}</w:pPr>", doc)
    doc = re.sub(r"<w:pPr>(?!<w:numPr>)", f"<w:pPr>{numpr}", doc)
    members["word/document.xml"] = doc.encode()
    _ensure_numbering_rel(members)
    return make_zip(members)


def _ensure_numbering_rel(members: dict[str, bytes]) -> None:
    rels = members["word/_rels/document.xml.rels"].decode()
    if "numbering.xml" not in rels:
        rels = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdNum7" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
        )
        members["word/_rels/document.xml.rels"] = rels.encode()
    ct = members["[Content_Types].xml"].decode()
    if "numbering.xml" not in ct:
        ct = ct.replace(
            "</Types>",
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
        )
        members["[Content_Types].xml"] = ct.encode()


# --- decompression bombs ------------------------------------------------------------


def bomb_docx(docx_bytes: bytes, *, megabytes: int = 300) -> bytes:
    """document.xml grown to ``megabytes`` of one repeated paragraph (packs ~1,000:1)."""
    members = zip_members(docx_bytes)
    doc = members["word/document.xml"]
    para = b"<w:p><w:r><w:t>Urges all States to cooperate.</w:t></w:r></w:p>"
    head, sep, tail = doc.partition(b"</w:body>")
    filler = para * (megabytes * 1024 * 1024 // len(para))
    members["word/document.xml"] = head.replace(b"<w:body>", b"<w:body>" + filler, 1) + sep + tail
    return make_zip(members, level=9)


# --- mutations for the fuzz loop ----------------------------------------------------

XML_POISON = [
    b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    b"<w:p>" * 5000,
    b"\x00\xff\xfe",
    b"]]>",
]


def flip_bytes(data: bytes, rng: random.Random, count: int) -> bytes:
    out = bytearray(data)
    for _ in range(count):
        i = rng.randrange(len(out))
        out[i] = rng.randrange(256)
    return bytes(out)


def truncate_member(data: bytes, rng: random.Random) -> bytes:
    """One zip member cut short (its data rewritten, so the directory stays valid)."""
    members = zip_members(data)
    name = rng.choice(sorted(members))
    body = members[name]
    members[name] = body[: rng.randrange(max(len(body), 1))]
    return make_zip(members)


def truncate_raw(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, max(len(data), 2))]


def poison_xml(data: bytes, rng: random.Random) -> bytes:
    """An XML member with a DTD bomb, an external entity, deep nesting or junk spliced in."""
    members = zip_members(data)
    xml_names = sorted(n for n in members if n.endswith(".xml"))
    name = rng.choice(xml_names)
    body = members[name]
    poison = rng.choice(XML_POISON)
    if poison.startswith(b"<!DOCTYPE"):
        decl_end = body.find(b"?>") + 2 if body.startswith(b"<?xml") else 0
        body = body[:decl_end] + poison + body[decl_end:]
        body = body.replace(b"<w:t>", b"<w:t>&d;" if b"ENTITY d" in poison else b"<w:t>&x;", 1)
    else:
        at = rng.randrange(len(body))
        body = body[:at] + poison + body[at:]
    members[name] = body
    return make_zip(members)


def huge_numbers_docx(data: bytes, rng: random.Random) -> bytes:
    value = rng.choice(["4294967296", "9" * 5000, "²", "-3", "1e9", "1000000000", ""])
    return numbered_docx(data, start=value, ilvl=rng.choice(["0", "1", "99", "x"]), override=value)


# --- PDFs ---------------------------------------------------------------------------


def many_pages_pdf(pages: int, *, declared: int | None = None) -> bytes:
    """A valid PDF of ``pages`` pages, each a line of text (one shared content stream);
    ``declared`` makes the page tree claim another count."""
    stream = (
        b"BT /F1 12 Tf 72 720 Td (Urges all States to cooperate on safe, orderly and) Tj "
        b"0 -14 Td (regular migration, and requests the Secretary-General to report.) Tj ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,  # the page tree, below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    first = len(objects) + 1
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(pages))
    count = pages if declared is None else declared
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    objects += [page] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()
