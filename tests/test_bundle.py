"""The offline bundle: scripts/build-bundle builds it, it starts and draws the window, and it leaves out what
build.spec says it leaves out. Slow (a build takes about a minute on two cores); CI runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NAME = "bengbu-family-support"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="scripts/build-bundle is the Linux build"),
]

# Paths (relative to the bundle folder, posix) that must not be there.
FORBIDDEN_FILES = {
    "tkinter / Tcl/Tk": r"(^|/)(tkinter|_tkinter[^/]*|tcl[^/]*|tk[0-9][^/]*|libtcl[^/]*|libtk[^/]*)(/|$)",
    "Qt QML/Quick/Network/PDF libraries": r"(^|/)(lib)?Qt6(Qml|Quick|Network|Pdf|VirtualKeyboard|WaylandClient)[^/]*$",
    "PySide6 QML/Quick/Network bindings": r"(^|/)PySide6/Qt(Qml|Quick|Network|Sql|Test|UiTools)[^/]*$",
    "tests folders": r"(^|/)tests?/",
    "matplotlib sample data": r"mpl-data/sample_data",
    "unused Qt plugins": r"/plugins/(qml|platforms/libq(minimal|vnc|linuxfb|eglfs|wayland)|platformthemes/libqgtk3|"
                         r"sqldrivers|tls|networkinformation|imageformats/libq(gif|ico|webp|tiff|pdf))",
    "GTK and friends (only the dropped GTK theme needed them)": r"(^|/)lib(gtk|gdk|cairo|pango|atk)[^/]*$",
}
# Modules that must not be in the archive of compiled modules.
FORBIDDEN_MODULES = (r"^(tkinter|_tkinter|pytest|_pytest|hypothesis|IPython|jinja2|setuptools|pip)(\.|$)",
                     r"^PySide6\.Qt(Qml|Quick|Network)",
                     r"^matplotlib\.backends\.backend_(tk|gtk|wx|macosx|webagg|nbagg|qt5|cairo|pgf|ps|svg|template)",
                     r"^(matplotlib|numpy|PIL)\.(.*\.)?tests?(\.|$)")
# Data the frozen app looks up next to its modules (ui/fonts.py, ui/i18n.py, simulator/parameters.py, ...).
REQUIRED_DATA = ("_internal/assets/fonts/NotoSansSC-Regular-subset.otf", "_internal/assets/i18n/window.yaml",
                 "_internal/assets/i18n/kiosk.yaml",
                 "_internal/simulator/policy/sources.yaml", "_internal/simulator/entitlements.yaml",
                 "_internal/simulator/examples/example_family.json",
                 "_internal/matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf", "_internal/matplotlib/mpl-data/matplotlibrc")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is not installed: it is in the dev extra, pip install -e '.[dev]'", pytrace=False)
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run([str(ROOT / "scripts" / "build-bundle"), str(dist)], env={**os.environ, "PYTHON": sys.executable},
                          capture_output=True, text=True, timeout=1800, check=False)
    assert done.returncode == 0, f"build-bundle failed:\n{done.stdout}\n{done.stderr[-5000:]}"
    return dist / NAME


def test_the_bundle_starts_and_draws_the_window(bundle, tmp_path):
    shot = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([str(bundle / NAME), "--screenshot", str(shot)], env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "cache" / NAME).glob("matplotlib-*/fontlist-*.json"))  # its own font cache, kept
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    for trouble in ("Traceback", "chart unavailable", "font missing", "Could not load the Qt platform plugin"):
        assert trouble not in done.stderr, done.stderr


def test_the_bundle_runs_as_a_kiosk_and_writes_nothing(bundle, tmp_path):
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    shot = tmp_path / "kiosk.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "TMPDIR": str(tmp)}
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env.pop(name, None)
    done = subprocess.run([str(bundle / NAME), "--kiosk", "--countdown", "--screenshot", str(shot)], env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert shot.is_file() and shot.stat().st_size > 10_000
    assert list(home.rglob("*")) == [] and list(tmp.rglob("*")) == []
    assert "Traceback" not in done.stderr, done.stderr


def test_the_bundle_writes_the_handout_pdf(bundle, tmp_path):
    pdf = tmp_path / "handout.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([str(bundle / NAME), "--handout", str(pdf)], env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000


def test_the_bundle_carries_its_data(bundle):
    missing = [p for p in REQUIRED_DATA if not (bundle / p).is_file()]
    assert not missing


def test_the_bundle_leaves_out_what_it_does_not_use(bundle):
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file() or p.is_symlink()]
    found = {what: hits for what, pattern in FORBIDDEN_FILES.items() if (hits := [f for f in files if re.search(pattern, f)])}
    assert not found
    fonts = {Path(f).name for f in files if "/mpl-data/fonts/" in f}
    assert fonts <= {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LastResortHE-Regular.ttf", "LICENSE_DEJAVU",
                     "LICENSE_LAST_RESORT_FONT"}
    translations = {Path(f).name for f in files if "/translations/" in f}
    assert translations <= {"qtbase_zh_CN.qm", "qtbase_en.qm", "qt_zh_CN.qm", "qt_en.qm"}
    dangling = [f for f in files if (bundle / f).is_symlink() and not (bundle / f).exists()]
    assert not dangling

    from PyInstaller.archive.readers import CArchiveReader

    modules = list(CArchiveReader(str(bundle / NAME)).open_embedded_archive("PYZ.pyz").toc)
    assert "ui.app" in modules and "simulator.engine" in modules
    unwanted = [m for m in modules if any(re.search(p, m) for p in FORBIDDEN_MODULES)]
    assert not unwanted


def test_the_bundle_is_stripped_but_not_numpys_libraries(bundle):
    import numpy

    def has_symtab(path: Path) -> bool:
        out = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True, text=True, check=True).stdout
        return " .symtab " in out

    python_lib = next((bundle / "_internal").glob("libpython3*.so*")).resolve()
    assert not has_symtab(python_lib)
    installed = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for lib in (bundle / "_internal" / "numpy.libs").iterdir():
        assert lib.stat().st_size == (installed / lib.name).stat().st_size, f"{lib.name} was changed"
