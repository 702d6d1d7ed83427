"""The core never imports Qt: every module outside drafter/gui/ is checked."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "drafter"
QT_ROOTS = {"PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy"}


def _core_modules() -> list[Path]:
    return [p for p in PKG.rglob("*.py") if "gui" not in p.relative_to(PKG).parts]


def test_core_modules_do_not_import_qt() -> None:
    offenders = []
    for path in _core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.ImportFrom) and node.level and node.module:
                names = [node.module]  # relative: only a problem if it reaches gui
                if node.module.split(".")[0] == "gui":
                    offenders.append(f"{path}:{node.lineno} imports .gui")
                continue
            for name in names:
                # The CLI's entry point starts the GUI with a lazy import; nothing else may.
                gui_launch = path == PKG / "cli" / "__init__.py" and node.col_offset > 0
                if name.split(".")[0] in QT_ROOTS or (
                    name.startswith("drafter.gui") and not gui_launch
                ):
                    offenders.append(f"{path.relative_to(PKG.parent)}:{node.lineno} imports {name}")
    assert not offenders, "core modules import Qt:\n" + "\n".join(offenders)
    assert len(_core_modules()) >= 3


def test_importing_every_core_module_loads_no_qt() -> None:
    mods = []
    for path in _core_modules():
        rel = path.relative_to(PKG.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods.append(".".join(parts))
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt loaded by core imports: {out.stdout}"
