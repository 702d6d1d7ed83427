"""Which footnotes of an aligned pair changed their text.

Why: a footnote is not part of the paragraph's text, so the word diff cannot show
that "A/73/85" became "A/80/83" in the footnote a paragraph cites. Footnotes are
matched in the order the paragraphs cite them (markers are renumbered between
versions), and a change is reported with its own word diff.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from drafter.compare.inline import Runs, word_diff
from drafter.model import Paragraph, Resolution


@dataclass(frozen=True, slots=True)
class FootnoteChange:
    old_number: str | None  # None: a footnote the new text added
    new_number: str | None  # None: a footnote the new text dropped
    old_text: str
    new_text: str
    diff: Runs


def footnote_changes(
    old: Resolution,
    new: Resolution,
    old_pars: Sequence[Paragraph],
    new_pars: Sequence[Paragraph],
) -> list[FootnoteChange]:
    """Footnotes cited by the two sides of a pair whose text differs (in citing order)."""
    old_cited = [n for p in old_pars for n in p.footnotes]
    new_cited = [n for p in new_pars for n in p.footnotes]
    if not old_pars or not new_pars or not (old_cited or new_cited):
        return []
    changes = []
    for i in range(max(len(old_cited), len(new_cited))):
        a = old_cited[i] if i < len(old_cited) else None
        b = new_cited[i] if i < len(new_cited) else None
        ta = (old.footnote_text(a) or "") if a is not None else ""
        tb = (new.footnote_text(b) or "") if b is not None else ""
        if " ".join(ta.split()) == " ".join(tb.split()):
            continue
        runs, _approx = word_diff(ta, tb, timeout=0.2)
        changes.append(FootnoteChange(a, b, ta, tb, runs))
    return changes
