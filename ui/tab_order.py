"""Where Tab goes next in a list of controls in reading order: the next one a person can use now (shown, enabled,
taking keyboard focus), round from the last to the first; of a group of radio buttons only the checked one, as
the arrow keys move between them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QRadioButton, QWidget


def usable(widget: QWidget) -> bool:
    if not (widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
        return False
    if isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked():
        group = widget.group()
        buttons = group.buttons() if group is not None else [
            b for b in widget.parentWidget().findChildren(QAbstractButton) if isinstance(b, QRadioButton)]
        return not any(b.isChecked() for b in buttons)
    return True


def step(chain: list[QWidget], current: QWidget | None, forward: bool = True) -> QWidget | None:
    """The control after (or before) ``current`` in ``chain``; None when ``current`` is not in it (then Qt's
    own order applies) or nothing else can take the focus."""
    if current is None:
        return None
    index = next((i for i, w in enumerate(chain) if w is current or w.isAncestorOf(current) and w.focusProxy()), None)
    if index is None:
        return None
    n = len(chain)
    for k in range(1, n + 1):
        candidate = chain[(index + k) % n] if forward else chain[(index - k) % n]
        if candidate is not current and usable(candidate):
            return candidate
    return None
