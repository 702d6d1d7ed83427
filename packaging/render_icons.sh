#!/usr/bin/env bash
# Render Drafter's icon from its hand-written SVGs into the files that are committed
# (so neither the app nor a build needs an SVG renderer):
#   resources/icons/drafter-<N>.png  N = 16 24 32 (from drafter-small.svg, drawn for
#                                    small sizes) and 48 64 128 256 512 (drafter.svg)
#   resources/icons/drafter.ico      Windows (PyInstaller's icon= on Windows)
#   resources/icons/drafter.icns     macOS (the .app bundle's icon)
# Build-time tools only, from Debian: librsvg2-bin (rsvg-convert), icoutils (icotool),
# icnsutils (png2icns). Run it again after editing an SVG, and commit the results.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ICONS="$ROOT/resources/icons"

need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
command -v icotool >/dev/null || need+=(icoutils)
command -v png2icns >/dev/null || need+=(icnsutils)
if ((${#need[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "render_icons: install ${need[*]} (Debian/Ubuntu: sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
fi

for n in 16 24 32; do
  rsvg-convert -w "$n" -h "$n" "$ICONS/drafter-small.svg" -o "$ICONS/drafter-$n.png"
done
for n in 48 64 128 256 512; do
  rsvg-convert -w "$n" -h "$n" "$ICONS/drafter.svg" -o "$ICONS/drafter-$n.png"
done

# Windows: one .ico with every size Explorer asks for; 256 stored as PNG (Vista+).
icotool -c -o "$ICONS/drafter.ico" \
  "$ICONS"/drafter-{16,24,32,48,64,128}.png -r "$ICONS/drafter-256.png"
# macOS: png2icns takes the sizes the .icns format defines (16 32 48 128 256 512).
png2icns "$ICONS/drafter.icns" "$ICONS"/drafter-{16,32,48,128,256,512}.png >/dev/null
echo "render_icons: wrote $(cd "$ICONS" && ls drafter-*.png drafter.ico drafter.icns | tr '\n' ' ')"
