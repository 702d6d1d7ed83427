#!/usr/bin/env bash
# Install (or remove) the Drafter bundle for one user or, as root, system-wide.
# Run it from the unpacked bundle (the folder that holds the `drafter` executable):
#
#   ./install.sh                 # into ~/.local (root: /usr/local)
#   ./install.sh --prefix DIR    # into DIR/{lib/drafter,bin,share}
#   ./install.sh --uninstall [--prefix DIR]
#
# Puts the app in PREFIX/lib/drafter, a `drafter` link in PREFIX/bin, the desktop
# entry, AppStream metainfo and the icon in every size under PREFIX/share, then
# refreshes the desktop and icon caches when their tools exist.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP_ID=org.drafter.Drafter
if [ "$(id -u)" = 0 ]; then PREFIX=/usr/local; else PREFIX="$HOME/.local"; fi
UNINSTALL=0
while (($#)); do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$PREFIX"
PREFIX="$(cd "$PREFIX" && pwd)"
SHARE="$PREFIX/share"
SIZES=(16 24 32 48 64 128 256 512)

refresh_caches() {
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$SHARE/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "$UNINSTALL" = 1 ]; then
  rm -rf "$PREFIX/lib/drafter"
  [ -L "$PREFIX/bin/drafter" ] && rm -f "$PREFIX/bin/drafter"
  rm -f "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml" \
    "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
  for n in "${SIZES[@]}"; do rm -f "$SHARE/icons/hicolor/${n}x${n}/apps/$APP_ID.png"; done
  # folders this script may have made, only where now empty
  for d in "$SHARE"/icons/hicolor/*/apps "$SHARE"/icons/hicolor/* "$SHARE/icons/hicolor" \
    "$SHARE/icons" "$SHARE/metainfo" "$PREFIX/lib" "$PREFIX/bin"; do
    [ -d "$d" ] && rmdir "$d" 2>/dev/null || true
  done
  refresh_caches
  echo "Drafter removed from $PREFIX"
  exit 0
fi

[ -x "$HERE/drafter" ] || { echo "install.sh: run me from the Drafter bundle folder" >&2; exit 1; }
ICONS="$HERE/_internal/resources/icons"

# The app itself: copy into place (replacing an older version), then link the command.
rm -rf "$PREFIX/lib/drafter.new"
mkdir -p "$PREFIX/lib" "$PREFIX/bin"
cp -a "$HERE" "$PREFIX/lib/drafter.new"
rm -rf "$PREFIX/lib/drafter"
mv "$PREFIX/lib/drafter.new" "$PREFIX/lib/drafter"
ln -sfn "$PREFIX/lib/drafter/drafter" "$PREFIX/bin/drafter"

# Desktop entry with an absolute Exec, so it works when PREFIX/bin is not on PATH.
mkdir -p "$SHARE/applications" "$SHARE/metainfo"
sed -e "s|^Exec=drafter|Exec=$PREFIX/bin/drafter|" -e "s|^TryExec=drafter|TryExec=$PREFIX/bin/drafter|" \
  "$HERE/$APP_ID.desktop" >"$SHARE/applications/$APP_ID.desktop"
cp "$HERE/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml"
for n in "${SIZES[@]}"; do
  install -D -m 644 "$ICONS/drafter-$n.png" "$SHARE/icons/hicolor/${n}x${n}/apps/$APP_ID.png"
done
install -D -m 644 "$ICONS/drafter.svg" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
refresh_caches

echo "Drafter $("$PREFIX/bin/drafter" --version | cut -d' ' -f2) installed in $PREFIX"
case ":$PATH:" in
  *":$PREFIX/bin:"*) ;;
  *) echo "Note: $PREFIX/bin is not on your PATH; the menu entry works, or add it for the command line." ;;
esac
