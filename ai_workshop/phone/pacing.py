"""Phone pages rendered a few at a time, so a room's writes are not starved by its reloads.

After a phase change every phone of the room reloads its page, a few milliseconds of a core
each. Rendered all at once they queue every story and vote sent meanwhile behind them; here
the pages wait their turn instead (waiting costs nothing, and holds no database connection),
and a write arriving in between is served after at most the pages already being rendered.
"""

import threading
from functools import wraps

from flask import current_app

_turns: dict[int, threading.BoundedSemaphore] = {}
_lock = threading.Lock()


def _semaphore() -> threading.BoundedSemaphore:
    size = current_app.config["PHONE_PAGES_AT_ONCE"]
    with _lock:
        turn = _turns.get(size)
        if turn is None:
            turn = _turns[size] = threading.BoundedSemaphore(size)
        return turn


def paced(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        with _semaphore():
            return view(*args, **kwargs)

    return wrapper
