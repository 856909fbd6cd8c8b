"""Bengbu family-support simulator: the policy model (no Qt, no plotting).

Names are imported on first use (PEP 562), so ``import simulator.labels`` does not load pydantic and the
engine: the window shows before the model is needed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
_EXPORTS = {
    "load_case": "caseio", "load_example": "caseio", "parse_case": "caseio", "save_case": "caseio",
    "simulate": "engine", "Household": "household", "ParameterError": "parameters", "ParameterSet": "parameters",
    "default_parameters": "parameters", "load_parameters": "parameters", "InputError": "policy_checks",
    "Line": "result", "Result": "result",
}
__all__ = [
    "Household", "InputError", "Line", "ParameterError", "ParameterSet", "Result", "default_parameters",
    "load_case", "load_example", "load_parameters", "parse_case", "save_case", "simulate",
]

if TYPE_CHECKING:
    from .caseio import load_case, load_example, parse_case, save_case
    from .engine import simulate
    from .household import Household
    from .parameters import ParameterError, ParameterSet, default_parameters, load_parameters
    from .policy_checks import InputError
    from .result import Line, Result


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'simulator' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
