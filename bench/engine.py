"""Engine benchmark: per-household cost of simulate() and batch throughput, on one core.

    python bench/engine.py [--n 1000] [--trials 5]

The household: three children (2024, 2026, 2028 births, education to 22: 2024–2050), both parents taxed,
'best' split, provident-fund loan with a known ceiling. Batch = parse one JSON line, simulate, write one JSON
line, as `python -m simulator simulate --batch` does.

Then the same two measures over a mix of families (seeded random: 0–4 children born 2010–2031, twins, every
area, job, insurance and split), so the figures are not only those of one household shape.

The batch is run ``--trials`` times and the best and the median are printed: on a shared machine other work
only ever adds time, so the best is the closest to what the code costs, and the median says how noisy the
run was.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator import default_parameters, parse_case, simulate
from simulator.cli import main as cli_main

CASE = {
    "schema_version": 1, "hukou_area": "bengshan", "tax_split": "best", "as_of": "2026-11-28",
    "mother": {"employer": "private", "insurance": "employee", "monthly_salary": 9000, "monthly_contributions": 1900,
               "employer_avg_monthly_wage": 8500},
    "father": {"employer": "soe", "insurance": "employee", "monthly_salary": 14000, "monthly_contributions": 2900,
               "other_annual_deductions": 12000},
    "children": [{"birth_date": "2024-02-10"}, {"birth_date": "2026-05-20", "difficult_birth": True},
                 {"birth_date": "2028-09-01"}],
    "housing": {"first_provident_fund_loan": True, "provident_fund_loan_ceiling": 500000, "loan_years": 30},
}


def bench_cases(n: int) -> list[dict]:
    # vary the salary: no cross-run caching
    return [dict(CASE, mother=dict(CASE["mother"], monthly_salary=8000 + i % 500)) for i in range(n)]


def mixed_cases(n: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    areas = ("longzihu", "bengshan", "yuhui", "huaishang", "huaiyuan", "wuhe", "guzhen", "outside")

    def parent() -> dict:
        salary = rng.choice((0, 3000, 5500, 8000, 12000, 20000, 35000))
        return {"employer": rng.choice(("state_organ", "public_institution", "soe", "private", "flexible", "none")),
                "insurance": rng.choice(("employee", "flexible_employee", "resident", "none")),
                "monthly_salary": salary, "monthly_contributions": round(salary * rng.choice((0, 0.1, 0.22)), 2),
                "other_annual_deductions": rng.choice((0, 12000, 36000)),
                "employer_avg_monthly_wage": rng.choice((None, 6000, 9000))}

    cases = []
    for _ in range(n):
        children = []
        for _ in range(rng.choice((0, 1, 2, 2, 3, 3, 4))):
            child = {"birth_date": f"{rng.randint(2010, 2031)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                     "difficult_birth": rng.random() < 0.3}
            children.append(child)
            if rng.random() < 0.05:
                children.append(dict(child))  # twins
        cases.append({"schema_version": 1, "hukou_area": rng.choice(areas), "as_of": "2026-11-28",
                      "tax_split": rng.choice(("best", "best", "mother", "father", "half")),
                      "mother": parent(), "father": parent() if rng.random() < 0.9 else None, "children": children,
                      "housing": {"first_provident_fund_loan": rng.random() < 0.5,
                                  "provident_fund_loan_ceiling": rng.choice((None, 300000, 600000)),
                                  "loan_years": rng.choice((10, 20, 30))}})
    return cases


def per_household(cases: list[dict]) -> list[float]:
    params = default_parameters()
    times = []
    for case in cases:
        hh = parse_case(case)
        t = time.perf_counter()
        simulate(hh, params)
        times.append(time.perf_counter() - t)
    return times


def batch(cases: list[dict], detail: bool) -> float:
    n = len(cases)
    path = Path(os.environ.get("TMPDIR", "/tmp")) / "bench_engine_cases.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for case in cases:
            f.write(json.dumps(case) + "\n")
    args = ["simulate", "--batch", str(path)] + (["--detail"] if detail else [])
    result_path = path.with_suffix(".out.jsonl")
    with result_path.open("wb") as raw, io.TextIOWrapper(raw, encoding="utf-8") as out:  # stdout to a file
        t = time.perf_counter()
        with redirect_stdout(out):
            rc = cli_main(args)
            out.flush()
        elapsed = time.perf_counter() - t
    with result_path.open("rb") as f:
        assert rc == 0 and sum(1 for _ in f) == n
    result_path.unlink()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--trials", type=int, default=5)
    args = ap.parse_args()
    n, trials = args.n, args.trials
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    params = default_parameters()
    r = simulate(parse_case(CASE), params)
    print(f"household: 3 children, years {r.first_year}-{r.last_year} ({r.last_year - r.first_year + 1}), "
          f"{len(r.lines)} lines, best split")
    per_household(bench_cases(200))  # warm up
    report(bench_cases(n), trials)
    fixed = min(batch([], False) for _ in range(trials))
    print(f"a batch run's fixed cost (arguments, loading the policy pack), included above: {fixed * 1e3:.1f} ms "
          f"= {fixed / n * 1e3:.3f} ms per household at n={n}")
    mixed = mixed_cases(n)
    lines = [len(simulate(parse_case(c), params).lines) for c in mixed[:200]]
    print(f"mixed families (seeded random, n={n}): {statistics.fmean(lines):.0f} lines on average, "
          f"{max(lines)} at most")
    report(mixed, trials)


def report(cases: list[dict], trials: int) -> None:
    n = len(cases)
    ts = sorted(per_household(cases))
    print(f"simulate() per household: mean {statistics.fmean(ts) * 1e3:.3f} ms, "
          f"p50 {ts[len(ts) // 2] * 1e3:.3f} ms, p95 {ts[int(len(ts) * 0.95)] * 1e3:.3f} ms  (n={n})")
    for detail in (False, True):
        runs = sorted(batch(cases, detail) for _ in range(trials))
        best, median = runs[0], runs[len(runs) // 2]
        print(f"batch{' --detail' if detail else ''}: {n} households, best of {trials}: {best / n * 1e3:.3f} ms per "
              f"household = {n / best:.0f} households/s (median {median / n * 1e3:.3f} ms; parse + simulate + JSON "
              "line)")


if __name__ == "__main__":
    main()
