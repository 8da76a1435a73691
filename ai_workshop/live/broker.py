"""Wakes the live streams of this process that watch a workshop."""

import threading


class LocalBroker:
    """Thread- and greenlet-safe: one event per watched workshop, replaced after each wake."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: dict[int, threading.Event] = {}

    def waiter(self, workshop_id: int) -> threading.Event:
        """Take the event before reading state, so no publish slips in between."""
        with self._lock:
            return self._events.setdefault(workshop_id, threading.Event())

    def publish(self, workshop_id: int) -> None:
        with self._lock:
            waiting = self._events.pop(workshop_id, None)
        if waiting is not None:
            waiting.set()

    def publish_all(self) -> None:
        """After a lost channel connection: every stream re-reads, since anything may have changed."""
        with self._lock:
            waiting, self._events = list(self._events.values()), {}
        for event in waiting:
            event.set()
