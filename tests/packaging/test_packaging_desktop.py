"""The Linux desktop entry and AppStream metainfo: valid, consistent, versioned from pyproject."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from packaging_support import APP_ID, PACKAGING

DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"

# What the desktop announces it opens, by the suffixes ingest reads.
MIME_BY_SUFFIX = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".md": "text/markdown",
}


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_drafter_with_its_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Drafter"
    assert entry["Icon"] == APP_ID  # the name install.sh gives the hicolor icons
    assert entry["Exec"].split()[0] == "drafter"
    assert "%F" in entry["Exec"]  # several files: opened together for comparison
    assert entry["Terminal"] == "false"


def test_desktop_entry_opens_every_format_ingest_reads():
    mimes = set(filter(None, desktop_entry()["MimeType"].split(";")))
    assert set(MIME_BY_SUFFIX.values()) <= mimes
    ingest = pytest.importorskip("drafter.ingest")
    suffixes = getattr(ingest, "SUPPORTED_SUFFIXES", ())
    assert {MIME_BY_SUFFIX[s] for s in suffixes if s in MIME_BY_SUFFIX} <= mimes


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_entry_passes_desktop_file_validate():
    proc = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=30
    )
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def test_metainfo_names_the_desktop_entry_and_pyproject_version(pyproject_version):
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "drafter"
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == pyproject_version, (
        "add a <release> for the new version at the top of the metainfo's <releases>"
    )


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli")
def test_metainfo_passes_appstreamcli_validate():
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_pyinstaller_spec_and_hook_are_valid_python():
    """The spec is Python that ruff does not lint (its suffix): at least it must compile."""
    for path in (PACKAGING / "drafter.spec", *(PACKAGING / "hooks").glob("*.py")):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_app_identifies_itself_by_the_desktop_entry_name():
    """Wayland docks map a window to its .desktop file by QGuiApplication.desktopFileName."""
    app_py = PACKAGING.parent / "drafter" / "gui" / "app.py"
    if not app_py.is_file():
        pytest.skip("the GUI has not landed yet")
    source = app_py.read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in source


def test_spec_excludes_no_qt_module_the_app_imports():
    """The spec leaves out unused Qt modules; one the GUI starts using must come back in."""
    spec = (PACKAGING / "drafter.spec").read_text(encoding="utf-8")
    block = spec[spec.index('f"PySide6.{mod}"') :]
    block = block[: block.index("]")]
    excluded = set(re.findall(r'"(Qt\w+)"', block))
    assert "QtQml" in excluded  # the block was found
    used = set()
    for path in (PACKAGING.parent / "drafter").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"PySide6\.(Qt\w+)", text))
        for names in re.findall(r"from PySide6 import \(?([\w\s,]+)\)?", text):
            used |= {n.strip() for n in names.split(",") if n.strip().startswith("Qt")}
    assert not used & excluded, f"drafter imports {used & excluded}: drop them from excludes"
