"""Drafter's comparison engine: versions mode, related mode, word diffs.

Pure functions of :class:`~drafter.model.Resolution` values (no files, no Qt):

* :func:`compare` aligns two versions of one text (moves, splits, merges,
  renumbering ignored) and diffs every pair word by word;
* :func:`relate` links the paragraphs of two different texts by shared rare phrases;
* :func:`word_diff` is the word-mode diff used inside a pair;
* :func:`phrase_spans` finds a link's shared phrases in a paragraph, to highlight them.
"""

from __future__ import annotations

from drafter.compare.ignore import Ignore
from drafter.compare.inline import word_diff
from drafter.compare.related import is_linkable, phrase_spans, relate
from drafter.compare.versions import compare

__all__ = ["Ignore", "compare", "is_linkable", "phrase_spans", "relate", "word_diff"]
