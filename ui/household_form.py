"""The whole case as a form: where the family is registered, each parent, the children and housing plans.

Every edit hands the entry to the session, which simulates it when it is valid or returns its problems by
field path; the form marks those fields and leaves the last valid result on screen. A problem in the field
being typed in is shown after a short pause, so half-typed dates do not flash red at every keystroke.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from simulator import vocabulary
from ui.children_editor import ChildrenEditor
from ui.date_field import DateField, with_pickers
from ui.form_rows import Rows, fit_labels, form_layout
from ui.housing_editor import HousingEditor
from ui.i18n import tr
from ui.key_combo import KeyCombo
from ui.number_field import MESSAGE_STYLE
from ui.parent_editor import ParentEditor, TitleRoom
from ui.session import Session

AREAS = tuple(vocabulary.AREAS)  # the model's own lists: one source for every enumeration
SPLITS = vocabulary.TAX_SPLITS
PROBLEM_DELAY_MS = 700
PLACEHOLDER = "#5f6368"  # 6.1:1 on white


class HouseholdForm(QScrollArea):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._loading = False
        self.setWidgetResizable(True)
        # sideways only when even wrapped labels do not fit (the largest text): scrolled, never cut off
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take the focus (and scroll into view), not the frame
        palette = self.palette()  # hints in empty fields readable (Qt's default grey is about 3.5:1 on white)
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(PLACEHOLDER))
        self.setPalette(palette)
        inner = QWidget()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(MESSAGE_STYLE + "border: 1px solid #e57373; padding: 4px; background: #fff5f5;")
        self.banner.hide()
        self.family = QGroupBox()
        self.rows = Rows(form_layout(self.family))
        self.area = self.rows.add("win_hukou_area", KeyCombo("hukou_area", AREAS), "win_tip_hukou_area")
        self.split = self.rows.add("win_tax_split", KeyCombo("tax_split", SPLITS, {k: f"split_{k}" for k in SPLITS}),
                                   "win_tip_tax_split")
        self.as_of = self.rows.add("win_as_of", DateField("as_of"), "win_tip_as_of")
        self.married = self.rows.add_check("win_parents_married", QCheckBox(), "win_tip_parents_married")
        self.married.setChecked(True)
        self.mother = ParentEditor("mother")
        self.father = ParentEditor("father")
        self.children_editor = ChildrenEditor()
        self.housing = HousingEditor()
        # each group's fields below its title, which large text makes taller than the group's top padding
        # ("Family" was over "Hukou area"); the parents' own groups see to theirs (ui.parent_editor)
        self.title_rooms = [TitleRoom(g) for g in (self.family, self.children_editor, self.housing)]
        box = QVBoxLayout(inner)
        # problems of the whole case (no parent at all) at the foot, where appearing moves no field; the
        # headline's notice says them too
        for w in (self.family, self.mother, self.father, self.children_editor, self.housing, self.banner):
            box.addWidget(w)
        box.addStretch(1)
        self.setWidget(inner)
        self._fit_labels = QTimer(self)  # once the rows have their new widths (ui.form_rows.fit_labels)
        self._fit_labels.setSingleShot(True)
        self._fit_labels.setInterval(0)
        self._fit_labels.timeout.connect(lambda: fit_labels(self.widget()))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PROBLEM_DELAY_MS)
        self._timer.timeout.connect(self._on_problem_timer)

        self.area.chosen.connect(self._on_choice)
        self.split.chosen.connect(self._on_choice)
        self.as_of.edited.connect(self._on_edited)
        self.married.toggled.connect(self._on_married_toggled)
        for editor in (self.mother, self.father, self.children_editor, self.housing):
            editor.changed.connect(self._on_edited)
        for editor in (self.mother, self.father, self.children_editor):
            editor.rowsChanged.connect(self._on_rows_changed)
        session.loaded.connect(self._on_loaded)
        session.entrySet.connect(self._on_loaded)  # (the explorer's month): the fields show the family again
        session.problemsChanged.connect(self._on_problems_changed)
        session.field_namer = self.field_name
        self.retranslate()
        if session.ready:
            self._on_loaded()

    # -- from the session -------------------------------------------------------------------------------------
    def _on_loaded(self) -> None:
        self._loading = True
        try:
            self.load(self.session.household.model_dump(mode="json"))
        finally:
            self._loading = False
        self._default_education_age()
        self._apply_problems(delay_focused=False)

    def _on_problems_changed(self) -> None:
        self._apply_problems(delay_focused=True)

    def _on_problem_timer(self) -> None:
        self._apply_problems(delay_focused=False)

    # -- from the fields --------------------------------------------------------------------------------------
    def _on_choice(self, _key: str) -> None:
        self._submit()

    def _on_edited(self) -> None:
        self._submit()

    def _on_married_toggled(self, _on: bool) -> None:
        self._submit()

    def _on_rows_changed(self) -> None:
        self._relink_tab_order()
        self._fit_labels.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_labels.start()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange, QEvent.Type.StyleChange):
            self._fit_labels.start()  # larger text: the labels' words take more room
        return super().event(event)

    def _submit(self) -> None:
        if not self._loading:
            self.session.edit(self.data(), self.held_problems())

    def held_problems(self) -> list[tuple[str, str]]:
        """Fields whose text is not yet something the model could read (a date not typed to the end)."""
        return [(f.path, msg) for f in self.fields() if not f.isHidden() and f.isEnabled()
                for msg in [f.local_problem()] if msg]

    # -- reading and writing the form -------------------------------------------------------------------------
    def load(self, case: dict[str, Any]) -> None:
        self.area.set_key(case["hukou_area"])
        self.split.set_key(case.get("tax_split", "best"))
        as_of = case.get("as_of")
        self.as_of.set_value(dt.date.fromisoformat(as_of) if as_of else None)
        self.married.setChecked(case.get("parents_married", True))
        self.mother.load(case.get("mother"))
        self.father.load(case.get("father"))
        self.children_editor.load(case.get("children", []))
        self.housing.load(case.get("housing", {}))
        self._relink_tab_order()

    def data(self) -> dict[str, Any]:
        return {
            "hukou_area": self.area.key(), "tax_split": self.split.key(), "as_of": self.as_of.value(),
            "parents_married": self.married.isChecked(),
            "mother": self.mother.data(), "father": self.father.data(),
            "children": self.children_editor.data(), "housing": self.housing.data(),
        }

    def fields(self) -> list:
        return [self.as_of, *self.mother.fields(), *self.father.fields(), *self.children_editor.fields(),
                *self.housing.fields()]

    def field(self, path: str):
        return next((f for f in self.fields() if f.path == path), None)

    def field_name(self, path: str) -> str | None:
        """'mother.jobs[0].monthly_salary' -> '母亲 · 月工资 (税前)': the group and the field's label, as on screen."""
        field = next((f for f in self.fields() if _belongs(path, f.path)), None)
        if field is None:
            return None
        groups = [(None, self.rows), *self.mother.label_groups(), *self.father.label_groups(),
                  (tr("win_housing"), self.housing.rows),
                  *((tr("win_child_n", n=r.index + 1), r.rows) for r in self.children_editor.children_rows)]
        for title, rows in groups:  # in the current language even before the widgets have re-read theirs
            label = rows.label_of(field)
            if label is not None:
                return f"{title} · {label}" if title else label
        return None

    def _apply_problems(self, delay_focused: bool) -> None:
        problems = self.session.problems
        matched: set[int] = set()
        waiting = False
        for field in self.fields():
            mine = [(i, msg) for i, (path, msg) in enumerate(problems) if _belongs(path, field.path)]
            matched.update(i for i, _ in mine)
            message = "；".join(msg for _, msg in mine) if mine else None
            if message and delay_focused and field.edit.hasFocus() and field.problem() != message:
                waiting = True  # shown when the person pauses
                continue
            field.set_problem(message)
        rest = [f"{path}: {msg}" if path else msg for i, (path, msg) in enumerate(problems) if i not in matched]
        self.banner.setText("\n".join(rest))
        self.banner.setVisible(bool(rest))
        if waiting:
            self._timer.start()

    def _default_education_age(self) -> None:
        """The placeholder shows the model's default age, read from the policy pack, not written here."""
        p = self.session.params.get("national.income_tax.education_until_age")
        self.children_editor.set_default_education_age(p.values[-1] if p else None)

    def focus_chain(self) -> list[QWidget]:
        """Every control of the form in reading order (a date's calendar button after its text)."""
        return with_pickers([self.area, self.split, self.as_of.edit, self.married, self.mother,
                             *self.mother.focus_chain(), self.father, *self.father.focus_chain(),
                             *self.children_editor.focus_chain(), *self.housing.focus_chain()])

    def _relink_tab_order(self) -> None:
        chain = self.focus_chain()  # (in the main window its own Tab order, ui.tab_order, has the last word)
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def retranslate(self) -> None:
        self._fit_labels.start()  # labels of another length, above their fields in English
        self.family.setTitle(tr("win_family"))
        self.rows.retranslate()
        self.area.retranslate()
        self.split.retranslate()
        self.as_of.retranslate()
        for editor in (self.mother, self.father, self.children_editor, self.housing):
            editor.retranslate()
        if self.session.ready and self.held_problems():
            self._submit()  # what the fields themselves say is wrong, said again in the new language


def _belongs(problem_path: str, field_path: str) -> bool:
    return problem_path == field_path or problem_path.startswith(field_path + ".")
