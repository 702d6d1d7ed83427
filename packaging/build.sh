#!/usr/bin/env bash
# Build Drafter as a one-folder desktop app with PyInstaller (packaging/drafter.spec).
#
#   packaging/build.sh [--dist DIR] [--work DIR] [--archive] [--no-system-libs]
#
#   --dist DIR        where the bundle goes (default: dist/; the app is DIR/drafter/)
#   --work DIR        PyInstaller's scratch folder (default: build/pyinstaller/)
#   --archive         also pack DIR/drafter-<version>-<os>-<arch>.tar.gz (Linux, macOS)
#   --no-system-libs  Linux: don't apt-get the X11 client libraries that get bundled
#
# Uses the checkout's .venv (scripts/setup.sh makes it) or $PYTHON, installs
# PyInstaller there if it is missing, and re-installs Drafter's metadata when
# pyproject.toml's version changed (the bundle's `drafter --version` reads it).
# On Linux the bundle also gets the .desktop file, AppStream metainfo, icons and
# install.sh, so the tarball is installable as it is (see packaging/README.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
ARCHIVE=0
SYSTEM_LIBS=1
while (($#)); do
  case "$1" in
    --dist) DIST="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --work) WORK="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --archive) ARCHIVE=1; shift ;;
    --no-system-libs) SYSTEM_LIBS=0; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

if [ -n "${PYTHON:-}" ]; then
  PY="$PYTHON"
elif [ -x .venv/bin/python ]; then
  PY=.venv/bin/python
elif [ -x .venv/Scripts/python.exe ]; then
  PY=.venv/Scripts/python.exe
else
  echo "build.sh: no .venv here; run scripts/setup.sh first, or set PYTHON" >&2
  exit 1
fi

VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
INSTALLED="$("$PY" -P -c 'from importlib.metadata import version; print(version("drafter"))' 2>/dev/null || true)"
if [ "$INSTALLED" != "$VERSION" ]; then
  echo "build.sh: installing drafter $VERSION into the venv (found '${INSTALLED:-none}')"
  "$PY" -m pip install -q --no-deps -e .
fi
if ! "$PY" -P -c 'import PyInstaller' 2>/dev/null; then
  echo "build.sh: installing PyInstaller into the venv"
  "$PY" -m pip install -q "pyinstaller>=6"
fi

OS="$(uname -s | tr '[:upper:]' '[:lower:]')"
# Qt's xcb platform plugin refuses to load without these X client libraries, and many
# desktops lack one or two: install them on the build machine so the bundle carries them.
XLIBS=(libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0)
if [ "$OS" = linux ] && [ "$SYSTEM_LIBS" = 1 ] && command -v dpkg-query >/dev/null; then
  missing=()
  for pkg in "${XLIBS[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    if [ "$(id -u)" = 0 ]; then
      echo "build.sh: installing ${missing[*]} (bundled for Qt's xcb plugin)"
      export DEBIAN_FRONTEND=noninteractive
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 \
          && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; } \
        || echo "build.sh: note: could not install ${missing[*]}; building without them" >&2
    else
      echo "build.sh: note: ${missing[*]} not installed; the bundle will need them on the user's system" >&2
    fi
  fi
fi

echo "build.sh: building drafter $VERSION into $DIST/drafter"
start=$SECONDS
# A clean build, with PyInstaller's binary cache kept inside WORK: its --clean would wipe the
# shared ~/.cache/pyinstaller under any other build running at the same time.
export PYINSTALLER_CONFIG_DIR="$WORK/cache"
rm -rf "$WORK/drafter"
"$PY" -P -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/drafter.spec

APP="$DIST/drafter"
if [ "$OS" = linux ]; then
  cp packaging/linux/org.drafter.Drafter.desktop packaging/linux/org.drafter.Drafter.metainfo.xml \
    packaging/linux/install.sh "$APP/"
  chmod +x "$APP/install.sh"
fi

# Smoke test: the frozen executable starts and reports pyproject's version.
EXE="$APP/drafter"
[ -x "$EXE" ] || EXE="$APP/drafter.exe"
[ "$OS" = darwin ] && [ -x "$DIST/Drafter.app/Contents/MacOS/drafter" ] && EXE="$DIST/Drafter.app/Contents/MacOS/drafter"
got="$("$EXE" --version)"
if [ "$got" != "drafter $VERSION" ]; then
  echo "build.sh: the built app says '$got', expected 'drafter $VERSION'" >&2
  exit 1
fi
echo "build.sh: $got built in $((SECONDS - start)) s, $(du -sh "$APP" | cut -f1) in $APP"

if [ "$ARCHIVE" = 1 ]; then
  NAME="drafter-$VERSION-$OS-$(uname -m)"
  if [ "$OS" = darwin ]; then
    tar -C "$DIST" -czf "$DIST/$NAME.tar.gz" Drafter.app
  else
    tar -C "$DIST" --transform "s|^drafter|$NAME|" -czf "$DIST/$NAME.tar.gz" drafter
  fi
  echo "build.sh: archive $DIST/$NAME.tar.gz"
fi
