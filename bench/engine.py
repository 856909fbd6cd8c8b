"""Engine benchmark: per-household cost of simulate() and batch throughput, on one core.

    python bench/engine.py [--n 1000] [--trials 5]
    python bench/engine.py --compare REV [--rounds 10] [--n 200] [--trials 3] [--mixed]

The household: three children (2024, 2026, 2028 births, education to 22: 2024–2050), both parents taxed,
'best' split, provident-fund loan with a known ceiling. Batch = parse one JSON line, simulate, write one JSON
line, as `python -m simulator simulate --batch` does.

Then the same two measures over a mix of families (seeded random: 0–4 children born 2010–2031, twins, every
area, job, insurance and split), so the figures are not only those of one household shape.

The batch is run ``--trials`` times and the best and the median are printed: on a shared machine other work
only ever adds time, so the best is the closest to what the code costs, and the median says how noisy the
run was.

``--compare REV`` (the speed budget) checks REV out in a temporary ``git worktree`` and times the batch of
the bench household for this tree and for REV interleaved in the same run (``--mixed`` adds the mix):
``--rounds`` rounds, each running both trees (in turn first: ABBA), each tree in a fresh process whose
``sys.path`` starts with that tree, timing the batch exactly as above (bench/batch_timer.py; the best of
``--trials`` runs after a warm-up run). It prints each tree's best and median per household, wall clock and
CPU time, and ``ratio current/REV: x.xx`` = the median over the rounds of (this tree's time / REV's time) in
the same round: a round's two runs are seconds apart, so the machine's load, which on a shared machine can
double every time, mostly cancels. The quartiles of those round ratios say how far to trust it, and the
load average is printed beside them. The worktree is removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from batch_timer import timed_batch  # (bench/, the script's own folder)

from simulator import default_parameters, parse_case, simulate
from simulator.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent

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


def write_cases(cases: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for case in cases:
            f.write(json.dumps(case) + "\n")
    return path


def batch(cases: list[dict], detail: bool) -> float:
    path = write_cases(cases, Path(os.environ.get("TMPDIR", "/tmp")) / "bench_engine_cases.jsonl")
    return timed_batch(cli_main, path, len(cases), detail)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=None, help="households per batch (default 1000; 200 with --compare)")
    ap.add_argument("--trials", type=int, default=None,
                    help="batch runs per measurement, the best kept (default 5; 3 with --compare)")
    ap.add_argument("--compare", metavar="REV", help="time this tree against git revision REV, interleaved")
    ap.add_argument("--rounds", type=int, default=10, help="with --compare: rounds of one run of each tree")
    ap.add_argument("--mixed", action="store_true", help="with --compare: also time the mix of families")
    args = ap.parse_args()
    if args.compare:
        # Not pinned to a core: on a shared machine a pinned run waits for its core while the other is idle,
        # which is noise that falls on one tree's round and not the other's. (Each run is one thread.)
        compare(args.compare, args.n or 200, args.trials or 3, args.rounds, args.mixed)
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    n, trials = args.n or 1000, args.trials or 5
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


# --- --compare REV ------------------------------------------------------------------------------------------

# Run in a fresh process with PYTHONPATH = the tree measured: times each cases file with that tree's CLI, using
# this checkout's batch_timer (loaded by path, so it does not put this tree on sys.path), and prints
# {file: [[wall, cpu] seconds per household of each trial]} as JSON.
_RUN = r"""
import importlib.util, json, sys
from pathlib import Path
tree, timer, trials, files = Path(sys.argv[1]).resolve(), sys.argv[2], int(sys.argv[3]), sys.argv[4:]
import simulator
if not Path(simulator.__file__).resolve().is_relative_to(tree):
    sys.exit(f"measured the wrong tree: {simulator.__file__} is not under {tree}")
from simulator.cli import main as cli_main
spec = importlib.util.spec_from_file_location("batch_timer", timer)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
out = {}
for name in files:
    path = Path(name)
    n = sum(1 for _ in path.open("rb"))
    mod.timed_batch(cli_main, path, n)  # warm-up: first-use costs of this process
    out[name] = [[s / n for s in mod.measure_batch(cli_main, path, n)] for _ in range(trials)]
print(json.dumps(out))
"""


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout.strip()


def _run_tree(tree: Path, files: list[Path], trials: int, cwd: Path) -> dict[str, tuple[float, float]]:
    """{file: (best wall, best CPU) seconds per household} of one fresh process measuring ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    proc = subprocess.run([sys.executable, "-c", _RUN, str(tree), str(Path(__file__).with_name("batch_timer.py")),
                           str(trials), *map(str, files)], cwd=cwd, env=env, capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark run of {tree} failed:\n{proc.stderr.strip()}")
    return {name: (min(w for w, _ in times), min(c for _, c in times))
            for name, times in json.loads(proc.stdout.splitlines()[-1]).items()}


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"


def compare(rev: str, n: int, trials: int, rounds: int, mixed: bool) -> None:
    try:
        commit = _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except subprocess.CalledProcessError:
        raise SystemExit(f"--compare: {rev!r} is not a commit of this repository") from None
    dirty = " (with uncommitted changes)" if _git("status", "--porcelain", "--untracked-files=no") else ""
    head = _git("rev-parse", "--short", "HEAD")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp_name:
        tmp = Path(tmp_name)
        other = tmp / "rev"
        _git("worktree", "add", "--detach", str(other), commit)
        try:
            files = {"bench household": write_cases(bench_cases(n), tmp / "bench.jsonl")}
            if mixed:
                files["mixed families"] = write_cases(mixed_cases(n), tmp / "mixed.jsonl")
            print(f"current: {ROOT} at {head}{dirty}\nREV: {rev} = {commit[:12]} (worktree {other})")
            print(f"load average {_load()} on {os.cpu_count()} cores at the start")
            print(f"{rounds} rounds; each runs both trees, in turn first, each in a fresh process timing a batch "
                  f"of {n} households (best of {trials} after a warm-up; a batch includes loading the policy pack)")
            times: dict[str, dict[str, list[tuple[float, float]]]] = {k: {"current": [], "rev": []} for k in files}
            for r in range(rounds):
                order = [("current", ROOT), ("rev", other)]
                for side, tree in order if r % 2 == 0 else order[::-1]:
                    best = _run_tree(tree, list(files.values()), trials, tmp)
                    for kind, path in files.items():
                        times[kind][side].append(best[str(path)])
                row = "  ".join(f"{side} {times[kind][side][-1][0] * 1e3:.3f}/{times[kind][side][-1][1] * 1e3:.3f}"
                                for kind in files for side in ("current", "rev"))
                print(f"  round {r + 1}/{rounds} ({time.perf_counter() - started:.0f} s), best wall/cpu ms: {row}",
                      file=sys.stderr)
        finally:
            removed = subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)],
                                     check=False, capture_output=True)
            if removed.returncode != 0:  # (then drop the folder, and git's record of it)
                shutil.rmtree(other, ignore_errors=True)
                subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False, capture_output=True)
    load = _load()
    for kind, sides in times.items():
        print(f"{kind} (ms per household, parse + simulate + JSON line):")
        ratio, spread = {}, {}
        for clock, i in (("wall", 0), ("cpu", 1)):
            cur, old = [t[i] * 1e3 for t in sides["current"]], [t[i] * 1e3 for t in sides["rev"]]
            paired = [c / o for c, o in zip(cur, old, strict=True)]
            ratio[clock] = statistics.median(paired)
            q1, _, q3 = statistics.quantiles(paired, n=4) if len(paired) > 1 else (paired[0],) * 3
            spread[clock] = f"{q1:.2f}–{q3:.2f}"
            print(f"  {clock:4} current: median {statistics.median(cur):.3f}, best {min(cur):.3f}; "
                  f"{rev}: median {statistics.median(old):.3f}, best {min(old):.3f}; "
                  f"round ratios: median {ratio[clock]:.3f}, quartiles {spread[clock]}; "
                  f"best/best {min(cur) / min(old):.3f}")
        label = "" if kind == "bench household" else f" ({kind})"
        print(f"ratio current/REV{label}: {ratio['wall']:.2f}")
        print(f"  (CPU time: {ratio['cpu']:.2f}; round ratios' quartiles {spread['wall']} wall, {spread['cpu']} CPU; "
              f"load average {load} on {os.cpu_count()} cores)")
    print(f"({time.perf_counter() - started:.0f} s, worktree removed)")


if __name__ == "__main__":
    main()
