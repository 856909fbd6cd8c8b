"""The kiosk's exit passphrase: five wrong tries freely, then a wait of 30 s that doubles with each further
wrong try, up to 15 minutes; the right passphrase clears the count."""

import pytest

from ui.kiosk_attempts import Attempts


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


def wrong(attempts, n=1):
    for _ in range(n):
        attempts.record(False)


def test_five_wrong_tries_cost_no_wait(clock):
    a = Attempts(clock)
    wrong(a, 5)
    assert a.wait_s() == 0


def test_the_sixth_wrong_try_means_waiting_30_seconds_to_the_second(clock):
    a = Attempts(clock)
    wrong(a, 6)
    assert a.wait_s() == 30
    clock.now += 29.5
    assert a.wait_s() == 1
    clock.now += 0.5
    assert a.wait_s() == 0


@pytest.mark.parametrize(("tries", "wait"), [(7, 60), (8, 120), (9, 240), (10, 480), (11, 900), (20, 900)])
def test_each_further_wrong_try_doubles_the_wait_up_to_a_quarter_of_an_hour(clock, tries, wait):
    # 30 × 2^(tries − 6), capped at 900: the 11th would be 960
    a = Attempts(clock)
    wrong(a, tries)
    assert a.wait_s() == wait


def test_the_right_passphrase_clears_the_count(clock):
    a = Attempts(clock)
    wrong(a, 6)
    clock.now += 30
    a.record(True)
    wrong(a, 5)
    assert a.wait_s() == 0
    wrong(a)
    assert a.wait_s() == 30
