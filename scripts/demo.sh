#!/usr/bin/env bash
# Drafter's main job on the bundled sample texts, on a fresh Debian machine or this one:
#   1. versions mode: an illustrative zero draft of 68/4 against the adopted A/RES/68/4
#      (moves, a split, a merge, word changes, renumbering), printed and exported as a
#      Word redline with real tracked changes and as a side-by-side table;
#   2. related-documents mode: A/RES/67/219 (which set up the 2013 Dialogue) against
#      A/RES/68/4 (the Declaration adopted there);
#   3. the desktop application on both, with a demo library in out/demo.db: a window
#      when there is a display, else a screenshot made offscreen (out/drafter.png).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
S=resources/samples
OUT=out
mkdir -p "$OUT"
DRAFTER=.venv/bin/drafter

echo
echo "== Versions mode: illustrative zero draft -> A/RES/68/4 =="
"$DRAFTER" compare "$S/A_68_L5_draft_illustrative.md" "$S/A_RES_68_4.md"
# (compare --docx prints the comparison too; only its last line, the file written, here)
"$DRAFTER" compare "$S/A_68_L5_draft_illustrative.md" "$S/A_RES_68_4.md" --docx "$OUT/redline-68-4.docx" | tail -n 1
"$DRAFTER" compare "$S/A_68_L5_draft_illustrative.md" "$S/A_RES_68_4.md" --docx "$OUT/side-by-side-68-4.docx" --side-by-side | tail -n 1

echo
echo "== Related documents: A/RES/67/219 -> A/RES/68/4 =="
"$DRAFTER" compare "$S/A_RES_67_219.pdf.txt" "$S/A_RES_68_4.md" --related
"$DRAFTER" compare "$S/A_RES_67_219.pdf.txt" "$S/A_RES_68_4.md" --related --docx "$OUT/related-67-219-68-4.docx" --side-by-side | tail -n 1

echo
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != offscreen ]; then
  echo "== Opening the desktop application (library: $OUT/demo.db) =="
  exec "$DRAFTER" --db "$OUT/demo.db" "$S/A_RES_67_219.pdf.txt" "$S/A_68_L5_draft_illustrative.md" "$S/A_RES_68_4.md"
fi
QT_QPA_PLATFORM=offscreen "$DRAFTER" --db "$OUT/demo.db" --screenshot "$OUT/drafter.png" \
  "$S/A_RES_67_219.pdf.txt" "$S/A_68_L5_draft_illustrative.md" "$S/A_RES_68_4.md"
echo "No display here: the application ran offscreen and saved its window to $OUT/drafter.png."
echo "Word files written to $OUT/."
