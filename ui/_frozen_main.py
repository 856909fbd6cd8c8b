"""Entry script for the PyInstaller bundle (absolute import: a frozen script has no parent package)."""

import multiprocessing
import sys

from ui.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen program's worker processes (the explorers') start here
    sys.exit(main())
