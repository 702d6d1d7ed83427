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

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from lo_bridge import file_url, prop, soffice  # tests/, put on the path above


def _set_user(ctx, author: str) -> None:
    provider = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.UserProfile/Data"),),
    )
    given, _, family = author.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def main(argv: list[str]) -> int:
    profile, base, out, author, edits_path = argv[1:6]
    with open(edits_path, encoding="utf-8") as fh:
        edits = json.load(fh)
    with soffice(profile, "drafter_propose") as ctx:
        _set_user(ctx, author)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(file_url(base), "_blank", 0, (prop("Hidden", True),))
        doc.RecordChanges = True
        for find, replacement in edits.get("replace", []):
            _find(doc, find).setString(replacement)
        for find, text in edits.get("comment", []):
            found = _find(doc, find)
            note = doc.createInstance("com.sun.star.text.textfield.Annotation")
            note.Author = author
            note.Content = text
            found.getText().insertTextContent(found, note, True)
        doc.storeToURL(file_url(out), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
    return 0


def _find(doc, text: str):
    desc = doc.createSearchDescriptor()
    desc.SearchString = text
    found = doc.findFirst(desc)
    if found is None:
        raise SystemExit(f"not found in the base text: {text!r}")
    return found


if __name__ == "__main__":
    sys.exit(main(sys.argv))
