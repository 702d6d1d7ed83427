"""Make a proposals file the way a delegate does: LibreOffice with change recording on.

Run by the system Python (the one with LibreOffice's ``uno`` module, Debian package
python3-uno), not by Drafter's virtualenv:

    python3 lo_propose.py PROFILE_DIR BASE.docx OUT.docx AUTHOR EDITS.json

EDITS.json: {"replace": [[find, replace_with], ...], "comment": [[find, text], ...]}.
LibreOffice records each replacement as a tracked deletion and insertion signed with
AUTHOR (set as the profile's user name, as a delegate's copy of LibreOffice would sign
it), and each comment as a Word comment on the words found; it saves as Word 2007+.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time

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
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"soffice did not start (exit code {proc.poll()})") from None
            time.sleep(0.2)


def _set_user(ctx, author: str) -> None:
    provider = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (_prop("nodepath", "/org.openoffice.UserProfile/Data"),),
    )
    given, _, family = author.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def main(argv: list[str]) -> int:
    profile, base, out, author, edits_path = argv[1:6]
    with open(edits_path, encoding="utf-8") as fh:
        edits = json.load(fh)
    pipe = f"drafter_propose_{os.getpid()}"
    env_profile = f"-env:UserInstallation={uno.systemPathToFileUrl(os.path.abspath(profile))}"
    if not os.path.isdir(profile):
        subprocess.run(
            [SOFFICE, env_profile, "--headless", "--terminate_after_init"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
            check=False,
        )
    proc = subprocess.Popen(
        [SOFFICE, env_profile, "--headless", "--invisible", "--nologo", "--norestore",
         "--nodefault", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    desktop = None
    try:
        ctx = _connect(pipe, proc)
        _set_user(ctx, author)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        url = uno.systemPathToFileUrl(os.path.abspath(base))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
        doc.RecordChanges = True
        for find, replacement in edits.get("replace", []):
            desc = doc.createSearchDescriptor()
            desc.SearchString = find
            found = doc.findFirst(desc)
            if found is None:
                raise SystemExit(f"not found in the base text: {find!r}")
            found.setString(replacement)
        for find, text in edits.get("comment", []):
            desc = doc.createSearchDescriptor()
            desc.SearchString = find
            found = doc.findFirst(desc)
            if found is None:
                raise SystemExit(f"not found in the base text: {find!r}")
            note = doc.createInstance("com.sun.star.text.textfield.Annotation")
            note.Author = author
            note.Content = text
            found.getText().insertTextContent(found, note, True)
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(out)),
            (_prop("FilterName", "MS Word 2007 XML"),),
        )
        doc.close(True)
    finally:
        if desktop is not None:
            with contextlib.suppress(Exception):  # the bridge may already be gone
                desktop.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
