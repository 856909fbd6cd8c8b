"""Issue 14.2 (screen reader), as Orca sees it: the window runs under Xvfb with Qt's AT-SPI bridge, and the
accessible tree is read over D-Bus with pyatspi; every control must have a role and a name a person understands,
in each language. Needs the Debian packages scripts/test installs (xvfb, dbus, at-spi2-core, python3-pyatspi and
Qt's xcb libraries); on Linux their absence fails the test rather than skipping it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.a11y.rules import Node, problems

HERE = Path(__file__).resolve().parent
ROLES = {"push button": "button", "toggle button": "toggle button", "check box": "check box",
         "radio button": "radio button", "combo box": "combo box", "text": "text", "page tab": "page tab",
         "tree": "tree", "tree table": "tree", "table": "table", "menu item": "menu item",
         "check menu item": "menu item", "radio menu item": "menu item", "spin button": "spin button",
         "slider": "slider", "link": "link", "unknown": "unknown"}
NEEDED = {"xvfb-run": "xvfb", "dbus-run-session": "dbus", "/usr/libexec/at-spi-bus-launcher": "at-spi2-core"}

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="AT-SPI is the Linux accessibility bus")


def atspi_tree(lang: str, env: dict | None = None) -> list[dict]:
    missing = [pkg for tool, pkg in NEEDED.items() if not (shutil.which(tool) or Path(tool).exists())]
    check = subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True, check=False)
    if check.returncode:
        missing.append("python3-pyatspi")
    assert not missing, f"install the Debian packages {missing} (scripts/system-deps does, from scripts/test)"
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "dbus-run-session", "--",
                          sys.executable, str(HERE / "a11y" / "atspi_session.py"), lang],
                         capture_output=True, text=True, timeout=240, cwd=HERE.parent, env=env, check=False)
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert run.returncode == 0 and rows and "error" not in rows[0], (run.returncode, rows[:1], run.stderr[-2000:])
    return rows


def nodes(rows: list[dict]) -> list[Node]:
    return [Node(r["path"], ROLES.get(r["role"], r["role"]), r["name"], r.get("labelled_by", ""),
                 "focusable" in r["states"], "showing" in r["states"], "editable" in r["states"]) for r in rows]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_window_read_over_atspi_names_every_control_in_its_language(lang):
    rows = atspi_tree(lang)
    tree = nodes(rows)
    title = "蚌埠市生育支持政策测算" if lang == "zh" else "Bengbu family-support simulator"
    assert any(r["role"] == "frame" and r["name"].startswith(title) for r in rows)
    fields = [n for n in tree if n.role == "text" and n.editable and n.showing]
    salary = "税前月工资" if lang == "zh" else "Monthly salary before tax"
    assert [n.name for n in fields].count(salary) == 2  # the mother's and the father's, each by its label
    assert any(n.role == "page tab" for n in tree) and any(n.role == "tree" and n.name for n in tree)
    assert problems(tree, lang) == []


def test_the_atspi_audit_fails_on_a_button_without_a_name():
    import os

    tree = nodes(atspi_tree("zh", {**os.environ, "A11Y_AUDIT_SELF_TEST": "1"}))
    assert [p for p in problems(tree, "zh") if "button without a name" in p and "'+'" in p]
