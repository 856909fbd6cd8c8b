"""A counselor's local figures for the amounts the city has not published (loan ceiling, home-purchase
subsidy, childcare enrolment help, after-school and preschool fees). They hold for this session, can be saved
to and loaded from a small YAML file (the same file ``python -m simulator --local`` reads), and every line
that uses one is marked "locally entered"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import language, tr
from ui.number_field import MESSAGE_STYLE, NumberField
from ui.session import Session, split_problem

UNIT_KEYS = {"yuan": "win_unit_yuan", "yuan_per_year": "win_unit_yuan_year", "yuan_per_month": "win_unit_yuan_month"}


class LocalFiguresDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        base = session.base_params
        self.names = [n for n in sorted(base) if base[n].status == "unpublished"]
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[str, NumberField] = {}
        for name in self.names:
            field = NumberField(name, UNIT_KEYS.get(base[name].unit), "win_local_blank")
            label = QLabel()
            label.setBuddy(field.edit)
            label.setWordWrap(True)
            form.addRow(label, field)
            self.labels[name], self.fields[name] = label, field
            field.set_value(session.local_figures.get(name))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.hide()
        self.load_button, self.save_button, self.clear_button = QPushButton(), QPushButton(), QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        for b in (self.load_button, self.save_button, self.clear_button):
            self.buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        self.load_button.clicked.connect(self._on_load_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.setMinimumWidth(560)
        self.retranslate()

    def figures(self) -> dict[str, Any]:
        return {n: f.value() for n, f in self.fields.items() if f.value() is not None}

    def apply(self) -> bool:
        """Hand the figures to the session; on a problem, mark the field and keep the dialog open."""
        from simulator import ParameterError

        try:
            self.session.set_local_figures(self.figures())
        except ParameterError as e:
            self._show_problems([split_problem(p) for p in e.problems])
            return False
        self._show_problems([])
        return True

    def _show_problems(self, problems: list[tuple[str, str]]) -> None:
        by_name = dict(problems)
        for name, field in self.fields.items():
            field.set_problem(by_name.get(name))
        rest = [f"{p}: {m}" for p, m in problems if p not in self.fields]
        self.message.setText("\n".join(rest))
        self.message.setVisible(bool(rest))

    def _on_accepted(self) -> None:
        if self.apply():
            self.accept()

    def _on_clear_clicked(self) -> None:
        for field in self.fields.values():
            field.set_value(None)
            field.set_problem(None)

    def load_file(self, path: str | Path) -> bool:
        """Fill the fields from a file (applied with OK); unknown names or a bad file are reported."""
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
            self._show_problems([("", tr("win_local_bad_file", file=Path(path).name, error=str(e)))])
            return False
        if not isinstance(data, dict):
            self._show_problems([("", tr("win_local_not_mapping", file=Path(path).name))])
            return False
        unknown = [k for k in data if k not in self.fields]
        if unknown:
            self._show_problems([(k, tr("win_local_unknown")) for k in unknown])
            return False
        for name, field in self.fields.items():
            value = data.get(name)
            field.set_value(value if isinstance(value, int | float) else None)
            if value is not None and not isinstance(value, int | float):
                field.edit.setText(str(value))
        self._show_problems([])
        return True

    def save_file(self, path: str | Path) -> None:
        from simulator.caseio import atomic_write_text

        figures = {n: float(v) if "." in v else int(v) for n, v in self.figures().items() if _is_number(v)}
        header = f"# {tr('win_local_file_header')}\n"
        atomic_write_text(path, header + yaml.safe_dump(figures, allow_unicode=True, sort_keys=True))

    def _on_load_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("win_local_load"), "", tr("win_local_filter"))
        if path:
            self.load_file(path)

    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("win_local_save"), "local-figures.yaml", tr("win_local_filter"))
        if path:
            try:
                self.save_file(path)
            except OSError as e:
                self._show_problems([("", str(e))])

    def retranslate(self) -> None:
        base = self.session.base_params
        self.setWindowTitle(tr("win_local_title"))
        self.intro.setText(tr("win_local_intro"))
        for name in self.names:
            p = base[name]
            text = p.label_zh if language() == "zh" else p.label_en
            tip = tr("win_local_tip", reference=p.reference)
            self.labels[name].setText(text)
            self.labels[name].setToolTip(tip)
            self.fields[name].setToolTip(tip)
            self.fields[name].set_accessible_name(text)
            self.fields[name].retranslate()
        self.load_button.setText(tr("win_local_load"))
        self.save_button.setText(tr("win_local_save"))
        self.clear_button.setText(tr("win_local_clear"))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True

