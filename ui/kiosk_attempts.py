"""How often a kiosk's exit passphrase may be tried: a few tries freely, then a wait that doubles.

A kiosk stands unattended in a public hall; without a limit, anyone with time could try passphrases at the
exit dialog one after another. The count is kept by the kiosk, not by the dialog, so closing the dialog,
"start over" and the idle reset do not clear it; the right passphrase does.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

FREE_TRIES = 5           # wrong passphrases allowed before the first wait
FIRST_WAIT_S = 30.0      # the wait after the first wrong try beyond them; each further one doubles it
LONGEST_WAIT_S = 900.0   # ... up to a quarter of an hour


class Attempts:
    """Wrong tries so far and when the next try may be made. ``clock`` is seconds, monotonic."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self.wrong = 0
        self._next_try = 0.0

    def wait_s(self) -> int:
        """Whole seconds until a passphrase may be tried again (0: now)."""
        return max(0, math.ceil(self._next_try - self._clock()))

    def restore(self, wrong: int, wait_s: float) -> None:
        """Carry the count over from the previous visitor's process (ui.kiosk_supervisor keeps it between them)."""
        self.wrong = max(0, int(wrong))
        self._next_try = self._clock() + max(0.0, float(wait_s)) if wait_s > 0 else 0.0

    def record(self, right: bool) -> None:
        if right:
            self.wrong, self._next_try = 0, 0.0
            return
        self.wrong += 1
        beyond = self.wrong - FREE_TRIES
        if beyond > 0:
            self._next_try = self._clock() + min(LONGEST_WAIT_S, FIRST_WAIT_S * 2 ** (beyond - 1))
