"""bench/engine.py --compare REV builds a worktree of REV, runs both trees' batches and removes the worktree.

Not a timing test (speed is read from the bench's own output): it checks the machinery on the smallest run,
that each tree's run really imports that tree, and that nothing is left behind."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                                reason="needs a git checkout")


def worktrees() -> str:
    return subprocess.run(["git", "-C", str(ROOT), "worktree", "list"], capture_output=True, text=True,
                          check=True).stdout


def test_compare_head_prints_both_trees_and_the_ratio_and_removes_its_worktree():
    proc = subprocess.run([sys.executable, "bench/engine.py", "--compare", "HEAD", "--rounds", "2", "--n", "5",
                           "--trials", "1"], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "REV: HEAD = " in out
    assert "2 rounds; each runs both trees" in out
    ratio = [ln for ln in out.splitlines() if ln.startswith("ratio current/REV: ")]
    assert len(ratio) == 1
    assert float(ratio[0].split(": ")[1]) > 0
    assert "bench-compare-" not in worktrees()


def test_a_revision_that_does_not_exist_is_refused_before_any_worktree_is_made():
    proc = subprocess.run([sys.executable, "bench/engine.py", "--compare", "no-such-revision-xyz"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "--compare: 'no-such-revision-xyz' is not a commit of this repository"
    assert "bench-compare-" not in worktrees()
