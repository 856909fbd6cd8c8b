"""Inside an X server and a D-Bus session (``xvfb-run dbus-run-session -- python atspi_session.py zh``): show the
window with Qt's AT-SPI bridge on, walk its accessible tree with the system Python's pyatspi, print the tree as
JSON lines, and close the window."""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"  # pyatspi (python3-pyatspi) lives in the system Python, not in the venv


def main() -> int:
    lang = sys.argv[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"}
    env.pop("NO_AT_BRIDGE", None)
    window = subprocess.Popen([sys.executable, str(HERE / "show_window.py"), lang, "90"], env=env,
                              stdout=subprocess.PIPE, text=True)
    try:
        line = window.stdout.readline()
        if line.strip() != "shown":
            print(f'{{"error": "the window did not come up: {line.strip()!r}"}}')
            return 4
        walked = subprocess.run([SYSTEM_PYTHON, str(HERE / "walk_atspi.py"), str(window.pid), "30"], env=env,
                                capture_output=True, text=True, timeout=120, check=False)
        sys.stdout.write(walked.stdout)
        sys.stderr.write(walked.stderr)
        return walked.returncode
    finally:
        window.terminate()
        try:
            window.wait(10)
        except subprocess.TimeoutExpired:
            window.kill()


if __name__ == "__main__":
    sys.exit(main())
