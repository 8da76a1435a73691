from datetime import datetime, timedelta

from ai_workshop.models import Workshop

T0 = datetime(2026, 1, 1, 9, 0, 0)


def later(seconds):
    return T0 + timedelta(seconds=seconds)


def test_idle_timer_shows_nothing():
    workshop = Workshop()
    workshop.reset_timer()
    assert workshop.timer_snapshot(T0)["state"] == "idle"


def test_running_timer_counts_down_and_finishes():
    workshop = Workshop()
    workshop.start_timer(600, T0)
    assert workshop.timer_snapshot(later(60))["remaining_seconds"] == 540
    assert workshop.timer_state(later(601)) == "finished"
    assert workshop.timer_snapshot(later(700))["remaining_seconds"] == 0


def test_pause_freezes_and_resume_continues():
    workshop = Workshop()
    workshop.start_timer(600, T0)
    workshop.pause_timer(later(100))
    assert workshop.timer_snapshot(later(400)) == {
        "state": "paused",
        "ends_at": None,
        "remaining_seconds": 500,
        "duration_seconds": 600,
    }
    workshop.resume_timer(later(400))
    assert workshop.timer_snapshot(later(450))["remaining_seconds"] == 450


def test_extend_adds_time_whether_running_or_paused():
    workshop = Workshop()
    workshop.start_timer(60, T0)
    workshop.extend_timer(300, later(10))
    assert workshop.timer_snapshot(later(10))["remaining_seconds"] == 350
    workshop.pause_timer(later(20))
    workshop.extend_timer(60, later(30))
    assert workshop.timer_snapshot(later(30))["remaining_seconds"] == 400


def test_extend_on_an_idle_timer_starts_it():
    workshop = Workshop()
    workshop.reset_timer()
    workshop.extend_timer(120, T0)
    assert workshop.timer_state(later(1)) == "running"


def test_timer_is_capped_at_four_hours():
    workshop = Workshop()
    workshop.start_timer(10**9, T0)
    assert workshop.timer_snapshot(T0)["remaining_seconds"] == 4 * 3600
