"""Kiosk mode on a main window: full screen, no menus or file tools, large touch targets, a "how to use" band
with the other language, printing and "start over", and an idle reset that leaves no trace of the last visitor.

Starting over (the button, or the countdown after the idle period reaching zero) puts a blank family in every
field and clears every place a previous visitor's figures could linger: the form (with each field's undo
history), the results and their selection, the explanation, scenario A, the chart, the message bar, popups,
scroll positions, the clipboard and the X11 selection, the zoom and large-text mode — and, in memory, the old
household and result objects. Run by ui.kiosk_supervisor (``link`` set), starting over instead covers the window
with the welcome screen and hands over to a fresh process: the operating system then discards all of this
process's memory. The kiosk writes nothing to disk.

Touch only: a number or date field, touched, brings up the on-screen keypad (ui.kiosk_keypad); a date's
arrow the touch-sized date picker (ui.touch_date_picker) instead of Qt's calendar; the wheel over a drop-down
scrolls the form rather than changing the choice.

Leaving kiosk mode takes the administrator's key combination and the passphrase from kiosk.json; without a
passphrase set, kiosk mode cannot be left from the window at all.
"""

from __future__ import annotations

import gc
import sys
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QLineEdit,
    QScroller,
    QToolTip,
    QWidget,
)

from ui.i18n import language, tr
from ui.kiosk_attempts import Attempts
from ui.kiosk_band import KioskBand
from ui.kiosk_config import KioskSettings, verify_passphrase
from ui.kiosk_countdown import CountdownOverlay
from ui.kiosk_idle import IdleWatcher
from ui.kiosk_keypad import Keypad
from ui.kiosk_style import KIOSK_STYLE, KIOSK_ZOOM, TOUCH_PX, apply_touch_rows, fit_choices, group_check_style
from ui.kiosk_welcome import WelcomeCover
from ui.touch_date_picker import TouchDatePicker


@cache
def _malloc_trim():
    """glibc's malloc_trim, or None where there is none (Windows, macOS, musl)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only here: the kiosk's start does not need it

    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def _in_popup(widget: QWidget) -> bool:
    """Whether the widget belongs to a drop-down's list or a calendar (their popups)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def return_freed_memory() -> None:
    """Give the memory freed by a start over back to the system. glibc keeps freed heap pages for reuse, and a
    kiosk that runs for weeks, allocating and freeing a chart and a family per visitor, holds ever more of
    them in a fragmented heap: its resident size grows although nothing is alive in it."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


if TYPE_CHECKING:
    from ui.main_window import MainWindow

ADMIN_KEYS = "Ctrl+Alt+Shift+K"
COMPACT_BELOW = (1600, 900)  # window width, height under which type and the band are smaller


class KioskMode(QObject):
    left = Signal()  # the administrator left kiosk mode

    def __init__(self, window: MainWindow, settings: KioskSettings, idle_ms: int | None = None, tick_ms: int = 1000,
                 admin_notes: list[str] | tuple[str, ...] = (), link=None):
        """``admin_notes``: problems for the administrator only (kiosk.json, CUPS), shown in the exit dialog and
        never to a visitor; ``link``: the ui.kiosk_child.SupervisorLink when a supervisor runs this process."""
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.active = True
        self.exit_dialog = None
        self.link = link
        self.elder = False
        self.attempts = Attempts()  # wrong exit passphrases: kept across the dialog, start over and idle resets
        from ui.kiosk_print import cups_retention_problems

        self.print_problems = cups_retention_problems()
        self.admin_notes = [*admin_notes, *self.print_problems]  # on stderr once: ui.kiosk_supervisor
        window.kiosk = self
        # what the band promises is what happens: the idle period, then the countdown
        self.band = KioskBand(settings.idle_seconds + settings.countdown_seconds)
        window.add_top_band(self.band)
        self.keypad = Keypad(window)
        self.date_picker = TouchDatePicker(window)
        self.cover = WelcomeCover(window)
        self.overlay = CountdownOverlay(settings.countdown_seconds, window, tick_ms)
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else settings.idle_seconds * 1000, self)
        self.admin = QShortcut(QKeySequence(ADMIN_KEYS), window)
        self.admin.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.band.languageClicked.connect(self._on_language_clicked)
        self.band.printClicked.connect(self._on_print_clicked)
        self.band.startOverClicked.connect(self._on_start_over_clicked)
        self.band.elderClicked.connect(self._on_elder_clicked)
        self.idle.idle.connect(self._on_idle)
        self.idle.touched.connect(self._on_touched)
        self.overlay.cancelled.connect(self._on_touched)
        self.overlay.finished.connect(self._on_countdown_finished)
        self.admin.activated.connect(self._on_admin_keys)
        window.session.loaded.connect(self._on_loaded)
        window.statusBar().hide()
        window.setStyleSheet(KIOSK_STYLE)
        self._compact: bool | None = None
        self._rows_watched = False
        self._fit()
        window.installEventFilter(self)
        self.touch = _TouchInput(self)
        QApplication.instance().installEventFilter(self.touch)
        QApplication.clipboard().changed.connect(self._on_clipboard_changed)
        self.idle.start()

    # -- the visitor ------------------------------------------------------------------------------------------
    def _on_language_clicked(self) -> None:
        self.window.set_lang("en" if language() == "zh" else "zh")

    def _on_start_over_clicked(self) -> None:
        self.start_over(to_language=False)

    def _on_elder_clicked(self) -> None:
        self.set_elder(not self.elder)

    def set_elder(self, on: bool) -> None:
        """Large-text mode (ui.elder_style): 18 pt text, 60 px targets, strong contrast."""
        from ui.elder_style import ELDER_PX, ELDER_STYLE

        self.elder = on
        self.band.set_elder(on)
        self.window.setStyleSheet(KIOSK_STYLE + (ELDER_STYLE + group_check_style(ELDER_PX) if on else ""))
        apply_touch_rows(self.window, ELDER_PX if on else TOUCH_PX)
        self.date_picker.retranslate()
        QTimer.singleShot(0, self._share_room)

    def _on_clipboard_changed(self, mode: QClipboard.Mode) -> None:
        """No selection export: text a visitor selects never becomes the X11 primary selection that another
        program, or the next visitor's middle click, could paste."""
        clipboard = QApplication.clipboard()
        if mode == QClipboard.Mode.Selection and self.active and clipboard.ownsSelection():
            clipboard.clear(QClipboard.Mode.Selection)

    @staticmethod
    def clear_clipboard() -> None:
        """The clipboard and the X11 primary selection emptied (what a visitor copied or selected)."""
        clipboard = QApplication.clipboard()
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)

    def _on_print_clicked(self) -> None:
        from ui.kiosk_print import kiosk_printer, print_handout

        session, bar = self.window.session, self.window.message_bar
        if session.result is None:
            return
        info = kiosk_printer()
        if info is None:
            bar.show_message(lambda: tr("kiosk_no_printer"), "info")
            return
        if self.print_problems:  # CUPS would keep a copy: "nothing is stored on this machine" comes first
            bar.show_message(lambda: tr("kiosk_print_unsafe"), "info")
            return
        if self.window.files.refused("win_refuse_print"):  # a field wrong or half-typed: as the desktop window
            return
        bar.show_message(lambda: tr("kiosk_printing"), "info")
        QApplication.processEvents()  # the message is on screen while the handout is laid out
        if session.comparing:  # A, B and the difference side by side, as the desktop window prints it
            ok = print_handout(info, session.household, session.result, session.baseline, session.baseline_result)
        else:
            ok = print_handout(info, session.household, session.result)
        if not ok:
            bar.show_message(lambda: tr("kiosk_print_failed"))

    def _on_loaded(self) -> None:
        """Content widgets exist once the model is loaded: give their rows touch height, let a finger drag the form
        and the tables, and share the room once the layout has settled."""
        from ui.elder_style import ELDER_PX

        apply_touch_rows(self.window, ELDER_PX if self.elder else TOUCH_PX)
        self._fit_choices()
        for area in self.window.findChildren(QAbstractScrollArea):
            # touch only: a mouse drag in a table still selects, as on the desktop. Once per viewport: this runs
            # at every start over, and each grab registers a new gesture recogniser (bench/soak.py saw +18 MB).
            # Not the lists inside drop-downs and calendars: every child a visitor adds brings new ones, whose
            # recognisers Qt keeps, and their few rows need no dragging.
            if not QScroller.hasScroller(area.viewport()) and not _in_popup(area):
                QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        QTimer.singleShot(0, self._share_room)

    def _fit_choices(self) -> None:
        """A touch reads no tooltip: the form's drop-downs show their choice whole (ui.kiosk_style.ChoiceWidth),
        in the rows a visitor adds too."""
        form = self.window.form
        if form is None:
            return
        fit_choices(form)
        if not self._rows_watched:
            self._rows_watched = True
            for editor in (form.mother, form.father, form.children_editor):
                editor.rowsChanged.connect(self._on_rows_changed)

    def _on_rows_changed(self) -> None:
        if self.active:
            fit_choices(self.window.form)

    # -- fitting the screen -----------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Resize and self.active:
            self._fit()
        return False

    def _fit(self) -> None:
        """Text size and the band for the screen (1366×768 needs the room for the answer), then the splitters."""
        from ui.main_window import ZOOM_STEPS

        size = self.window.size()
        compact = size.height() < COMPACT_BELOW[1] or size.width() < COMPACT_BELOW[0]
        if compact != self._compact:
            self._compact = compact
            self.band.set_compact(compact)
            self.window.set_zoom(ZOOM_STEPS.index(KIOSK_ZOOM[compact]))
        self._on_loaded()

    def _share_room(self) -> None:
        """The form a third of the width; the chart tall enough for its axes, the lines the rest."""
        w = self.window
        if not self.active:
            return
        self._place_chart()
        if w.form is not None:
            fit_choices(w.form)  # the form's new width
        for name, share in (("main", 0.4 if self.elder else 0.34), ("answer", 0.42), ("details", 0.68)):
            splitter = w.splitters.get(name)
            if splitter is not None and splitter.count() == 2:
                total = sum(splitter.sizes())
                first = round(total * share)
                if name == "answer":  # never less than the chart needs to show its axes
                    first = max(first, splitter.widget(0).minimumSizeHint().height())
                splitter.setSizes([first, total - first])
        if w.results is not None:
            # who pays and the clause are in the explanation beside the table; the item names need the room
            from ui.result_model import COLUMNS

            view = w.results.view
            for name in ("payer", "source"):
                view.setColumnHidden(COLUMNS.index(name), True)
            w.results.fit_columns()  # measured again in the kiosk's type

    # -- idle and the countdown -------------------------------------------------------------------------------
    def _on_idle(self) -> None:
        if not self.idle.used:  # nobody touched anything since the last reset: nobody to ask "still there?"
            self.idle.resume()
            return
        self._close_popups()
        self.overlay.start()

    def _on_touched(self) -> None:
        self.overlay.stop()
        self.idle.resume()

    def _on_countdown_finished(self) -> None:
        self.start_over(to_language=True)

    def start_over(self, to_language: bool = True) -> None:
        """A blank family and nothing left of the previous visitor, in the window or in memory.
        ``to_language``: back to the configured language too (the idle reset; not the visitor's own button).
        Under a supervisor: the welcome screen, and a fresh process takes over (``hand_over``)."""
        if self.link is not None and self.link.connected:
            self.hand_over(to_language)
        else:
            self.reset_here(to_language)

    def hand_over(self, to_language: bool) -> None:
        """Cover the window, empty the clipboard and ask the supervisor for the next visitor's process; this one
        ends once that one is on screen."""
        self.overlay.stop()
        self._close_popups()
        self.clear_clipboard()
        self.cover.cover()
        self.idle.stop()
        self.link.done(self.settings.language if to_language else language())

    def reset_here(self, to_language: bool = True) -> None:
        """Start over in this process (without a supervisor, or when it cannot start another process)."""
        w = self.window
        self.overlay.stop()
        self._close_popups()
        self.clear_clipboard()
        if self.elder:
            self.set_elder(False)
        w.message_bar.clear()
        if w.results is not None:
            w.results.forget_selection()
        for edit in w.findChildren(QLineEdit):
            if not isinstance(edit.parent(), QAbstractSpinBox):
                edit.setText("")  # also forgets the field's undo history and selection
        for calendar in w.findChildren(QCalendarWidget):
            calendar.setSelectedDate(QDate.currentDate())
        if to_language and language() != self.settings.language:
            w.set_lang(self.settings.language)
        if not w.policy_unavailable:  # without policy data there is no family to compute, blank or not
            w.session.forget()
        self._reset_views()
        # deleted rows (a removed child's fields) go now, not at the next turn of the event loop
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        return_freed_memory()
        self._compact = None  # the visitor's zoom (Ctrl+ +/-) goes: the kiosk's own text size for the screen
        self._fit()
        self.cover.hide()
        self.idle.forget_use()
        self.idle.resume()

    def _reset_views(self) -> None:
        w = self.window
        if w.chart_panel is not None:
            if w.chart_panel.view() != "money":
                w.chart_panel.buttons["money"].click()
            w.chart_panel.update_chart()
        if w.tabs is not None:
            w.tabs.setCurrentIndex(0)
        if w.explanation is not None:
            w.explanation.show_line(w.results.current_line() if w.results is not None else None)
        for area in w.findChildren(QAbstractScrollArea):
            area.verticalScrollBar().setValue(0)
            area.horizontalScrollBar().setValue(0)
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()

    def _close_popups(self) -> None:
        QToolTip.hideText()
        self.keypad.close_keypad()
        self.date_picker.close_picker()
        for calendar in self.window.findChildren(QCalendarWidget):
            calendar.hide()
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            next_popup = QApplication.activePopupWidget()
            popup = next_popup if next_popup is not popup else None
        for dialog in self.window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()

    # -- the administrator ------------------------------------------------------------------------------------
    def _on_admin_keys(self) -> None:
        if not self.active:
            return
        if not self.settings.admin_passphrase_hash:
            notes = "\n".join(self.admin_notes)
            self.window.message_bar.show_message(
                lambda: tr("kiosk_exit_no_passphrase") + (f"\n{tr('kiosk_admin_notes')}\n{notes}" if notes else ""), "info")
            return
        from ui.kiosk_exit_dialog import KioskExitDialog

        if self.exit_dialog is None:
            self.exit_dialog = KioskExitDialog(self._check_passphrase, self.window, self.admin_notes)
            self.exit_dialog.accepted.connect(self.leave)
        self.exit_dialog.open()

    def _check_passphrase(self, passphrase: str) -> int | None:
        """None if the passphrase is right; else the seconds before the next try may be made (0: at once).
        While a wait runs the passphrase is not even checked."""
        if (wait := self.attempts.wait_s()) > 0:
            return wait
        right = verify_passphrase(passphrase, self.settings.admin_passphrase_hash)
        self.attempts.record(right)
        if self.link is not None:  # the count outlives this process: the supervisor hands it to the next one
            self.link.attempts(self.attempts.wrong, self.attempts.wait_s())
        return None if right else self.attempts.wait_s()

    def leave(self) -> None:
        """Back to the desktop window: menus, file tools, normal size. The family on screen stays blank."""
        if not self.active:
            return
        self._compact = False
        self._place_chart()  # back above the lines, where the desktop window has it
        self.active = False
        self.idle.stop()
        self.overlay.stop()
        self._close_popups()
        QApplication.instance().removeEventFilter(self.touch)
        if self.link is not None:
            self.link.left()  # the supervisor starts no more visitors' processes
        w = self.window
        self.band.hide()
        w.setStyleSheet("")
        from ui.main_window import ZOOM_STEPS

        w.set_zoom(ZOOM_STEPS.index(1.0))
        w.kiosk = None
        w.add_desktop_tools()
        w.showNormal()
        w.message_bar.show_message(lambda: tr("kiosk_left"), "info")
        self.left.emit()

    def _place_chart(self) -> None:
        """On a small screen the chart is a tab beside the lines (above them it would leave no room for either)."""
        w = self.window
        panel, tabs, answer = w.chart_panel, w.tabs, w.splitters.get("answer")
        if panel is None or tabs is None or answer is None:
            return
        in_tabs = tabs.indexOf(panel) >= 0
        if self._compact and not in_tabs:
            tabs.insertTab(1, panel, tr("win_chart"))
        elif not self._compact and in_tabs:
            tabs.removeTab(tabs.indexOf(panel))
            answer.insertWidget(0, panel)
            panel.show()

    def retranslate(self) -> None:
        tabs, panel = self.window.tabs, self.window.chart_panel
        if tabs is not None and panel is not None and tabs.indexOf(panel) >= 0:
            tabs.setTabText(tabs.indexOf(panel), tr("win_chart"))
        self.band.retranslate()
        self.overlay.retranslate()
        self.keypad.retranslate()
        self.date_picker.retranslate()
        self.cover.retranslate()
        if self.exit_dialog is not None:
            self.exit_dialog.retranslate()


class _TouchInput(QObject):
    """Application-wide: a touched number or date field brings up the keypad, a date's arrow the date picker;
    the wheel over a drop-down scrolls the form; copy and cut keys are ignored (nothing leaves the visit)."""

    def __init__(self, kiosk: KioskMode):
        super().__init__(kiosk)
        self.kiosk = kiosk

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _TOUCH_EVENTS or not isinstance(obj, QWidget) or obj.window() is not self.kiosk.window:
            return False
        if kind == QEvent.Type.Wheel:
            return self._wheel(obj, event)
        from ui.date_field import DateField
        from ui.number_field import NumberField

        owner = obj.parentWidget()
        if (kind == QEvent.Type.KeyPress and isinstance(owner, DateField) and obj is owner.pick and obj.isEnabled()
                and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.kiosk.keypad.close_keypad()  # a keyboard on the kiosk: its date picker too, as a touch would
            self.kiosk.date_picker.open_for(owner)
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return event.matches(QKeySequence.StandardKey.Copy) or event.matches(QKeySequence.StandardKey.Cut)
        if isinstance(owner, DateField) and obj is owner.pick:
            if kind == QEvent.Type.MouseButtonRelease and obj.isEnabled():
                self.kiosk.keypad.close_keypad()
                self.kiosk.date_picker.open_for(owner)
            return True  # not Qt's calendar, with its 12–36 px cells
        if (kind == QEvent.Type.MouseButtonRelease and isinstance(obj, QLineEdit)
                and isinstance(owner, NumberField | DateField) and obj.isEnabled() and not obj.isReadOnly()):
            QTimer.singleShot(0, obj, lambda: self.kiosk.keypad.open_for(obj))
        return False

    @staticmethod
    def _wheel(obj: QWidget, event: QEvent) -> bool:
        combo = obj if isinstance(obj, QComboBox) else None
        if combo is None or combo.view().isVisible():
            return False
        area = combo.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True  # the choice stays what the visitor chose


_TOUCH_EVENTS = frozenset({QEvent.Type.Wheel, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                           QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride})
