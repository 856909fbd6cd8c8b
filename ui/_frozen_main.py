"""Entry script for the PyInstaller bundle (absolute import: a frozen script has no parent package)."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
