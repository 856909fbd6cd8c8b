"""Bengbu family-support simulator: the policy model (no Qt, no plotting)."""

from .caseio import load_case, load_example, parse_case, save_case
from .engine import simulate
from .household import Household
from .parameters import ParameterError, ParameterSet, default_parameters, load_parameters
from .policy_checks import InputError
from .result import Line, Result

__version__ = "0.1.0"
__all__ = [
    "Household", "InputError", "Line", "ParameterError", "ParameterSet", "Result", "default_parameters",
    "load_case", "load_example", "load_parameters", "parse_case", "save_case", "simulate",
]
