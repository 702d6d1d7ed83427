"""Accept or reject every tracked change with LibreOffice itself, and print the texts.

Run by the system Python (the one with LibreOffice's ``uno`` module, Debian package
python3-uno), not by Drafter's virtualenv:

    python3 lo_review.py PROFILE_DIR FILE.docx [FILE.docx ...]

It starts one headless soffice with a private profile, and for each file loads it
twice: once to run LibreOffice's own Accept All (``.uno:AcceptAllTrackedChanges``),
once for Reject All. It prints one JSON object: file -> {"accept": [...],
"reject": [...]}, each a list of body paragraphs as ``[style, text]`` where a
footnote reference is written ``[fn:TEXT]`` (its footnote's text) in place.
Tables (masthead, cover) are skipped; the caller picks the body by style.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from lo_bridge import file_url, prop, soffice  # tests/, put on the path above

_COMMENT_MARKUP = re.compile(
    r"<w:commentRange(?:Start|End) [^>]*/>"
    r"|<w:r>(?:(?!</w:r>).)*?<w:commentReference [^>]*/></w:r>",
    re.DOTALL,
)


def _without_comments(path: str, folder: str) -> str:
    """A copy of ``path`` with its comments taken out (ranges, references, the part).

    Headless (nogui) LibreOffice aborts when it draws a comment in a view (the
    window needs UI files those packages leave out), and Accept All needs a view.
    Comments hold no text of the document, so the texts are unaffected; how
    LibreOffice imports comments is checked by the re-save test.
    """
    out = os.path.join(folder, os.path.basename(path))
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = _COMMENT_MARKUP.sub("", data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    return out


def _paragraph_text(par) -> str:
    out = []
    portions = par.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        kind = portion.TextPortionType
        if kind == "Text":
            out.append(portion.getString())
        elif kind == "Footnote":
            out.append("[fn:" + " ".join(portion.Footnote.getString().split()) + "]")
    return "".join(out)


def _body(doc) -> list[list[str]]:
    paras = []
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if not el.supportsService("com.sun.star.text.Paragraph"):
            continue  # a table
        paras.append([el.ParaStyleName, _paragraph_text(el)])
    return paras


def main(argv: list[str]) -> int:
    profile, files = argv[1], argv[2:]
    result: dict[str, dict[str, list]] = {}
    with soffice(profile, "drafter_review") as ctx:
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", ctx
        )
        tmp = tempfile.mkdtemp(dir=profile)
        for k, path in enumerate(files):
            folder = os.path.join(tmp, str(k))
            os.mkdir(folder)
            url = file_url(_without_comments(path, folder))
            entry = {}
            for mode, command in (
                ("accept", ".uno:AcceptAllTrackedChanges"),
                ("reject", ".uno:RejectAllTrackedChanges"),
            ):
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
                frame = doc.getCurrentController().getFrame()
                dispatcher.executeDispatch(frame, command, "", 0, ())
                entry[mode] = _body(doc)
                doc.close(True)
            result[path] = entry
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
