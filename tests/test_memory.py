"""The engine's caches of a household's figures can be emptied (the kiosk does at each start over): a
visitor's typed salary, the amounts and splits worked out from it, and the text made from them."""

from simulator import Household, income_tax, money, simulate
from simulator.memory import forget_households

SALARY = 12345.67  # typed with fen: held in the cache of typed yuan


def family():
    return Household.model_validate({
        "hukou_area": "bengshan", "as_of": "2026-06-30", "tax_split": "best",
        "mother": {"employer": "private", "insurance": "employee", "monthly_salary": SALARY},
        "father": {"employer": "soe", "insurance": "employee", "monthly_salary": 9000},
        "children": [{"birth_date": "2024-02-10"}, {"birth_date": "2026-05-20"}]})


def test_after_forgetting_no_cache_holds_the_visitors_figures():
    result = simulate(family())
    for ln in result.lines:
        ln.text("zh")
    assert SALARY in money._FEN
    assert money.fmt.cache_info().currsize > 0
    assert income_tax._splits.cache_info().currsize > 0 and income_tax._advice.cache_info().currsize > 0
    forget_households()
    assert SALARY not in money._FEN and not money._FEN
    assert money.fmt.cache_info().currsize == 0
    assert income_tax._splits.cache_info().currsize == 0 and income_tax._advice.cache_info().currsize == 0


def test_a_family_worked_out_after_forgetting_comes_out_the_same():
    before = simulate(family()).to_dict()
    forget_households()
    assert simulate(family()).to_dict() == before
