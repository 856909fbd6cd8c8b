"""``python -m ui``: the desktop window (see ui.app for the options)."""

import sys

from ui.app import main

if __name__ == "__main__":  # (the explorers' worker processes import this module again: they must not start)
    sys.exit(main())
