from simulator import load_example, simulate


def test_example_family_gets_a_2000_yuan_second_child_subsidy():
    result = simulate(load_example())
    second = [ln for ln in result.select("birth_subsidy") if ln.child == 2]
    assert [ln.amount for ln in second] == [2000]


def test_lines_with_the_same_figures_stay_distinct_lines():
    # a line is a dict (its JSON record), yet two lines are equal only if they are the same line: the
    # window finds, selects and groups lines by identity, and two years' lines can hold equal figures
    result = simulate(load_example())
    tax = result.select("tax_deduction")
    same = [(a, b) for a in tax for b in tax
            if a is not b and {**a.to_dict(False), "year": 0} == {**b.to_dict(False), "year": 0}]
    assert same, "the example family has two years with the same deduction"
    a, b = same[0]
    assert a != b
    assert a == next(ln for ln in result.lines if ln is a)
    assert len({a, b}) == 2
    assert result.lines.index(b) == next(i for i, ln in enumerate(result.lines) if ln is b)
