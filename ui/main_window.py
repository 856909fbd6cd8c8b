"""The main window: the family on the left, the answer on the right (headline, chart, every line with its
explanation, and the comparison of two scenarios), and the counselor's file tools in the menus.

``MainWindow(session, kiosk=True)`` has no menus, tool bar or file tools; ``ui.kiosk_mode`` adds the rest of the
kiosk (guidance band, start over, idle reset, printing, the administrator's way out)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.case_files import CaseFiles
from ui.i18n import language, set_language, tr
from ui.message_bar import MessageBar
from ui.session import Session
from ui.window_actions import WindowActions

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
_BASE_PROPERTY = "bengbu_base_point_size"


def base_point_size(app) -> float:
    """The application's text size at 100 %, as it was before any window zoomed it: kept on the application,
    so a window made after another was zoomed (a kiosk's new family, a test's next window) does not take the
    zoomed size for its 100 %."""
    if app is None:
        return 10.0
    kept = app.property(_BASE_PROPERTY)
    if kept:
        return float(kept)
    size = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0
    app.setProperty(_BASE_PROPERTY, size)
    return size


class _AsTallAsItsWords(QObject):
    """Keeps a widget whose height follows its width (the headline: its words wrap) no taller than that height.
    A column that asks for heights by width hands its spare room to such a widget before the stretching one
    below it (the answer's scrolled area), which would leave a gap in the tiles and less of the chart."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and obj.hasHeightForWidth():
            height = max(obj.heightForWidth(obj.width()), obj.minimumHeight())
            if height > 0 and height != obj.maximumHeight():
                obj.setMaximumHeight(height)
        return False


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scrolled area holding ``widget`` (the form, the answer) so that it shows: Tab never lands on
    a control out of sight."""
    inner, area = widget, widget.parentWidget()
    while area is not None:
        if isinstance(area, QScrollArea) and area.widget() is not None and area.widget().isAncestorOf(inner):
            area.ensureWidgetVisible(inner)
            inner = area
        area = area.parentWidget()


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None, kiosk: bool = False):
        super().__init__(parent)
        self.session = session
        self.kiosk = None  # the ui.kiosk_mode.KioskMode running this window, if any
        self._kiosk_window = kiosk
        self.form = self.headline = self.chart_panel = self.results = self.explanation = self.compare = None
        self.explorer = None
        self.tabs: QTabWidget | None = None
        self.splitters: dict[str, QSplitter] = {}
        self._bands: list[QWidget] = []
        app = QApplication.instance()
        self._base_point_size = base_point_size(app)
        self._zoom = ZOOM_STEPS.index(1.0)
        self.commands = WindowActions(self, kiosk)
        self.message_bar = MessageBar()
        self._central = QWidget()
        self._layout = QVBoxLayout(self._central)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self.message_bar.float_over(self._central)  # over the window's foot: it never moves the form or results
        self.loading = QLabel()
        self._policy_problems: list[str] = []  # why no policy data could be read, if so
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.loading, 1)
        self.setCentralWidget(self._central)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.files = CaseFiles(self, session, self.message_bar, remember=not kiosk)
        self.recent_menu = None
        self.case_details = None
        from ui.focus_ring import FocusRing

        self.focus_ring = FocusRing(self)  # where the keyboard focus is, always visible
        self._connect_actions(tuple(self.commands.actions))
        self._add_recent_menu()
        session.stateChanged.connect(self._on_state_changed)
        session.comparisonChanged.connect(self._on_comparison_changed)
        session.loaded.connect(self._on_loaded)
        if session.ready:
            self._build_content()
        self.retranslate()

    # -- building -------------------------------------------------------------------------------------------
    def _build_content(self) -> None:
        from ui.case_details import CaseDetails
        from ui.chart_panel import ChartPanel
        from ui.compare_view import CompareView
        from ui.explanation_panel import ExplanationPanel
        from ui.explorer_panel import ExplorerPanel
        from ui.headline import Headline
        from ui.household_form import HouseholdForm
        from ui.results_table import ResultsTable

        s = self.session
        self.form, self.headline, self.chart_panel = HouseholdForm(s), Headline(s), ChartPanel(s)
        self.results, self.explanation, self.compare = ResultsTable(s), ExplanationPanel(s), CompareView(s)
        self.results.lineSelected.connect(self._on_line_selected)
        self.explanation.show_line(self.results.current_line())
        details = QSplitter(Qt.Orientation.Horizontal)
        details.addWidget(self.results)
        details.addWidget(self.explanation)
        details.setStretchFactor(0, 2)
        details.setStretchFactor(1, 1)
        details.setSizes([690, 270])
        self.tabs = QTabWidget()
        self.tabs.addTab(details, "")
        self.tabs.addTab(self.compare, "")
        self.case_details = CaseDetails(s)
        self.tabs.addTab(self.case_details, "")
        self.explorer = ExplorerPanel(s, processes=not self._kiosk_window)
        self.tabs.addTab(self.explorer, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        answer = QSplitter(Qt.Orientation.Vertical)
        answer.addWidget(self.chart_panel)
        answer.addWidget(self.tabs)
        answer.setStretchFactor(0, 2)
        answer.setStretchFactor(1, 3)
        answer.setSizes([240, 360])
        # Larger text makes the chart and the lines taller than a small screen has room for under the headline:
        # they scroll (as the form does) rather than being squeezed to a strip (their least heights: ui.chart_panel,
        # ui.results_table). The headline stays in sight above them.
        self.answer_area = QScrollArea()
        self.answer_area.setWidgetResizable(True)
        self.answer_area.setFrameShape(QFrame.Shape.NoFrame)
        self.answer_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take the focus, not the frame
        self.answer_area.setWidget(answer)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.headline)
        self._headline_height = _AsTallAsItsWords(self.headline)
        self.headline.installEventFilter(self._headline_height)
        rbox.addWidget(self.answer_area, 1)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.form)
        main.addWidget(right)
        main.setStretchFactor(0, 0)
        main.setStretchFactor(1, 1)
        main.setSizes([410, 950])
        self.splitters = {"main": main, "answer": answer, "details": details}
        self.form.setMinimumWidth(300)
        self._layout.removeWidget(self.loading)
        self.loading.hide()
        self._layout.addWidget(main, 1)
        self.explanation.browser.setTabChangesFocus(True)  # Tab leaves the explanation instead of staying in it
        QTimer.singleShot(0, self.ensure_chart)

    def answer_focus_chain(self) -> list[QWidget]:
        """The controls of the answer side in reading order: the chart's toggle, the tabs, the lines and their
        explanation, the comparison's buttons and tables; then any other control there, as created."""
        c = self.compare
        known = [*self.chart_panel.buttons.values(), self.tabs.tabBar(), self.results.view, self.explanation.browser,
                 c.start, c.keep_b, c.back_to_a, c.lines_view, c.years_view, *self.explorer.controls()]
        rest = [w for w in self.splitters["answer"].findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w not in known and not isinstance(w, QTabWidget)
                and w.parentWidget() is not self.tabs.tabBar()]
        return [*known, *rest, self.message_bar.close_button]

    def _on_tab_changed(self, index: int) -> None:
        """The "what if" tab has charts of its own: the lifetime chart above it steps aside while it is shown,
        so the explorers get the answer's height (at 1366×768 they were a strip under it). (A small kiosk screen
        has the chart as a tab of its own: the tabs show it then.)"""
        if self.chart_panel is not None and self.tabs.indexOf(self.chart_panel) < 0:
            self.chart_panel.setVisible(self.tabs.widget(index) is not self.explorer)

    def ensure_chart(self) -> None:
        """Bring in the chart (and matplotlib) once the window is on screen."""
        if self.chart_panel is not None:
            self.chart_panel.ensure_chart()

    def _connect_actions(self, names: tuple[str, ...]) -> None:
        a = self.commands
        f = self.files
        slots = {"new": f.on_new, "open": f.on_open, "save": f.on_save, "save_as": f.on_save_as,
                 "export_pdf": f.on_export_pdf, "print": f.on_print, "export_csv": f.on_export_csv,
                 "local_figures": self._on_local_figures, "policy_pack": f.on_load_policy_pack,
                 "quit": self.close, "zoom_in": self._on_zoom_in, "zoom_out": self._on_zoom_out,
                 "zoom_reset": self._on_zoom_reset, "lang_zh": self._on_lang_zh,
                 "lang_en": self._on_lang_en, "lang_toggle": self._on_lang_toggle}
        for name in names:
            if name == "compare":
                a[name].toggled.connect(self._on_compare_toggled)
            else:
                a[name].triggered.connect(slots[name])

    def _add_recent_menu(self) -> None:
        """File › Open recent, after File › Open (once the desktop menus exist)."""
        menu = self.commands.menus.get("file")
        if menu is None or self.recent_menu is not None:
            return
        from ui.recent_menu import RecentMenu

        self.recent_menu = RecentMenu(self.files, self)
        actions = menu.actions()
        after_open = actions[actions.index(self.commands["open"]) + 1]
        menu.insertMenu(after_open, self.recent_menu)

    def add_top_band(self, band: QWidget) -> None:
        """A band above everything else in the window (the kiosk's guidance and buttons)."""
        self._layout.insertWidget(0, band)
        self._bands.append(band)

    def tab_chain(self) -> list[QWidget]:
        """Every control Tab goes through, in reading order: a top band's, the form's, the answer's."""
        bands = [w for band in self._bands for w in band.findChildren(QWidget)
                 if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        if self.form is None:
            return bands
        return [*bands, *self.form.focus_chain(), *self.answer_focus_chain()]

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab follow ``tab_chain`` round and round; Qt's own chain, which children added later
        and compound fields upset, is used only for a control not in it (a dialog's, a pop-up's)."""
        from ui.tab_order import step

        target = step(self.tab_chain(), QApplication.focusWidget(), next)
        if target is None:
            return super().focusNextPrevChild(next)
        target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        scroll_into_view(target)
        return True

    def add_desktop_tools(self) -> None:
        """Menus, tool bar and file tools (an administrator has left kiosk mode)."""
        self._connect_actions(self.commands.add_desktop())
        self._add_recent_menu()
        self.statusBar().show()
        self.retranslate()

    def show_policy_unavailable(self, problems: list[str]) -> None:
        """Even the shipped policy pack cannot be read: say so where the results would be (and again in the other
        language after a switch)."""
        self._policy_problems = list(problems)
        self._say_loading()
        self.loading.setWordWrap(True)

    @property
    def policy_unavailable(self) -> bool:
        return bool(self._policy_problems)

    def _say_loading(self) -> None:
        if self._policy_problems:
            self.loading.setText(tr("win_policy_unavailable") + "\n\n" + "\n".join(self._policy_problems))
        else:
            self.loading.setText(tr("win_loading"))

    def recover_after_error(self) -> None:
        """What the crash guard calls after an unexpected error: back to a state that works."""
        if self.kiosk is not None:
            self.kiosk.start_over(to_language=False)
        elif self.session.ready:
            self.session.restore_last_valid()

    # -- session ---------------------------------------------------------------------------------------------
    def _on_loaded(self) -> None:
        if self.form is None:
            self._build_content()
            self.retranslate()

    def _on_state_changed(self) -> None:
        self._update_title()

    def _on_comparison_changed(self) -> None:
        comparing = self.session.comparing
        if self.commands["compare"].isChecked() != comparing:
            self.commands["compare"].setChecked(comparing)
        if comparing and self.tabs is not None:
            self.tabs.setCurrentWidget(self.compare)
        self._update_title()

    def _on_line_selected(self, line) -> None:
        self.explanation.show_line(line)

    def _on_compare_toggled(self, on: bool) -> None:
        if on:
            self.session.start_comparison()
        else:
            self.session.stop_comparison(keep="b")

    # -- file tools (see ui.case_files) ----------------------------------------------------------------------
    def open_case(self, path: str | Path) -> bool:
        return self.files.open_case(path)

    def save_case(self, path: str | Path | None = None) -> bool:
        return self.files.save_case(path)

    def export_handout(self, path: str | Path) -> bool:
        return self.files.export(path, "handout")

    def export_csv(self, path: str | Path) -> bool:
        return self.files.export(path, "csv")

    def _on_local_figures(self) -> None:
        from ui.local_figures_dialog import LocalFiguresDialog

        LocalFiguresDialog(self.session, self).exec()

    # -- language and text size ------------------------------------------------------------------------------
    def set_lang(self, lang: str) -> None:
        if lang == language():
            return
        from ui.qt_translations import install_qt_translations

        set_language(lang)
        install_qt_translations(lang)  # message boxes, file and print dialogs in the new language too
        self.statusBar().clearMessage()  # a tip still showing in the old language
        self.session.relocalise()
        self.retranslate()

    def _on_lang_zh(self) -> None:
        self.set_lang("zh")

    def _on_lang_en(self) -> None:
        self.set_lang("en")

    def _on_lang_toggle(self) -> None:
        self.set_lang("en" if language() == "zh" else "zh")

    def set_zoom(self, step: int) -> None:
        self._zoom = max(0, min(len(ZOOM_STEPS) - 1, step))
        app = QApplication.instance()
        font = app.font()
        font.setPointSizeF(self._base_point_size * ZOOM_STEPS[self._zoom])
        app.setFont(font)
        from ui.large_text import LARGE_FROM, LARGE_STYLE

        self._central.setStyleSheet(LARGE_STYLE if ZOOM_STEPS[self._zoom] >= LARGE_FROM else "")  # 60 px targets
        # a widget with a style sheet keeps the font it had when the sheet was applied: apply them again
        for widget in app.allWidgets():
            sheet = widget.styleSheet()
            if sheet:
                widget.setStyleSheet("")
                widget.setStyleSheet(sheet)

    def _on_zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def _on_zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def _on_zoom_reset(self) -> None:
        self.set_zoom(ZOOM_STEPS.index(1.0))

    # -- text ------------------------------------------------------------------------------------------------
    def _update_title(self) -> None:
        s = self.session
        name = tr("win_example_family") if s.is_example else (s.path.name if s.path else tr("win_untitled"))
        parts = [tr("win_title"), name]
        if s.household is not None and s.household.label:
            parts.insert(1, s.household.label)
        if s.comparing:
            parts.append(tr("win_comparing"))
        self.setWindowTitle(" — ".join(parts) + (" *" if s.modified else ""))
        local = len(s.local_figures)
        self.status_label.setText(tr("win_status_local", n=local) if local else "")

    def retranslate(self) -> None:
        if self.kiosk is not None:
            self.kiosk.retranslate()
        self.commands.retranslate()
        self.commands["lang_toggle"].setText("English" if language() == "zh" else "中文")
        self._say_loading()
        self.message_bar.retranslate()
        for widget in (self.form, self.headline, self.chart_panel, self.results, self.explanation, self.compare,
                       self.case_details, self.explorer, self.recent_menu):
            if widget is not None:
                widget.retranslate()
        if self.tabs is not None:
            self.tabs.setTabText(0, tr("win_tab_details"))
            self.tabs.setTabText(self.tabs.indexOf(self.compare), tr("win_tab_compare"))
            self.tabs.setTabText(self.tabs.indexOf(self.case_details), tr("win_tab_case"))
            self.tabs.setTabText(self.tabs.indexOf(self.explorer), tr("win_tab_explorer"))
        self._update_title()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kiosk is not None and self.kiosk.active:
            event.ignore()  # a visitor cannot close the kiosk (Alt+F4); the administrator leaves kiosk mode first
        elif self.files.confirm_discard():
            event.accept()
        else:
            event.ignore()
