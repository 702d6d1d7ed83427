"""Build the one-folder bundle with packaging/build.sh and run what it built.

Slow (a PyInstaller build, about 20 s here): marked ``slow``, run in CI. Set
DRAFTER_BUNDLE=/path/to/dist/drafter to test an existing build instead.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version as installed_version
from pathlib import Path

import pytest
from packaging_support import APP_ID, PACKAGING, ROOT

pytestmark = pytest.mark.slow

EXE_NAME = "drafter.exe" if sys.platform == "win32" else "drafter"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The built app folder (dist/drafter), built once for this module."""
    existing = os.environ.get("DRAFTER_BUNDLE")
    if existing:
        return Path(existing)
    pytest.importorskip("PyInstaller", reason="pip install -e '.[test]' brings PyInstaller")
    out = tmp_path_factory.mktemp("bundle")
    proc = subprocess.run(
        [
            "bash",
            str(PACKAGING / "build.sh"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
            "--no-system-libs",
        ],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, f"build failed:\n{proc.stdout}\n{proc.stderr}"
    return out / "dist" / "drafter"


def run_app(bundle: Path, *args: str, cwd: Path | None = None, timeout: float = 120):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(bundle / EXE_NAME), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_built_app_reports_pyproject_version(bundle, pyproject_version):
    proc = run_app(bundle, "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"drafter {pyproject_version}"
    assert installed_version("drafter") == pyproject_version


def test_bundle_holds_resources_metadata_and_desktop_files(bundle):
    internal = bundle / "_internal"
    for sample in (ROOT / "resources" / "samples").iterdir():
        assert (internal / "resources" / "samples" / sample.name).is_file()
    assert (internal / "resources" / "icons" / "drafter-256.png").is_file()
    # package metadata, which importlib.metadata (so `drafter --version`) reads
    assert any(internal.glob("drafter-*.dist-info/METADATA")) or any(
        internal.glob("drafter*.egg-info/PKG-INFO")
    )
    if sys.platform.startswith("linux"):
        for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", "install.sh"):
            assert (bundle / name).is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux plugin names")
def test_bundle_has_desktop_qt_plugins_and_not_unused_ones(bundle):
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins"
    platforms = {p.name for p in (plugins / "platforms").iterdir()}
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms
    assert not platforms & {"libqvnc.so", "libqlinuxfb.so", "libqeglfs.so"}
    assert (plugins / "imageformats" / "libqsvg.so").is_file()
    assert not (plugins / "platformthemes" / "libqgtk3.so").exists()
    libs = {p.name.split(".so")[0] for p in (bundle / "_internal").rglob("libQt6*.so*")}
    assert {"libQt6Core", "libQt6Gui", "libQt6Widgets"} <= libs
    assert not libs & {"libQt6Qml", "libQt6Quick", "libQt6Pdf"}
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    assert size < 300 * 2**20, f"bundle grew to {size / 2**20:.0f} MiB"


@pytest.mark.skipif(
    importlib.util.find_spec("drafter.cli.parse") is None, reason="drafter parse not built yet"
)
def test_discovered_cli_commands_work_inside_the_bundle(bundle, tmp_path):
    """Sub-commands are found by pkgutil at run time; the bundle must carry them all."""
    sample = ROOT / "resources" / "samples" / "A_RES_68_4.md"
    proc = run_app(bundle, "parse", str(sample), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert len(doc["paragraphs"]) > 10


def test_bundled_pdf_reader_and_word_writer_work(bundle, corpus, samples, tmp_path):
    """pdfminer's data files and python-docx's template must be inside the bundle."""
    pdf = corpus / "pdf" / "A_RES_73_7-EN.pdf"
    parsed = run_app(bundle, "parse", str(pdf), "--json", cwd=tmp_path)
    assert parsed.returncode == 0, parsed.stderr
    assert len(json.loads(parsed.stdout)["paragraphs"]) > 5

    out = tmp_path / "redline.docx"
    old, new = samples / "A_68_L5_draft_illustrative.md", samples / "A_RES_68_4.md"
    proc = run_app(bundle, "compare", str(old), str(new), "--docx", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(out) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in body and "<w:del " in body  # real tracked changes


def test_bundled_library_imports_and_searches(bundle, samples, tmp_path):
    """The store's SQLite (with FTS5) works from the bundle."""
    db = str(tmp_path / "library.db")
    imported = run_app(bundle, "import", str(samples / "A_RES_68_4.md"), "--db", db)
    assert imported.returncode == 0, imported.stderr
    found = run_app(bundle, "search", "migration", "development", "--json", "--db", db)
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits and all(hit["symbol"] == "A/RES/68/4" for hit in hits)


def test_bundle_offers_the_same_commands_as_the_source_tree(bundle, tmp_path):
    """Sub-commands are discovered with pkgutil at run time: none may go missing frozen."""
    source = subprocess.run(
        [sys.executable, "-m", "drafter", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    frozen = run_app(bundle, "--help", cwd=tmp_path)
    assert frozen.returncode == source.returncode == 0, frozen.stderr
    assert frozen.stdout == source.stdout


def test_bad_arguments_get_usage_not_a_traceback(bundle, tmp_path):
    proc = run_app(bundle, "no-such-command-or-file.xyz", "--screenshot", "x", "--bogus")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(
    importlib.util.find_spec("drafter.gui.app") is None, reason="the GUI has not landed yet"
)
def test_built_app_screenshots_its_window_offscreen(bundle, tmp_path):
    out = tmp_path / "window.png"
    proc = run_app(bundle, "--db", str(tmp_path / "library.db"), "--screenshot", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert_window_image(out)


def assert_window_image(path: Path) -> None:
    """A PNG of a real window: readable, window-sized, with text and frames, not one colour."""
    QImage = pytest.importorskip("PySide6.QtGui").QImage
    image = QImage(str(path))
    assert not image.isNull(), "not a PNG Qt can read"
    assert image.width() >= 400 and image.height() >= 300
    step_x, step_y = max(1, image.width() // 60), max(1, image.height() // 60)
    pixels = [
        image.pixel(x, y)
        for x in range(0, image.width(), step_x)
        for y in range(0, image.height(), step_y)
    ]
    commonest = max(pixels.count(p) for p in set(pixels))
    assert len(set(pixels)) >= 8
    assert commonest < 0.97 * len(pixels)


@pytest.mark.skipif(
    not (sys.platform.startswith("linux") and shutil.which("xvfb-run")), reason="needs xvfb-run"
)
@pytest.mark.skipif(
    importlib.util.find_spec("drafter.gui.app") is None, reason="the GUI has not landed yet"
)
def test_built_app_opens_a_real_x11_window(bundle, tmp_path):
    """The bundled xcb platform plugin loads (with its X libraries) and draws under Xvfb."""
    internal = bundle / "_internal"
    ldd = subprocess.run(
        ["ldd", str(internal / "PySide6/Qt/plugins/platforms/libqxcb.so")],
        env={**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal}/PySide6/Qt/lib"},
        capture_output=True,
        text=True,
    )
    if "not found" in ldd.stdout:
        pytest.skip("X client libraries missing here and in the bundle (build.sh bundles them)")
    out = tmp_path / "x11.png"
    app = [str(bundle / EXE_NAME), "--db", str(tmp_path / "library.db"), "--screenshot", str(out)]
    proc = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *app],
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert_window_image(out)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="install.sh is for Linux")
def test_install_script_installs_and_removes_the_app(bundle, tmp_path, pyproject_version):
    prefix = tmp_path / "prefix"
    installed = subprocess.run(
        ["bash", str(bundle / "install.sh"), "--prefix", str(prefix)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert installed.returncode == 0, installed.stderr
    assert run_app(prefix / "bin", "--version").stdout.strip() == f"drafter {pyproject_version}"
    desktop = (prefix / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={prefix}/bin/drafter %F" in desktop
    for size in (16, 48, 256, 512):
        assert (prefix / f"share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (prefix / f"share/icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    assert (prefix / f"share/metainfo/{APP_ID}.metainfo.xml").is_file()

    removed = subprocess.run(
        ["bash", str(bundle / "install.sh"), "--prefix", str(prefix), "--uninstall"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert removed.returncode == 0, removed.stderr
    assert not (prefix / "lib" / "drafter").exists()
    assert not (prefix / "bin" / "drafter").exists()
    assert not (prefix / "share" / "applications" / f"{APP_ID}.desktop").exists()
