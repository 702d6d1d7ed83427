"""Alignment quality on real pairs of UN texts, against a hand-checked gold.

Usage: ``python benchmarks/real_alignment.py [--verbose] [--check] [--fresh]``
and ``python benchmarks/real_alignment.py --draft OLD NEW`` (print today's alignment
of two files in the gold format, as a starting point for checking a new pair by hand).

Each pair has a gold file in ``benchmarks/data/real_alignment/`` (format below): what a
drafter would say links each paragraph of the old text to the new one. Scored per pair
and overall:

* links: (old id, new id) pairs the engine put together, against the gold;
* moves: old paragraphs reported MOVED (or in a split or merge that moved), against
  the gold's ``[moved]`` links;
* splits and merges: SPLIT / MERGED rows, each counted right only when it has exactly
  the gold group's paragraphs (optional members may be in or out).

Optional links (``[optional]``, or a ``?`` before one member) neither reward nor
penalise. The gold covers the body of each text ("The General Assembly," to the closing
line); a predicted link between two paragraphs it does not mention (header lines, which
an importer may split differently) is out of scope: counted, never scored. A third of the pairs are ``held_out: yes``: nobody tunes on them;
they are reported separately. Pairs marked ``held_out: fresh`` were added later and
are kept aside from everything, the held-out table included: they are scored only with
``--fresh``, once, when the work they are kept for is done. Targets: link F1 >= 0.98 on every pair; move, split
and merge recall >= 0.9 with precision >= 0.95.

Gold format (one file per pair, ``#`` starts a comment)::

    old: corpus:families/humanitarian-coordination/A_RES_48_57.txt
    new: tests/data/real_pairs/A_RES_49_139.txt
    held_out: no
    PP: Reaffirming its resolution 46/182 of 19 December => PP: Reaffirming its resolutions 46/182 of 19 December  # adds 47/168
    OP 7: Takes note of ... + OP 9: Requests ... => OP 1: Notes ...  [moved]
    OP 3: Invites all ... => -          # deleted
    - => PP: Welcoming the adoption ... # inserted

A paragraph reference is ``LABEL: first words``; paths starting ``corpus:`` are in
``../shared/corpus`` (``DRAFTER_CORPUS``), others relative to the repository. The
label's number (``OP 7`` -> "7", ``OP 3(b)`` -> "3(b)") breaks ties between paragraphs
that open with the same words, and ``@k`` picks the k-th of them (``closing@2``); the words are matched ignoring case, punctuation and
loose footnote digits, so that gold survives a change in how a text is segmented. A
reference that matches no paragraph (or several) is reported, never a crash.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import CORPUS, ROOT

from drafter.compare import compare
from drafter.compare.tokens import fold
from drafter.ingest import load
from drafter.model import Comparison, PairKind, Paragraph, Resolution

GOLD_DIR = ROOT / "benchmarks" / "data" / "real_alignment"
TARGET_F1 = 0.98
TARGET_RECALL = 0.9
TARGET_PRECISION = 0.95
_FLAG_RE = re.compile(r"\[([a-z?,\s-]+)\]\s*$")
_LABEL_NUMBER_RE = re.compile(r"^(?:OP|PP|Annex)?\s*(\S+)$")
_LOOSE_DIGITS_RE = re.compile(r"^\d{1,3}$")
_GLUED_DIGITS_RE = re.compile(r"(?<=[^\W\d])\d{1,3}$")
_TOKEN_RE = re.compile(r"\w+(?:[/.\-\u2010\u2011]\w+)*")


@dataclass(frozen=True)
class Ref:
    """One paragraph as the gold names it."""

    label: str
    opening: str
    optional: bool = False

    def __str__(self) -> str:
        return f"{'?' if self.optional else ''}{self.label}: {self.opening}"


@dataclass(frozen=True)
class GoldLink:
    old: tuple[Ref, ...]
    new: tuple[Ref, ...]
    moved: bool = False
    moved_optional: bool = False
    optional: bool = False
    note: str = ""
    line: int = 0


@dataclass
class Gold:
    name: str
    old_path: Path
    new_path: Path
    held_out: bool
    links: list[GoldLink] = field(default_factory=list)
    fresh: bool = False  # kept aside from everything until scored once (--fresh)


def _resolve_path(spec: str) -> Path:
    if spec.startswith("corpus:"):
        return CORPUS / spec.removeprefix("corpus:")
    return ROOT / spec


def _parse_refs(side: str) -> tuple[Ref, ...]:
    side = side.strip()
    if side == "-":
        return ()
    refs = []
    for part in side.split(" + "):
        part = part.strip()
        optional = part.startswith("?")
        part = part.removeprefix("?")
        label, sep, opening = part.partition(":")
        if not sep:
            raise ValueError(f"paragraph reference without 'LABEL:' {part!r}")
        refs.append(Ref(label.strip(), opening.strip(), optional))
    return tuple(refs)


def parse_gold(path: Path) -> Gold:
    head: dict[str, str] = {}
    links: list[GoldLink] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line, _, note = raw.partition("#")
        line = line.strip()
        if not line:
            continue
        if "=>" not in line:
            key, sep, value = line.partition(":")
            if not sep:
                raise ValueError(f"{path.name}:{lineno}: expected 'key: value' or a link")
            head[key.strip()] = value.strip()
            continue
        flags: set[str] = set()
        m = _FLAG_RE.search(line)
        if m:
            flags = {f.strip() for f in m.group(1).split(",")}
            line = line[: m.start()].strip()
        left, _, right = line.partition("=>")
        try:
            link = GoldLink(
                _parse_refs(left),
                _parse_refs(right),
                moved="moved" in flags,
                moved_optional="moved?" in flags,
                optional="optional" in flags,
                note=note.strip(),
                line=lineno,
            )
        except ValueError as exc:
            raise ValueError(f"{path.name}:{lineno}: {exc}") from None
        links.append(link)
    missing = [k for k in ("old", "new") if k not in head]
    if missing:
        raise ValueError(f"{path.name}: no '{missing[0]}:' line")
    return Gold(
        name=path.stem,
        old_path=_resolve_path(head["old"]),
        new_path=_resolve_path(head["new"]),
        held_out=head.get("held_out", "no").lower() in ("yes", "true", "fresh"),
        links=links,
        fresh=head.get("held_out", "no").lower() == "fresh",
    )


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.gold"))


# -- resolving references to paragraph ids -------------------------------------------


def _match_words(text: str) -> list[str]:
    """Words for matching an opening: case, hyphens and footnote digits (loose "1" or
    glued "Women8") ignored; symbols such as "46/182" kept whole."""
    out = []
    for w in _TOKEN_RE.findall(fold(text).lower()):
        w = _GLUED_DIGITS_RE.sub("", w).replace("-", "")
        if w and not _LOOSE_DIGITS_RE.match(w):
            out.append(w)
    return out


def _label_number(label: str) -> str | None:
    m = _LABEL_NUMBER_RE.match(label.strip())
    if not m or label.strip() in ("PP", "OP", "title", "closing", "heading"):
        return None
    return m.group(1)


def resolve(ref: Ref, paragraphs: Sequence[Paragraph]) -> tuple[int | None, str]:
    """The id of the paragraph ``ref`` names, or None and why not."""
    want = _match_words(ref.opening)
    if not want:
        return None, "empty opening words"
    cands = [p for p in paragraphs if _match_words(p.text)[: len(want)] == want]
    if not cands:
        # Tolerate a word changed by extraction (a hyphen, a glued marker): the
        # paragraph whose opening shares the most words, if that is clearly most.
        def share(p: Paragraph) -> float:
            have = _match_words(p.text)[: len(want) + 2]
            return sum(1 for w in want if w in have) / len(want)

        scored = sorted(((share(p), p.id) for p in paragraphs), reverse=True)
        if scored and scored[0][0] >= 0.75 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            cands = [paragraphs[scored[0][1]]]
    label, _, nth = ref.label.partition("@")
    number = _label_number(label)
    if len(cands) > 1 and number:
        numbered = [p for p in cands if p.number == number]
        if numbered:
            cands = numbered
    if nth.isdigit() and len(cands) >= int(nth) > 0:
        cands = [cands[int(nth) - 1]]  # "closing@2": the second paragraph opening so
    if len(cands) == 1:
        return cands[0].id, ""
    if not cands:
        return None, "no paragraph opens with these words"
    return (
        None,
        f"{len(cands)} paragraphs open with these words ({', '.join(p.label for p in cands)})",
    )


# -- scoring ---------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    true: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.true += other.true

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.true if self.true else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PairScore:
    name: str
    held_out: bool
    links: Counts
    moves: Counts
    splits: Counts
    merges: Counts
    unresolved: list[str]
    out_of_scope: int
    errors: list[str]
    fresh: bool = False


def _group_matches(pred: tuple[frozenset[int], frozenset[int]], req, opt) -> bool:
    """A predicted group equals a gold group up to the gold's optional members."""
    (po, pn), (ro, rn), (oo, on) = pred, req, opt
    return ro <= po <= ro | oo and rn <= pn <= rn | on


def score(gold: Gold, cmp: Comparison) -> PairScore:
    old_p, new_p = cmp.old.paragraphs, cmp.new.paragraphs
    unresolved: list[str] = []
    scope_old: set[int] = set()
    scope_new: set[int] = set()
    req_links: set[tuple[int, int]] = set()
    opt_links: set[tuple[int, int]] = set()
    true_moved: set[int] = set()
    opt_moved: set[int] = set()
    # (required old, required new), (optional old, optional new), whole group optional
    groups: list[tuple[tuple[frozenset, frozenset], tuple[frozenset, frozenset], bool]] = []
    for link in gold.links:
        ids: dict[str, list[tuple[int, bool]]] = {"old": [], "new": []}
        ok = True
        for side, refs, paras in (("old", link.old, old_p), ("new", link.new, new_p)):
            for ref in refs:
                pid, why = resolve(ref, paras)
                if pid is None:
                    unresolved.append(f"line {link.line}: {side} {ref}: {why}")
                    ok = False
                else:
                    ids[side].append((pid, ref.optional))
        for pid, _ in ids["old"]:
            scope_old.add(pid)
        for pid, _ in ids["new"]:
            scope_new.add(pid)
        if not ok:
            # Its paragraphs stay in scope with no link: a link the engine made to
            # them is not counted as right or wrong (optional).
            for o, _ in ids["old"]:
                for n, _ in ids["new"]:
                    opt_links.add((o, n))
            continue
        for o, o_opt in ids["old"]:
            for n, n_opt in ids["new"]:
                (opt_links if link.optional or o_opt or n_opt else req_links).add((o, n))
        olds = [o for o, _ in ids["old"]]
        if link.moved:
            true_moved.update(olds)
        elif link.moved_optional:
            opt_moved.update(olds)
        if ids["old"] and ids["new"]:
            req = (
                frozenset(o for o, x in ids["old"] if not x),
                frozenset(n for n, x in ids["new"] if not x),
            )
            opt = (
                frozenset(o for o, x in ids["old"] if x),
                frozenset(n for n, x in ids["new"] if x),
            )
            groups.append((req, opt, link.optional))
    opt_links -= req_links

    pred_links = set()
    out_of_scope = 0
    for p in cmp.pairs:
        for o in p.old:
            for n in p.new:
                if o not in scope_old and n not in scope_new:
                    out_of_scope += 1  # both ends outside the gold (header lines)
                elif (o, n) not in opt_links:
                    pred_links.add((o, n))
    links = Counts(len(pred_links & req_links), len(pred_links), len(req_links))
    errors = [
        f"false link {old_p[o].label} -> {new_p[n].label}: {_short(old_p[o])} / {_short(new_p[n])}"
        for o, n in sorted(pred_links - req_links)
    ] + [
        f"missed link {old_p[o].label} -> {new_p[n].label}: {_short(old_p[o])} / {_short(new_p[n])}"
        for o, n in sorted(req_links - pred_links)
    ]

    pred_moved = {
        o for p in cmp.pairs if p.kind == PairKind.MOVED or p.moved for o in p.old if o in scope_old
    } - opt_moved
    moves = Counts(len(pred_moved & true_moved), len(pred_moved), len(true_moved))
    errors += [
        f"false move {old_p[o].label}: {_short(old_p[o])}" for o in sorted(pred_moved - true_moved)
    ]
    errors += [
        f"missed move {old_p[o].label}: {_short(old_p[o])}" for o in sorted(true_moved - pred_moved)
    ]

    def group_counts(kind: PairKind, is_kind) -> Counts:
        golds = [(r, o) for r, o, optional in groups if not optional and is_kind(r, o)]
        # A group the gold makes optional, or one that is of this kind only with its
        # optional members in (?OP 14 + OP 15 => OP 16): neither right nor wrong.
        optional_golds = [(r, o) for r, o, optional in groups if optional or not is_kind(r, o)]
        c = Counts(true=len(golds))
        found: set[int] = set()
        for p in cmp.pairs:
            if p.kind != kind or not set(p.old) & scope_old:
                continue
            pred = (frozenset(p.old), frozenset(p.new))
            hit = next((k for k, (r, o) in enumerate(golds) if _group_matches(pred, r, o)), None)
            if hit is None and any(_group_matches(pred, r, o) for r, o in optional_golds):
                continue
            c.pred += 1
            if hit is not None and hit not in found:
                found.add(hit)
                c.tp += 1
            else:
                errors.append(f"false {kind}: {_labels(old_p, p.old)} -> {_labels(new_p, p.new)}")
        for k, (r, _) in enumerate(golds):
            if k not in found:
                errors.append(f"missed {kind}: {_labels(old_p, r[0])} -> {_labels(new_p, r[1])}")
        return c

    splits = group_counts(PairKind.SPLIT, lambda r, o: len(r[0] | o[0]) == 1 and len(r[1]) >= 2)
    merges = group_counts(PairKind.MERGED, lambda r, o: len(r[0]) >= 2 and len(r[1] | o[1]) == 1)
    return PairScore(
        gold.name,
        gold.held_out,
        links,
        moves,
        splits,
        merges,
        unresolved,
        out_of_scope,
        errors,
        gold.fresh,
    )


def _short(p: Paragraph, n: int = 50) -> str:
    return repr(p.text[:n])


def _labels(paras: Sequence[Paragraph], ids) -> str:
    return "+".join(paras[i].label for i in sorted(ids))


@cache
def _load(path: Path) -> Resolution:
    return load(path)


def run(gold: Gold) -> PairScore:
    return score(gold, compare(_load(gold.old_path), _load(gold.new_path)))


def run_all(*, held_out: bool | None = None, fresh: bool = False) -> list[PairScore]:
    """Scores of the gold pairs (``held_out``: only those held out, or only not; the
    fresh held-out pairs only with ``fresh``, and then only they)."""
    out = []
    for path in gold_files():
        gold = parse_gold(path)
        if gold.fresh != fresh:
            continue
        if held_out is None or gold.held_out == held_out:
            out.append(run(gold))
    return out


def fresh_count() -> int:
    return sum(parse_gold(path).fresh for path in gold_files())


def total(scores: Sequence[PairScore]) -> dict[str, Counts]:
    tot = {k: Counts() for k in ("links", "moves", "splits", "merges")}
    for s in scores:
        for k, c in tot.items():
            c.add(getattr(s, k))
    return tot


def failures(scores: Sequence[PairScore]) -> list[str]:
    """Which targets these scores miss (empty: all met)."""
    out = [f"{s.name}: link F1 {s.links.f1:.3f}" for s in scores if s.links.f1 < TARGET_F1]
    for key, c in total(scores).items():
        if key == "links":
            continue
        if c.recall < TARGET_RECALL:
            out.append(f"{key} recall {c.recall:.3f}")
        if c.precision < TARGET_PRECISION:
            out.append(f"{key} precision {c.precision:.3f}")
    out += [f"{s.name}: {u}" for s in scores for u in s.unresolved]
    return out


# -- printing --------------------------------------------------------------------------


def _pr(c: Counts) -> str:
    if not c.pred and not c.true:
        return "      -      "
    return f"{c.precision:.2f}/{c.recall:.2f} ({c.tp}/{c.pred}/{c.true})".ljust(13)


def print_table(title: str, scores: Sequence[PairScore], *, verbose: bool) -> None:
    print(f"\n{title}")
    print(
        f"{'pair':34} {'link P':>6} {'link R':>6} {'link F1':>7}  "
        f"{'moves P/R (tp/pred/true)':24} {'splits P/R':24} {'merges P/R':24}"
    )
    for s in scores:
        extra = ""
        if s.unresolved:
            extra += f"  [{len(s.unresolved)} gold refs not found]"
        if s.out_of_scope:
            extra += f"  [{s.out_of_scope} links out of scope]"
        print(
            f"{s.name:34} {s.links.precision:6.3f} {s.links.recall:6.3f} {s.links.f1:7.3f}  "
            f"{_pr(s.moves):24} {_pr(s.splits):24} {_pr(s.merges):24}{extra}"
        )
        if verbose:
            for line in s.unresolved + s.errors:
                print(f"    {line}")
    tot = total(scores)
    worst = min((s.links.f1 for s in scores), default=1.0)
    print(
        f"{'overall':34} {tot['links'].precision:6.3f} {tot['links'].recall:6.3f} "
        f"{tot['links'].f1:7.3f}  {_pr(tot['moves']):24} {_pr(tot['splits']):24} "
        f"{_pr(tot['merges']):24}  (lowest pair F1 {worst:.3f})"
    )


def draft(old_path: Path, new_path: Path) -> None:
    """Today's alignment in the gold format, to be checked link by link by hand."""
    cmp = compare(load(old_path), load(new_path))

    def ref(p: Paragraph) -> str:
        label = p.label if p.number or p.kind != "preambular" else "PP"
        return f"{label}: {' '.join(p.text.split()[:8])}"

    for p in cmp.pairs:
        left = " + ".join(ref(cmp.old.paragraphs[i]) for i in p.old) or "-"
        right = " + ".join(ref(cmp.new.paragraphs[i]) for i in p.new) or "-"
        flag = "  [moved]" if p.kind == PairKind.MOVED else ""
        print(f"{left} => {right}{flag}  # {p.kind} {p.similarity:.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list every error")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument(
        "--fresh",
        action="store_true",
        help="also score the fresh held-out pairs (once, when the work is done)",
    )
    ap.add_argument("--draft", nargs=2, metavar=("OLD", "NEW"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.draft:
        draft(_resolve_path(args.draft[0]), _resolve_path(args.draft[1]))
        return 0
    tuned = run_all(held_out=False)
    held = run_all(held_out=True)
    print_table("Pairs used while developing", tuned, verbose=args.verbose)
    print_table("Held-out pairs (never tuned on)", held, verbose=args.verbose)
    fresh = run_all(fresh=True) if args.fresh else []
    if fresh:
        print_table("Fresh held-out pairs (kept aside, scored once)", fresh, verbose=args.verbose)
    print_table("All pairs", tuned + held + fresh, verbose=False)
    if not args.fresh and fresh_count():
        print(f"\n{fresh_count()} fresh held-out pairs kept aside (not scored; --fresh)")
    missed = failures(tuned + held + fresh)
    print(
        "\ntargets: link F1 >= 0.98 every pair; move/split/merge recall >= 0.9, precision >= 0.95"
    )
    print("all targets met" if not missed else "missed: " + "; ".join(missed))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
