#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine or this one: sets up, lints, tests.
# GUI tests run offscreen, so no display is needed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
echo "ruff: checking"
.venv/bin/ruff check drafter tests benchmarks packaging
.venv/bin/python -m pytest "$@"
