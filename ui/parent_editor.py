"""One parent's job, pay and insurance — the facts the tax, maternity-allowance and training rules read.

The group's check box says whether the family has this parent (unticked = single-parent family). The
employer's average wage and re-employment training apply to the mother only, so only her editor shows them;
a father's values from a case file are kept as they were.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from simulator import vocabulary
from ui.date_field import DateField
from ui.form_rows import Rows, form_layout
from ui.i18n import tr
from ui.key_combo import KeyCombo
from ui.number_field import NumberField

EMPLOYERS = tuple(vocabulary.EMPLOYERS)  # the model's own lists: one source for every enumeration
INSURANCE = vocabulary.INSURANCE


class ParentEditor(QGroupBox):
    changed = Signal()

    def __init__(self, role: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.role = role
        self.setCheckable(True)
        self._hidden: dict[str, Any] = {}
        form = form_layout()
        self.rows = Rows(form)
        r = role
        self.employer = self.rows.add("win_employer", KeyCombo(f"{r}.employer", EMPLOYERS), "win_tip_employer")
        self.insurance = self.rows.add("win_insurance", KeyCombo(f"{r}.insurance", INSURANCE, {"none": "insurance_none"}),
                                       "win_tip_insurance")
        self.salary = self.rows.add("win_salary", NumberField(f"{r}.monthly_salary", "win_unit_yuan_month"), "win_tip_salary")
        self.contributions = self.rows.add("win_contributions", NumberField(f"{r}.monthly_contributions", "win_unit_yuan_month"),
                                           "win_tip_contributions")
        self.other = self.rows.add("win_other_deductions", NumberField(f"{r}.other_annual_deductions", "win_unit_yuan_year"),
                                   "win_tip_other_deductions")
        self.avg_wage = self.training = None
        if role == "mother":
            self.avg_wage = self.rows.add(
                "win_avg_wage", NumberField(f"{r}.employer_avg_monthly_wage", "win_unit_yuan_month", "win_avg_wage_blank"),
                "win_tip_avg_wage")
            self.training = self.rows.add_check("win_training", QCheckBox(), "win_tip_training")
            self.course = self.rows.add(
                "win_course_subsidy", NumberField(f"{r}.training.course_subsidy", "win_unit_yuan", "win_course_range"),
                "win_tip_course_subsidy")
            self.days = self.rows.add("win_training_days", NumberField(f"{r}.training.days", "win_unit_days"),
                                      "win_tip_training_days")
            self.start = self.rows.add("win_training_start", DateField(f"{r}.training.start"), "win_tip_training_start")
            self._show_training(False)
        box = QVBoxLayout(self)
        box.addLayout(form)
        for combo in (self.employer, self.insurance):
            combo.chosen.connect(self._on_choice)
        for field in self.fields():
            field.edited.connect(self._on_edited)
        self.toggled.connect(self._on_present_toggled)
        if self.training is not None:
            self.training.toggled.connect(self._on_training_toggled)
        self.retranslate()

    # one slot per kind of field; each only says "the entry changed", the form reads it whole
    def _on_choice(self, _key: str) -> None:
        self.changed.emit()

    def _on_edited(self) -> None:
        self.changed.emit()

    def _on_present_toggled(self, _on: bool) -> None:
        self.changed.emit()

    def _on_training_toggled(self, on: bool) -> None:
        self._show_training(on)
        self.changed.emit()

    def _show_training(self, on: bool) -> None:
        """An unticked training box folds away: most mothers never need it."""
        for field in (self.course, self.days, self.start):
            self.rows.set_visible(field, on)

    def fields(self) -> list[NumberField | DateField]:
        out = [self.salary, self.contributions, self.other]
        if self.role == "mother":
            out += [self.avg_wage, self.course, self.days, self.start]
        return out

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.employer, self.insurance, self.salary.edit, self.contributions.edit, self.other.edit]
        if self.role == "mother":
            chain += [self.avg_wage.edit, self.training, self.course.edit, self.days.edit, self.start.edit]
        return chain

    def load(self, data: dict[str, Any] | None) -> None:
        """Show a parent's data (a Parent dumped as JSON), or none."""
        self.setChecked(data is not None)
        data = data or {}
        self.employer.set_key(data.get("employer", "private"))
        self.insurance.set_key(data.get("insurance", "employee"))
        self.salary.set_value(data.get("monthly_salary"))
        self.contributions.set_value(data.get("monthly_contributions"))
        self.other.set_value(data.get("other_annual_deductions"))
        if self.role == "mother":
            self.avg_wage.set_value(data.get("employer_avg_monthly_wage"))
            training = data.get("training")
            self.training.setChecked(training is not None)
            self._show_training(training is not None)
            training = training or {}
            self.course.set_value(training.get("course_subsidy"))
            self.days.set_value(training.get("days"))
            self.start.set_value(_date(training.get("start")))
            self._hidden = {}
        else:
            self._hidden = {k: data[k] for k in ("employer_avg_monthly_wage", "training") if data.get(k) is not None}

    def data(self) -> dict[str, Any] | None:
        if not self.isChecked():
            return None
        out: dict[str, Any] = {"employer": self.employer.key(), "insurance": self.insurance.key(), **self._hidden}
        for name, field in (("monthly_salary", self.salary), ("monthly_contributions", self.contributions),
                            ("other_annual_deductions", self.other)):
            if field.value() is not None:
                out[name] = field.value()
        if self.role == "mother":
            out["employer_avg_monthly_wage"] = self.avg_wage.value()
            if self.training.isChecked():
                # left empty, a required figure is simply absent, so the model says "missing" at that field
                out["training"] = {k: f.value() for k, f in (("course_subsidy", self.course), ("days", self.days),
                                                              ("start", self.start)) if f.value() is not None}
        return out

    def retranslate(self) -> None:
        self.setTitle(tr("win_" + self.role))
        self.setAccessibleName(tr("win_" + self.role))
        self.setToolTip(tr("win_tip_parent_present"))
        self.rows.retranslate()
        for combo in (self.employer, self.insurance):
            combo.retranslate()
        for field in self.fields():
            field.retranslate()


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value
