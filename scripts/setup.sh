#!/usr/bin/env bash
# Prepare a machine to run Drafter from this checkout: Debian libraries Qt needs (when
# root; otherwise print the apt-get line), a virtualenv in .venv, and the package with
# its test extras. Safe to run again: it only adds what is missing. Sourced by
# scripts/demo.sh and scripts/test.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Qt's runtime libraries and fonts (without a font Qt draws boxes), LibreOffice for
# checking exported .docx files (python3-uno lets tests run its Accept All / Reject All),
# poppler for looking at PDFs, CJK fonts for Chinese.
# Qt's xcb plugin (a window on an X11 desktop) needs the libxcb-* set. binutils: PyInstaller
# (packaging/build.sh and its tests) reads libraries' dependencies with objdump.
# ca-certificates: pip fetches the Python packages over HTTPS (a minimal Debian has none).
# libpython3.X: PyInstaller bundles the Python shared library, which Debian's python3 lacks.
PYVER="$("${PYTHON:-python3}" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
DEB_PACKAGES=(python3-venv python3-uno ca-certificates binutils "libpython$PYVER"
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
  libglib2.0-0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-xkb1 libxcb-randr0 libxcb-shape0 libxcb-xfixes0
  fonts-dejavu-core fonts-noto-cjk libreoffice-writer-nogui poppler-utils
  ${EXTRA_DEB_PACKAGES:-})

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: these Debian packages are missing; install them with:"
    echo "  sudo apt-get install -y ${missing[*]}"
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.drafter-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Drafter and its dependencies into .venv"
  log=.venv/pip-install.log
  if .venv/bin/python -m pip install -q --upgrade pip >"$log" 2>&1 \
    && .venv/bin/python -m pip install -q -e ".[test]" >>"$log" 2>&1; then
    touch "$stamp"
  else
    cat "$log" >&2
    echo "setup: pip install failed (log above, also in $log)" >&2
    exit 1
  fi
fi
