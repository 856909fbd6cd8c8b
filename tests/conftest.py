"""Set Qt offscreen before anything imports Qt: without a display Qt aborts the whole test process."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
