"""Every enumeration of the model, written once: areas, employers, insurance kinds, parents, tax splits,
categories of lines, statuses and their badge colours.

The case schema (``household.py``), the formulas, the command line and the window all read these; names of
each key in Chinese and English are in ``strings/labels.yaml``.
"""

from __future__ import annotations

# Hukou areas (GB/T 2260) and what kind of area each is: "市区" (the urban area) is the four districts.
AREAS: dict[str, str] = {
    "longzihu": "district", "bengshan": "district", "yuhui": "district", "huaishang": "district",
    "huaiyuan": "county", "wuhe": "county", "guzhen": "county",
    "outside": "outside",
}
DISTRICTS = tuple(a for a, kind in AREAS.items() if kind == "district")
COUNTIES = tuple(a for a, kind in AREAS.items() if kind == "county")

# Employers: whether a public one (state organ, public institution, state-owned enterprise: bengbu-2024 §4
# has it pay the birth subsidy) and whether the parent has an employer at all (who grants leave).
EMPLOYERS: dict[str, dict[str, bool]] = {
    "state_organ": {"public": True, "employed": True},
    "public_institution": {"public": True, "employed": True},
    "soe": {"public": True, "employed": True},
    "private": {"public": False, "employed": True},
    "flexible": {"public": False, "employed": False},
    "none": {"public": False, "employed": False},
}
PUBLIC_EMPLOYERS = tuple(e for e, kind in EMPLOYERS.items() if kind["public"])
EMPLOYED = tuple(e for e, kind in EMPLOYERS.items() if kind["employed"])

# Insurance: only "employee" is employee maternity insurance, which pays the maternity allowance.
INSURANCE = ("employee", "flexible_employee", "resident", "none")

ROLES = ("mother", "father")
TAX_SPLITS = ("best", "mother", "father", "half")  # "best": the split that saves the family the most

# Categories of lines, in the order the table, chart and handout show them. "wage_replacement" is the maternity
# allowance (and a flexible worker's maternity benefit): it pays the mother's wage during her leave, so it is
# shown with the leave, never added to the money the policy adds (issue 13, point 7).
CATEGORIES = ("cash", "tax", "leave", "wage_replacement", "housing", "training_fees", "services")
# The categories whose yuan lines the timeline adds up as money the policy adds (leave is days, wage
# replacement is the wage the leave would otherwise cost, services have no amount).
MONEY_CATEGORIES = ("cash", "tax", "housing", "training_fees")

# Worst first: a line's badge is the first of these that any of its inputs has. "not_computed": the event came
# before the earliest rule this pack holds for it, so there is no figure (never 0, never verified).
STATUS_RANK = ("not_computed", "unpublished", "local", "assumed", "secondary", "verified")
# Badge colours (background, text) per status; every pair has a contrast of 4.5:1 or more.
BADGE_COLOURS: dict[str, tuple[str, str]] = {
    "assumed": ("#fff1c2", "#6d4c00"),
    "secondary": ("#e3eefa", "#0d3c6e"),
    "unpublished": ("#fde0dc", "#8a1c10"),
    "local": ("#dff3e0", "#1b5e20"),
    "not_computed": ("#ececec", "#3a3a3a"),
}

# Units a line's amount can have.
LINE_UNITS = ("yuan", "days", "loan_yuan", "deduction_yuan", "entitlement")
