"""A family's versions from the library, in negotiation order, ready for a history.

Talks to :class:`drafter.store.Library` through its public methods only (no SQL).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from drafter.errors import DrafterError
from drafter.model import Resolution

from .engine import version_of
from .model import HistoryVersion
from .order import order_versions


def find_family(library, ref: str):
    """The family named by ``ref``: its id, its name, or a unique part of its name
    (ignoring case), else a one-line error listing the candidates."""
    families = library.families()
    ref = ref.strip()
    if ref.isdigit():
        for fam in families:
            if fam.id == int(ref):
                return fam
    wanted = ref.casefold()
    exact = [f for f in families if (f.name or "").casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    part = [f for f in families if wanted and wanted in (f.name or "").casefold()]
    # a symbol of one of its versions names a family too
    by_symbol = {
        v.family_id
        for v in library.versions()
        if v.symbol and v.symbol.casefold().replace(" ", "") == wanted.replace(" ", "")
    }
    part += [f for f in families if f.id in by_symbol and f not in part]
    if len(part) == 1:
        return part[0]
    if not part:
        raise DrafterError(
            f"no family '{ref}' in the library ('drafter library' lists them; give a name, "
            "a part of one, a symbol or an id)"
        )
    names = "; ".join(f"{f.id}: {f.name}" for f in part[:6])
    raise DrafterError(f"'{ref}' names {len(part)} families ({names}); give its id")


def family_versions(library, family_id: int, order: Sequence[int] | None = None) -> list:
    """The family's stored versions (``VersionInfo``), in negotiation order, or in
    ``order`` (version ids; those not named follow in negotiation order)."""
    members = order_versions(library.versions(family_id))
    if not order:
        return members
    by_id = {v.id: v for v in members}
    unknown = [i for i in order if i not in by_id]
    if unknown:
        raise DrafterError(
            f"version {unknown[0]} is not in this family (its versions: "
            + ", ".join(str(v.id) for v in members)
            + ")"
        )
    chosen = [by_id[i] for i in dict.fromkeys(order)]
    return chosen + [v for v in members if v.id not in set(order)]


def history_version(info, res: Resolution) -> HistoryVersion:
    """A history column for a stored version."""
    return version_of(
        res,
        symbol=info.symbol,
        date=info.date,
        stage=info.stage,
        source=info.source,
        title=info.title,
        version_id=info.id,
    )


def load_versions(
    library, infos: Sequence, progress: Callable[[int, int, str], None] | None = None
) -> tuple[list[Resolution], list[HistoryVersion]]:
    """The stored texts of ``infos`` and their history columns."""
    texts, columns = [], []
    for k, info in enumerate(infos):
        if progress:
            progress(k, len(infos), f"Loading {info.display_name}")
        res = library.load_version(info.id)
        texts.append(res)
        columns.append(history_version(info, res))
    return texts, columns
