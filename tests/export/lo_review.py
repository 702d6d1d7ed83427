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

import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile

import uno  # LibreOffice's Python bridge: import it before the com.sun.star names
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

SOFFICE = os.environ.get("SOFFICE", "soffice")


def _prop(name: str, value) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe: str, proc: subprocess.Popen, timeout: float = 90.0):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + timeout
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", ctx
            ), ctx
        except NoConnectException:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"soffice did not start (exit code {proc.poll()})") from None
            time.sleep(0.2)


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
    pipe = f"drafter_review_{os.getpid()}"
    env_profile = f"-env:UserInstallation={uno.systemPathToFileUrl(os.path.abspath(profile))}"
    if not os.path.isdir(profile):
        # A new profile makes soffice restart itself once, which would cut the bridge:
        # create it first with a start that ends as soon as it is ready.
        subprocess.run(
            [SOFFICE, env_profile, "--headless", "--terminate_after_init"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
            check=False,
        )
    proc = subprocess.Popen(
        [
            SOFFICE,
            env_profile,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    result: dict[str, dict[str, list]] = {}
    try:
        desktop, ctx = _connect(pipe, proc)
        dispatcher = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", ctx
        )
        tmp = tempfile.mkdtemp(dir=profile)
        for k, path in enumerate(files):
            folder = os.path.join(tmp, str(k))
            os.mkdir(folder)
            url = uno.systemPathToFileUrl(os.path.abspath(_without_comments(path, folder)))
            entry = {}
            for mode, command in (
                ("accept", ".uno:AcceptAllTrackedChanges"),
                ("reject", ".uno:RejectAllTrackedChanges"),
            ):
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
                frame = doc.getCurrentController().getFrame()
                dispatcher.executeDispatch(frame, command, "", 0, ())
                entry[mode] = _body(doc)
                doc.close(True)
            result[path] = entry
        with contextlib.suppress(Exception):  # the bridge goes away as soffice quits
            desktop.terminate()
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
