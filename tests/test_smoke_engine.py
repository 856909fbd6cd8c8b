from simulator import load_example, simulate


def test_example_family_gets_a_2000_yuan_second_child_subsidy():
    result = simulate(load_example())
    second = [ln for ln in result.select("birth_subsidy") if ln.child == 2]
    assert [ln.amount for ln in second] == [2000]
