"""Housing plans: a first housing-provident-fund loan (its ceiling rises for families with two or more
children) and buying a home in the urban area (bengbu-2024 §5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from ui.date_field import DateField
from ui.form_rows import Rows, form_layout
from ui.i18n import tr
from ui.number_field import NumberField


class HousingEditor(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = form_layout()
        self.rows = Rows(form)
        self.first_loan = self.rows.add_check("win_first_loan", QCheckBox(), "win_tip_first_loan")
        self.ceiling = self.rows.add("win_loan_ceiling",
                                     NumberField("housing.provident_fund_loan_ceiling", "win_unit_yuan", "win_ceiling_blank"),
                                     "win_tip_loan_ceiling")
        self.years = self.rows.add("win_loan_years", NumberField("housing.loan_years", "win_unit_years"), "win_tip_loan_years")
        self.buying = self.rows.add_check("win_buying_home", QCheckBox(), "win_tip_buying_home")
        self.loan_date = self.rows.add("win_loan_date", DateField("housing.loan_date"), "win_tip_loan_date")
        QVBoxLayout(self).addLayout(form)
        self.first_loan.toggled.connect(self._on_toggled)
        self.buying.toggled.connect(self._on_toggled)
        for field in self.fields():
            field.edited.connect(self._on_edited)
        self.retranslate()

    def _on_toggled(self, _on: bool) -> None:
        self._update_enabled()
        self.changed.emit()

    def _on_edited(self) -> None:
        self.changed.emit()

    def _update_enabled(self) -> None:
        loan = self.first_loan.isChecked()
        self.ceiling.setEnabled(loan)
        self.years.setEnabled(loan)
        self.loan_date.setEnabled(loan or self.buying.isChecked())

    def fields(self) -> list[NumberField | DateField]:
        return [self.ceiling, self.years, self.loan_date]

    def focus_chain(self) -> list[QWidget]:
        return [self.first_loan, self.ceiling.edit, self.years.edit, self.buying, self.loan_date.edit]

    def load(self, data: dict[str, Any]) -> None:
        self.first_loan.setChecked(bool(data.get("first_provident_fund_loan")))
        self.ceiling.set_value(data.get("provident_fund_loan_ceiling"))
        self.years.set_value(data.get("loan_years", 30))
        self.buying.setChecked(bool(data.get("buying_home_in_urban_area")))
        when = data.get("loan_date")
        self.loan_date.set_value(dt.date.fromisoformat(when) if isinstance(when, str) else when)
        self._update_enabled()

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "first_provident_fund_loan": self.first_loan.isChecked(),
            "buying_home_in_urban_area": self.buying.isChecked(),
            "provident_fund_loan_ceiling": self.ceiling.value(),
            "loan_date": self.loan_date.value(),
        }
        if self.years.value() is not None:
            out["loan_years"] = self.years.value()
        return out

    def retranslate(self) -> None:
        self.setTitle(tr("win_housing"))
        self.rows.retranslate()
        for field in self.fields():
            field.retranslate()
