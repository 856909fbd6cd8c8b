"""``python -m ui``: the desktop window (see ui.app for the options)."""

import sys

from ui.app import main

sys.exit(main())
