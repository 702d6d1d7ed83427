#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine or this one: sets up, lints, tests.
# GUI tests run offscreen, so no display is needed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Tools some tests use besides the app's own needs: a virtual X server (the bundle opens
# a real window), the desktop-entry and AppStream validators, the SVG renderer (icons),
# chattr (a read-only folder even for root).
EXTRA_DEB_PACKAGES="xvfb xauth desktop-file-utils appstream librsvg2-bin e2fsprogs"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
echo "ruff: checking"
.venv/bin/ruff check drafter tests benchmarks packaging
.venv/bin/python -m pytest "$@"
