"""One caller per key does the work while the others with the same key wait for it.

After a phase change a thousand phones ask at once for the same thing (the room's stage,
the room's page): the first computes it, the rest wait and then find it ready.
"""

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class OnePerKey:
    def __init__(self, most: int = 10_000) -> None:
        self._most = most
        self._lock = threading.Lock()
        self._locks: dict = {}

    def get_or_make(self, key, ready: Callable[[], T | None], make: Callable[[], T]) -> T:
        """ready() if it has an answer; else make() by one caller at a time for this key,
        each waiter asking ready() again first."""
        found = ready()
        if found is not None:
            return found
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            found = ready()
            if found is None:
                found = make()
        with self._lock:
            if len(self._locks) > self._most:
                self._locks.clear()
        return found
