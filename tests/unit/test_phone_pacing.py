"""Phone pages after a phase change: spread over time, and rendered a few at a time."""

import threading
import time

from flask import Flask

from ai_workshop.api.serializers import MAX_REDRAW_SPREAD_MS, redraw_spread_ms
from ai_workshop.phone.pacing import paced


def test_a_small_room_reloads_at_once_and_a_large_one_spreads_out():
    app = Flask(__name__)
    app.config["PHONE_PAGES_PER_SECOND"] = 200
    with app.app_context():
        assert redraw_spread_ms(12) == 60
        assert redraw_spread_ms(500) == 2500
        assert redraw_spread_ms(50_000) == MAX_REDRAW_SPREAD_MS


def test_pages_take_turns():
    app = Flask(__name__)
    app.config["PHONE_PAGES_AT_ONCE"] = 2
    inside, most = [0], [0]
    lock = threading.Lock()

    @paced
    def render():
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        time.sleep(0.02)
        with lock:
            inside[0] -= 1

    def request():
        with app.app_context():
            render()

    threads = [threading.Thread(target=request) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 2
