"""The engine keeps nothing of a household beyond its case: no module-level cache holds a figure someone
entered (a kiosk's next visitor must not find the last one's salary in the process), so there is nothing
to empty between visitors."""

import functools
import gc

import simulator.how_to_claim  # noqa: F401  (its cache exists once imported, whichever test ran first)
from simulator import parse_case, simulate

SALARY = 12345.67  # a figure no policy file holds
# The model's caches, each keyed on policy data only: the string files, a template by key and language, a
# line's badge by the policy records it used, the entitlement catalogue, a year's statutory holidays under a
# holiday rule (the same for every family; a kiosk runs each visitor in a process of its own anyway).
ALLOWED = {"simulator.texts.strings", "simulator.texts.sentence", "simulator.texts.labels", "simulator.result.badges",
           "simulator.income_tax.table_of",
           "simulator.entitlements.catalogue", "simulator.entitlements.catalogue_lines",
           "simulator.case.phrase", "simulator.leave_end.holiday_record", "simulator.leave_end.noticed_holidays",
           "simulator.leave_end.ruled_holidays", "simulator.statutory_holidays._holidays",
           "simulator.statutory_holidays._coinciding", "simulator.statutory_holidays.lunar_to_solar",
           "simulator.statutory_holidays.solar_term_day", "simulator.how_to_claim.load"}


def model_caches():
    return {f"{o.__module__}.{o.__qualname__}": o for o in gc.get_objects()
            if isinstance(o, functools._lru_cache_wrapper) and o.__module__.startswith("simulator")
            and o.__module__ != "simulator.case_tests"}  # (the YAML test runner, not the engine)


def reachable(obj, depth=6):
    """Everything a cache holds (its keys, results and their parts), a few references deep."""
    seen, frontier = {id(obj)}, [obj]
    for _ in range(depth):
        nxt = []
        for o in frontier:
            for r in gc.get_referents(o):
                if id(r) not in seen and not isinstance(r, type) and not callable(r):
                    seen.add(id(r))
                    nxt.append(r)
                    yield r
        frontier = nxt


def test_simulating_a_household_leaves_none_of_its_figures_in_any_cache():
    household = parse_case({"hukou_area": "wuhe", "as_of": "2026-12-01",
                            "mother": {"monthly_salary": SALARY, "employer_avg_monthly_wage": SALARY},
                            "father": {"monthly_salary": SALARY * 2},
                            "children": [{"birth_date": "2024-03-03"}, {"birth_date": "2026-07-07"}]})
    result = simulate(household)
    allowance = result.select("maternity_allowance")[0].amount
    result.to_dict()
    del result, household
    caches = model_caches()
    assert set(caches) == ALLOWED
    held = [r for cache in caches.values() for r in reachable(cache)]
    assert any(isinstance(r, str) and "{" in r for r in held)  # the walk does reach what the caches hold
    for figure in (SALARY, SALARY * 2, allowance, 1234567):
        assert figure not in [r for r in held if isinstance(r, int | float)]
    assert not any(isinstance(r, str) and ("12,345.67" in r or "12345.67" in r) for r in held)
