"""Bundle benchmark: size of our one-folder bundle against a naive PyInstaller build, where the rest goes, and
how long the bundled app takes to start next to a bare PySide6 window.

    python bench/bundle.py [--skip-naive | --naive DIR] [--bundle DIR] [--runs 5] [--threshold 10] [--keep DIR]

(a) builds ours with scripts/build-bundle (build.spec + strip) and a naive one (plain ``pyinstaller --onedir
    ui/_frozen_main.py`` with only the data files it needs to run: no excludes, filters or strip) side by side in
    a temporary folder, and prints both sizes and the ratio (target <= 0.55);
(b) prints where every MiB goes, grouped (Qt libraries, ICU, numpy/OpenBLAS, matplotlib, Python, ...), and every
    file or folder of at least --threshold MiB;
(c) runs the bundled app with ``--screenshot`` (lay the full window out with the example family and its chart,
    write a PNG, exit) --runs times and a bare PySide6 window doing the same with this Python, all with
    QT_QPA_PLATFORM=offscreen. The first run of a fresh build is reported apart ("first run"): the files were
    just written, so they are in the page cache: it is a first start, not a cache-cold one. The rest are warm.
    The app from source (python -m ui) is timed too, for reference.

Sizes are MiB (2**20 bytes) of regular files; symbolic links count zero.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "bengbu-family-support"
MiB = 2**20
TARGET_RATIO = 0.55

BARE_WINDOW = """\
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("蚌埠市生育支持政策测算 · Bengbu"))
window.resize(1366, 768)
window.show()
app.processEvents()
sys.exit(0 if window.grab().save(sys.argv[1]) else 1)
"""

# (group, test on the path relative to the bundle folder, in posix form); first match wins.
GROUPS = [
    ("ICU (Qt's Unicode/locale data)", lambda p, b: b.startswith(("libicu", "icu"))),
    ("Qt libraries", lambda p, b: b.startswith(("libQt6", "Qt6"))),
    ("Qt plugins + translations", lambda p, b: "/plugins/" in p or "/translations/" in p),
    ("PySide6 + shiboken bindings", lambda p, b: "/PySide6/" in p or "/shiboken6/" in p or b.startswith(
        ("libpyside6", "libshiboken6", "pyside6", "shiboken6"))),
    ("numpy + OpenBLAS", lambda p, b: "/numpy/" in p or "/numpy.libs/" in p or "/numpy-" in p),
    ("matplotlib (+ kiwisolver, contourpy)", lambda p, b: any(
        f"/{d}" in p for d in ("matplotlib/", "kiwisolver/", "contourpy/", "fontTools/"))),
    ("Pillow (matplotlib writes PNG with it)", lambda p, b: "/PIL/" in p or "/pillow.libs/" in p),
    ("pydantic", lambda p, b: "/pydantic" in p),
    ("Python (libpython, stdlib, bootloader + all .pyc)", lambda p, b: b.startswith(("libpython", "python3"))
        or "/lib-dynload/" in p or b == "base_library.zip" or p.count("/") == 1),
    ("our assets (fonts, translations) + policy data", lambda p, b: "/assets/" in p or "/simulator/" in p),
    ("system libraries (X11/xcb, fontconfig, cups, dbus, OpenSSL, ...)",
        lambda p, b: p.count("/") == 2 and (".so" in b or b.endswith(".dll"))),
]


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def group_of(rel: str) -> str:
    base = rel.rsplit("/", 1)[-1]
    for name, test in GROUPS:
        if test("/" + rel, base):
            return name
    return "other Python packages and data"


def breakdown(folder: Path) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for p in folder.rglob("*"):
        if p.is_file() and not p.is_symlink():
            sizes[group_of(p.relative_to(folder).as_posix())] += p.stat().st_size
    return dict(sizes)


def big_items(folder: Path, threshold: int) -> list[tuple[int, str]]:
    folders: dict[str, int] = defaultdict(int)
    files = []
    for p in folder.rglob("*"):
        if not p.is_file() or p.is_symlink():
            continue
        rel = p.relative_to(folder)
        size = p.stat().st_size
        if size >= threshold:
            files.append((size, rel.as_posix()))
        for parent in list(rel.parents)[:-1]:
            folders[parent.as_posix() + "/"] += size
    return sorted(files + [(s, d) for d, s in folders.items() if s >= threshold], reverse=True)


def run(cmd: list[str], **kw) -> float:
    """Run a build quietly; its output is shown only if it fails. Returns wall seconds."""
    start = time.perf_counter()
    done = subprocess.run(cmd, check=False, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}")
    return time.perf_counter() - start


def build_ours(out: Path) -> tuple[Path, float]:
    seconds = run([str(ROOT / "scripts" / "build-bundle"), str(out)], env={**os.environ, "PYTHON": sys.executable})
    return out / NAME, seconds


def build_naive(out: Path) -> tuple[Path, float]:
    sep = os.pathsep
    datas = [(ROOT / "assets", "assets"), (ROOT / "simulator" / "policy", "simulator/policy"),
             (ROOT / "simulator" / "entitlements.yaml", "simulator"), (ROOT / "simulator" / "examples", "simulator/examples")]
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--onedir", "--log-level", "WARN", "--name", "naive",
           "--distpath", str(out / "dist"), "--workpath", str(out / "build"), "--specpath", str(out),
           "--paths", str(ROOT)]
    for src, dest in datas:
        cmd += ["--add-data", f"{src}{sep}{dest}"]
    out.mkdir(parents=True, exist_ok=True)
    seconds = run([*cmd, str(ROOT / "ui" / "_frozen_main.py")], cwd=out)
    return out / "dist" / "naive", seconds


def start_once(cmd: list[str], png: Path, cache: Path, cwd: Path | None = None) -> tuple[float, float]:
    """One start: (wall seconds, CPU seconds user+sys of the process; NaN where unknown). `cache` is the user's
    cache folder (matplotlib keeps its font list there): empty before a program's first run, as for a new user."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(cache), "LOCALAPPDATA": str(cache)}
    env.pop("MPLCONFIGDIR", None)
    cpu0 = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run([*cmd, str(png)], check=False, env=env, cwd=cwd, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu0
    if done.returncode != 0 or not png.is_file() or png.stat().st_size == 0:
        raise SystemExit(f"{' '.join(cmd)}: exit {done.returncode}, no screenshot\n{done.stderr}")
    return wall, cpu


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mib(n: float) -> str:
    return f"{n / MiB:8.1f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip-naive", action="store_true", help="do not build the naive bundle (saves ~1.5 min)")
    ap.add_argument("--bundle", type=Path, help="measure this already built bundle folder instead of building ours")
    ap.add_argument("--naive", type=Path, help="compare with this already built naive bundle folder (from --keep) "
                                                "instead of building it again")
    ap.add_argument("--runs", type=int, default=5, help="start-up runs per program (default 5)")
    ap.add_argument("--threshold", type=float, default=10, help="list files/folders of at least this many MiB")
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="bengbu-bundle-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    shots = work / "shots"
    shots.mkdir(exist_ok=True)
    try:
        print(f"work folder: {work}", flush=True)
        if args.bundle:
            ours, ours_build = args.bundle.resolve(), None
        else:
            ours, ours_build = build_ours(work / "ours")
        if args.naive:
            naive, naive_build = args.naive.resolve(), None
        else:
            naive, naive_build = (None, None) if args.skip_naive else build_naive(work / "naive")

        # (a) sizes
        print("\n(a) size")
        ours_size = tree_size(ours)
        print(f"  ours  {mib(ours_size)} MiB  {ours}" + (f"  (built + stripped in {ours_build:.0f} s)" if ours_build else ""))
        if naive:
            naive_size = tree_size(naive)
            ratio = ours_size / naive_size
            print(f"  naive {mib(naive_size)} MiB  {naive}" + (f"  (built in {naive_build:.0f} s)" if naive_build else ""))
            print(f"  ratio {ratio:8.3f}   (target <= {TARGET_RATIO}: {'met' if ratio <= TARGET_RATIO else 'NOT met'})")

        # (b) where it goes
        print(f"\n(b) where it goes (MiB){'':28}{'ours':>9}" + (f"{'naive':>9}" if naive else ""))
        ours_groups = breakdown(ours)
        naive_groups = breakdown(naive) if naive else {}
        for group in sorted(set(ours_groups) | set(naive_groups), key=lambda g: -ours_groups.get(g, 0)):
            line = f"  {group:<62}{mib(ours_groups.get(group, 0))}"
            print(line + (f" {mib(naive_groups.get(group, 0))}" if naive else ""))
        threshold = int(args.threshold * MiB)
        print(f"\n  files and folders of ours >= {args.threshold:g} MiB:")
        for size, rel in big_items(ours, threshold):
            print(f"  {mib(size)}  {rel}")

        # (c) start-up
        print(f"\n(c) start to written screenshot (QT_QPA_PLATFORM=offscreen, {args.runs} runs each, seconds)")
        bare = work / "bare_window.py"
        bare.write_text(BARE_WINDOW, encoding="utf-8")
        exe = ours / (NAME + (".exe" if sys.platform == "win32" else ""))
        rows = [("bundled app (--screenshot)", [str(exe), "--screenshot"], None),
                ("bare PySide6 window (this Python)", [sys.executable, str(bare)], None),
                ("app from source (python -m ui --screenshot)", [sys.executable, "-m", "ui", "--screenshot"], ROOT)]
        if naive:
            rows.insert(1, ("naive bundle (--screenshot)", [str(naive / "naive"), "--screenshot"], None))
        print(f"  {'':46}{'first':>7}{'warm median':>13}{'min':>7}{'max':>7}{'CPU median':>12}")
        # Round robin (every program once per round), so that load from elsewhere on the machine hits all alike.
        times: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for round_ in range(args.runs + 1):
            for i, (label, cmd, cwd) in enumerate(rows):
                times[label].append(start_once(cmd, shots / f"{i}-{round_}.png", shots / f"cache-{i}", cwd))
        for label, _cmd, _cwd in rows:
            first, warm = times[label][0][0], [w for w, _ in times[label][1:]]
            cpu = statistics.median(c for _, c in times[label][1:])
            print(f"  {label:<46}{first:7.2f}{statistics.median(warm):13.2f}{min(warm):7.2f}{max(warm):7.2f}{cpu:12.2f}")
        print("  'first' = first start after the build, as a new user: empty cache folder, so matplotlib builds its"
              " font list;\n  the files are still in the page cache, so this is not a cache-cold start. 'warm' = the"
              " other runs. CPU = user+sys\n  of the process, less sensitive to other load on the machine than wall"
              " time.\n  The app's screenshot includes loading the policy data, simulating the example family"
              " and drawing its chart;\n  the bare window lays out one label.")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
