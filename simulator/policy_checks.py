"""Checks of a household against the policy's own limits, which pydantic alone cannot know."""

from __future__ import annotations

from .household import Household
from .parameters import ParameterSet


class InputError(ValueError):
    """The case cannot be simulated; ``problems`` has one 'field.path: message' line each."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def policy_problems(household: Household, params: ParameterSet, lang: str = "en") -> list[str]:
    problems = []
    for role, parent in household.parents():
        t = parent.training
        if t is None:
            continue
        lo = params["bengbu.training.course_subsidy_minimum"].at(t.start)
        hi = params["bengbu.training.course_subsidy_maximum"].at(t.start)
        if lo is not None and hi is not None and not lo <= t.course_subsidy <= hi:
            problems.append(
                f"{role}.training.course_subsidy: 应在 {lo:g} 至 {hi:g} 元之间（措施第12条），填写的是 {t.course_subsidy:g}"
                if lang == "zh" else
                f"{role}.training.course_subsidy: must be between {lo:g} and {hi:g} yuan (bengbu-2024 §12), "
                f"got {t.course_subsidy:g}")
    return problems
