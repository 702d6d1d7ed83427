"""Package-level tidying every export gets: properties, no stray thumbnail.

python-docx starts from a template whose thumbnail (a picture of an unrelated
page) file browsers would show for our documents, whose core properties say
"python-docx", 2013, and which carries a 440 KB Word 2010 styles copy. All are
replaced or dropped here.
"""

from __future__ import annotations

import datetime as _dt

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter import __version__

# CT_Settings children that follow w:trackRevisions (schema order matters to Word).
_AFTER_TRACK_REVISIONS = (
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:characterSpacingControl",
    "w:savePreviewPicture",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
)


def track_changes(document) -> None:
    """Open with Track Changes on, so the reader's own edits to a redline are tracked too."""
    settings = document.settings.element
    if settings.find(qn("w:trackRevisions")) is None:
        settings.insert_element_before(OxmlElement("w:trackRevisions"), *_AFTER_TRACK_REVISIONS)


def prepare(
    document, *, title: str, author: str, subject: str = "", when: _dt.datetime | None = None
) -> None:
    """Set the document's properties and drop the template's thumbnail."""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            del package.rels[rid]
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):  # Word 2010 leftover, 440 KB
            del document.part.rels[rid]
    settings = document.settings.element
    for el in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(el)
    when = (when or _dt.datetime.now(_dt.UTC)).replace(microsecond=0)
    props = document.core_properties
    props.title = title[:250]
    props.subject = subject[:250]
    props.author = author
    props.last_modified_by = author
    props.created = when
    props.modified = when
    props.revision = 1
    props.keywords = "United Nations; resolution; Drafter"
    props.comments = f"Written by Drafter {__version__}"
