"""Background jobs the window runs through :class:`~drafter.gui.tasks.TaskRunner`.

Plain functions over the core (no widgets): import files, load two stored versions
and compare or relate them, put the bundled samples in an empty library, export.
Each takes a ``progress(done, total, text)`` callback.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError, unexpected
from drafter.model import Comparison, Relation
from drafter.resources import resource_path

log = logging.getLogger(__name__)
VERSIONS, RELATED = "versions", "related"


@dataclass(frozen=True)
class TabSpec:
    """What a comparison tab shows: two stored versions and the mode."""

    mode: str
    old_id: int
    new_id: int

    def to_str(self) -> str:
        return f"{self.mode}:{self.old_id}:{self.new_id}"

    @classmethod
    def parse(cls, text: str) -> TabSpec | None:
        m = re.fullmatch(r"(versions|related):(\d+):(\d+)", str(text).strip())
        return cls(m.group(1), int(m.group(2)), int(m.group(3))) if m else None


@dataclass
class ImportOutcome:
    results: list[Any] = field(default_factory=list)  # ImportResult
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message)


def import_files(library, paths: list[str], progress) -> ImportOutcome:
    """Import each file (a folder: every resolution file in it, at any depth); a bad
    file is reported and the rest go on."""
    from drafter.ingest import expand_paths

    out = ImportOutcome()
    paths, notes = expand_paths(paths)
    out.errors.extend((note.split(":", 1)[0], note) for note in notes)
    for i, path in enumerate(paths):
        progress(i, len(paths), f"Importing {Path(path).name}")
        try:
            out.results.append(library.import_file(path))
        except DrafterError as exc:
            out.errors.append((path, str(exc)))
        except Exception as exc:  # a reader bug must not stop the other files
            log.error("reading %s failed", path, exc_info=True)
            out.errors.append((path, f"could not be read: {unexpected(exc)}"))
    progress(len(paths), len(paths), "Import finished")
    return out


@dataclass(frozen=True)
class Loaded:
    spec: TabSpec
    result: Comparison | Relation
    old_name: str
    new_name: str


def load_tab(library, spec: TabSpec, progress, ignore=None) -> Loaded:
    """Load two stored versions and compare (versions) or relate (related) them.

    ``ignore`` (the user's setting) decides which differences the comparison leaves
    out; exports render that same comparison.
    """
    from drafter.compare import Ignore, compare, relate

    progress(0, 3, "Loading texts")
    old_info, new_info = library.version(spec.old_id), library.version(spec.new_id)
    old, new = library.load_version(spec.old_id), library.load_version(spec.new_id)
    progress(1, 3, "Comparing")
    if spec.mode == RELATED:
        result = relate(old, new)
    else:
        result = compare(old, new, ignore=ignore if ignore is not None else Ignore())
    progress(3, 3, "Done")
    old_name, new_name = tab_names(old_info, new_info)
    return Loaded(spec, result, old_name, new_name)


def tab_names(old_info, new_info) -> tuple[str, str]:
    """Names that tell the two texts apart: the language when it is not English or
    differs, and the file when two versions would otherwise read the same."""

    def name(info, other) -> str:
        text = info.display_name
        lang = (info.language or "").lower()
        if lang and (lang != "en" or lang != (other.language or "").lower()):
            text += f" [{lang.upper()}]"
        return text

    a, b = name(old_info, new_info), name(new_info, old_info)
    if a == b and old_info.id != new_info.id:
        a += f" ({old_info.source or old_info.id})"
        b += f" ({new_info.source or new_info.id})"
    return a, b


def _perturbed_draft(source: Path, folder: Path) -> Path:
    """An illustrative earlier draft made from an adopted text (used only if the
    bundled draft is missing): a few words changed, one paragraph moved, one dropped."""
    text = source.read_text(encoding="utf-8")
    lines = text.splitlines()
    numbered = [i for i, ln in enumerate(lines) if re.match(r"\s*\d+\.\s", ln)]
    if len(numbered) > 8:
        a, b = numbered[2], numbered[6]
        lines[a], lines[b] = lines[b], lines[a]
        del lines[numbered[-3]]
    text = "\n".join(lines)
    for old, new in (("Recognize", "Acknowledge"), ("strongly", "firmly"), ("Commit", "Undertake")):
        text = text.replace(old, new, 1)
    text = re.sub(r"A/RES/68/4", "A/68/L.5 (perturbed copy, illustrative)", text, count=1)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "A_68_4_perturbed_copy_illustrative.md"
    out.write_text(text, encoding="utf-8")
    return out


def seed_samples(library, scratch: Path, progress) -> list[TabSpec]:
    """First run: import the bundled samples and return the tabs to open.

    67/219 -> 68/4 in related mode, and an earlier draft of 68/4 -> 68/4 in versions mode
    (the bundled illustrative draft, else a perturbed copy made here, labelled as such).
    """
    samples = resource_path("samples")
    res_67 = samples / "A_RES_67_219.pdf.txt"
    res_68 = samples / "A_RES_68_4.md"
    drafts = sorted(p for p in samples.glob("*draft*") if p.is_file())
    progress(0, 3, "Importing the sample texts")
    a = library.import_file(res_67)
    progress(1, 3, "Importing the sample texts")
    b = library.import_file(res_68)
    progress(2, 3, "Importing the sample texts")
    if drafts:
        draft = library.import_file(
            drafts[0], family_id=b.version.family_id, stage="draft (illustrative)"
        )
    else:
        path = _perturbed_draft(res_68, scratch)
        draft = library.import_file(
            path, family_id=b.version.family_id, stage="perturbed copy (illustrative)"
        )
    progress(3, 3, "Samples imported")
    return [
        TabSpec(RELATED, a.version.id, b.version.id),
        TabSpec(VERSIONS, draft.version.id, b.version.id),
    ]


def previous_version_id(library, version_id: int) -> int | None:
    """The version before this one in its family and language (by the date printed in
    the text, then by import order), if any."""
    info = library.version(version_id)
    members = sorted(
        (v for v in library.versions(info.family_id) if v.language == info.language),
        key=lambda v: (v.date or "9999", v.id),
    )
    ids = [v.id for v in members]
    i = ids.index(version_id) if version_id in ids else 0
    return ids[i - 1] if i > 0 else None


def export(
    kind: str,
    result: Comparison | Relation,
    path: Path,
    old_notes,
    new_notes,
    author: str,
    progress,
) -> Path:
    """Write the chosen Word export (the core's writers are atomic)."""
    from drafter import export as ex

    progress(0, 1, f"Writing {path.name}")
    if kind == "redline":
        if not isinstance(result, Comparison):
            raise DrafterError("A redline needs two versions of one text; use side by side")
        out = ex.write_redline(
            result, path, old_notes=old_notes, new_notes=new_notes, author=author
        )
    elif kind == "side_by_side":
        out = ex.write_side_by_side(
            result, path, old_notes=old_notes, new_notes=new_notes, author=author
        )
    else:
        out = ex.write_clean(result.new, path, notes=new_notes, author=author)
    progress(1, 1, "Done")
    return Path(out)
