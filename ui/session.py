"""The window's model: the case being edited, its last valid result, the problems of the current entry, the
counselor's local figures and, while comparing, the family kept as scenario A.

It holds no benefit arithmetic: every figure comes from ``simulator.simulate``. Signals fire only when
something really changed, so views redraw only then. The simulator (pydantic and the policy pack) is imported
on first use, so the window can appear before it is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from ui.i18n import language, tr

if TYPE_CHECKING:
    from simulator import Household, ParameterSet, Result

# A family as a parent starting from nothing would describe it: two employed parents, no children yet.
NEW_FAMILY: dict[str, Any] = {
    "schema_version": 2, "hukou_area": "longzihu", "tax_split": "best",
    "mother": {"jobs": [{"from": None, "employer": "private", "insurance": "employee"}]},
    "father": {"jobs": [{"from": None, "employer": "private", "insurance": "employee"}]},
    "children": [], "housing": {},
}


def split_problem(problem: str) -> tuple[str, str]:
    """'children[1].birth_date: 日期无效' -> ('children[1].birth_date', '日期无效')."""
    path, sep, message = problem.partition(": ")
    return (path.strip(), message.strip()) if sep else ("", problem)


_BARE_NUMBER = re.compile(r"(?<![\d.,\-])(\d{5,})(?:\.0+)?(?![\d\-])")


def tidy_numbers(problem: str) -> str:
    """'不能大于 10000000.0' -> '不能大于 10,000,000': a limit the model states is shown as people write amounts.
    (Only whole numbers of five or more digits that are not part of a date.)"""
    return _BARE_NUMBER.sub(lambda m: f"{int(m.group(1)):,}", problem)


class Session(QObject):
    loaded = Signal()             # a different household replaced the one in the form (new, open, back to A)
    resultChanged = Signal()      # a new result (or a new baseline) to show
    problemsChanged = Signal()    # the current entry's problems changed
    comparisonChanged = Signal()  # comparing started or stopped
    stateChanged = Signal()       # file path, unsaved changes or local figures changed

    def __init__(self, household: Household | None = None, params: ParameterSet | None = None,
                 path: str | Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._base_params = params
        self._params: ParameterSet | None = None
        self.local_figures: dict[str, float] = {}
        self.household: Household | None = None
        self.result: Result | None = None
        self.problems: list[tuple[str, str]] = []
        self.baseline: Household | None = None
        self.baseline_result: Result | None = None
        self.path: Path | None = None
        self.modified = False
        self.is_example = False
        self._pending: dict[str, Any] | None = None
        self._held: list[tuple[str, str]] = []
        self.field_namer: Callable[[str], str | None] | None = None
        if household is not None:
            self._replace(household, self._simulate(household), path)

    # -- reading ----------------------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self.household is not None

    @property
    def comparing(self) -> bool:
        return self.baseline is not None

    @property
    def base_params(self) -> ParameterSet:
        """The policy pack without local figures."""
        from simulator import default_parameters

        return self._base_params or default_parameters()

    @property
    def params(self) -> ParameterSet:
        if self._params is None:
            base = self.base_params
            self._params = base.with_local(self.local_figures) if self.local_figures else base
        return self._params

    def use_policy(self, params: ParameterSet) -> None:
        """Compute with another policy pack (an installed update). Local figures the new pack refuses are
        dropped; the family, its result and scenario A are computed again."""
        from simulator import ParameterError

        try:
            local = params.with_local(self.local_figures) if self.local_figures else params
        except ParameterError:
            self.local_figures, local = {}, params
        self._base_params, self._params = params, local
        self._recompute()

    def load_active_policy(self, data_dir: str | Path | None) -> str | None:
        """At start: the installed policy pack if a valid one is installed, else the shipped one; returns why an
        installed pack was passed over. Raises ParameterError / OSError when even the shipped pack cannot be read."""
        from simulator import default_parameters
        from simulator.policy_pack import ACTIVE, load_active

        if data_dir is None or not (Path(data_dir) / ACTIVE).exists():
            params, problem = default_parameters(), None  # nothing installed: the shipped pack, read once
        else:
            params, problem = load_active(data_dir)
        self._base_params, self._params = params, None
        return problem

    def _simulate(self, household: Household) -> Result:
        from simulator import simulate

        return simulate(household, self.params, language())

    # -- replacing the whole case -----------------------------------------------------------------------------
    def _replace(self, household: Household, result: Result, path: str | Path | None) -> None:
        self.household, self.result = household, result
        self.path = Path(path) if path else None
        self.modified = False
        self._set_problems([])
        self._pending = None

    def _announce_replaced(self) -> None:
        self.loaded.emit()
        self.resultChanged.emit()
        self.stateChanged.emit()

    def open_example(self) -> None:
        from simulator import load_example

        household = load_example()
        self._replace(household, self._simulate(household), None)
        self.is_example = True
        self._end_comparison()
        self._announce_replaced()

    def new(self) -> None:
        from simulator import Household

        household = Household.model_validate(NEW_FAMILY)
        self._replace(household, self._simulate(household), None)
        self.is_example = False
        self._end_comparison()
        self._announce_replaced()

    def forget(self) -> None:
        """A blank family with nothing of the previous one kept: no scenario A, no entry being typed, no local
        figures (the kiosk's start over)."""
        self.local_figures, self._params = {}, None
        self.household = self.result = None
        self.new()

    def restore_last_valid(self) -> None:
        """After an unexpected error: show the last family that computed, and forget the entry being typed."""
        if self.household is None:
            self.new()
            return
        self._pending = None
        self._set_problems([])
        self._announce_replaced()

    def open(self, path: str | Path) -> None:
        """Load a case file; InputError (with every problem) leaves everything as it was."""
        from simulator import load_case

        household = load_case(path, language())
        result = self._simulate(household)  # policy-range problems raise here, before anything changes
        self._replace(household, result, path)
        self.is_example = False
        self._end_comparison()
        self._announce_replaced()

    def save(self, path: str | Path | None = None) -> Path:
        from simulator import save_case

        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no file name")
        save_case(self.household, target)
        self.path, self.modified, self.is_example = target, False, False
        self.stateChanged.emit()
        return target

    # -- editing ----------------------------------------------------------------------------------------------
    def edit(self, data: dict[str, Any], held: list[tuple[str, str]] | None = None) -> None:
        """The form's entry as plain data. Valid: new result. Invalid: problems by field, result kept.

        ``held``: (field path, message) of fields the form itself cannot read yet (a date not typed to the end):
        the entry is not computed while there are any, and they come first among the problems."""
        from pydantic import ValidationError

        from simulator import Household, InputError
        from simulator.errors import validation_messages

        held = list(held or [])
        self._held = held
        full = {"schema_version": 2, **self._carried(), **data}
        try:
            household = Household.model_validate(full)
        except ValidationError as e:
            self._pending = data
            found = [split_problem(tidy_numbers(p)) for p in validation_messages(e, language())]
            self._set_problems(held + [(p, m) for p, m in found if all(p != h for h, _ in held)])
            return
        if held:
            self._pending = data
            self._set_problems(held)
            return
        if household == self.household:
            self._pending = None
            self._set_problems([])
            return
        try:
            result = self._simulate(household)
        except InputError as e:
            self._pending = data
            self._set_problems([split_problem(tidy_numbers(p)) for p in e.problems])
            return
        self._pending = None
        self.household, self.result, self.modified = household, result, True
        self._set_problems([])
        self.resultChanged.emit()
        self.stateChanged.emit()

    def _carried(self) -> dict[str, Any]:
        """Fields the form does not show, kept as the case file had them."""
        if self.household is None:
            return {}
        return {"pregnancy_losses": [x.model_dump(mode="json") for x in self.household.pregnancy_losses],
                "label": self.household.label, "notes": self.household.notes}

    def set_details(self, label: str | None, notes: str | None) -> None:
        """The counselor's label and notes for the case (they change no figure, so nothing is computed again).
        Blank means none. Raises InputError (nothing changes) when one is too long."""
        from pydantic import ValidationError

        from simulator import Household, InputError
        from simulator.errors import validation_messages

        if self.household is None:
            return
        label = (label or "").strip() or None
        notes = notes if notes and notes.strip() else None
        if (label, notes) == (self.household.label, self.household.notes):
            return
        try:
            household = Household.model_validate({**self.household.model_dump(), "label": label, "notes": notes})
        except ValidationError as e:
            raise InputError(validation_messages(e, language())) from None
        self.household, self.modified = household, True
        self.stateChanged.emit()

    def _set_problems(self, problems: list[tuple[str, str]]) -> None:
        if problems != self.problems:
            self.problems = problems
            self.problemsChanged.emit()

    def relocalise(self) -> None:
        """After a language switch: say the current problems again, in the new language. (Problems the form
        held back are said again by the form, which submits its entry again when it retranslates.)"""
        if self._pending is not None:
            self.edit(self._pending, self._held)  # still held back: never computed on the way

    def name_field(self, path: str) -> str | None:
        """A field as a person knows it ("母亲 · 税前月工资"), None if no field of the form has this path; the
        form sets ``field_namer`` to do this."""
        return self.field_namer(path) if self.field_namer is not None and path else None

    def entry_problem_text(self) -> str | None:
        """While the entry has problems: which fields, and that the figures shown are the last valid ones."""
        fields = self._problem_fields()
        return tr("win_entry_invalid", fields=fields) if fields else None

    def refusal(self, key: str) -> str | None:
        """Why saving, exporting or printing (``key``: win_refuse_save, win_refuse_export, win_refuse_print) is
        refused now: it would carry the figures of an entry that is no longer on screen. None when it is valid."""
        fields = self._problem_fields()
        return tr(key, fields=fields) if fields else None

    def _problem_fields(self) -> str:
        names = dict.fromkeys(self.name_field(p) or m for p, m in self.problems)
        return tr("win_field_sep").join(names)

    # -- local figures ----------------------------------------------------------------------------------------
    def set_local_figures(self, figures: dict[str, Any]) -> None:
        """Raises ParameterError (nothing changes) when a figure is not a number or out of range."""
        figures = {k: v for k, v in figures.items() if v is not None and v != ""}
        base = self.base_params
        params = base.with_local(figures) if figures else base
        figures = {k: float(v) for k, v in figures.items()}  # with_local has checked each is a number
        if figures == self.local_figures:
            return
        self.local_figures, self._params = figures, params
        self._recompute()

    def _recompute(self) -> None:
        """The parameters changed: the family (and scenario A) computed again."""
        if self.household is not None:
            self.result = self._simulate(self.household)
            if self.baseline is not None:
                self.baseline_result = self._simulate(self.baseline)
            self.resultChanged.emit()
        self.stateChanged.emit()

    # -- comparing scenarios ----------------------------------------------------------------------------------
    def start_comparison(self) -> None:
        """Keep the current family as A; further edits change B, a copy."""
        if self.household is None or self.comparing:
            return
        self.baseline, self.baseline_result = self.household, self.result
        self.comparisonChanged.emit()
        self.resultChanged.emit()

    def compare_with(self, household: Household) -> None:
        """Compare the current family (A) with ``household`` (B), which then is the family being edited (the
        command line's --compare). Raises InputError (nothing changes) when B cannot be simulated."""
        result = self._simulate(household)
        self.start_comparison()
        self.household, self.result, self.modified = household, result, True
        self._pending = None
        self._set_problems([])
        self._announce_replaced()

    def stop_comparison(self, keep: str = "b") -> None:
        """End comparing, keeping B (the edited copy) or going back to A."""
        if not self.comparing:
            return
        if keep == "a" and self.baseline != self.household:
            self.household, self.result = self.baseline, self.baseline_result
            self.modified = True
            self._set_problems([])
            self._pending = None
            self._end_comparison()
            self._announce_replaced()
            return
        self._end_comparison()
        self.resultChanged.emit()

    def _end_comparison(self) -> None:
        if self.baseline is not None:
            self.baseline = self.baseline_result = None
            self.comparisonChanged.emit()
