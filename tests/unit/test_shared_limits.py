"""Rate limits counted in one file by every worker: two apps on one file (as two gunicorn
workers are) let through the documented figure, not twice it."""

import multiprocessing
import time

from ai_workshop.web.ratelimit_file import FileWindow


def test_two_windows_on_one_file_count_together(tmp_path):
    path = str(tmp_path / "limits.sqlite3")
    first, second = FileWindow(path), FileWindow(path)
    allowed = [
        window.hit("participant:1", 30, 60) is None for _ in range(30) for window in (first, second)
    ]
    assert allowed.count(True) == 30
    wait = second.hit("participant:1", 30, 60)
    assert wait is not None and 59 <= wait <= 60
    assert first.hit("participant:2", 30, 60) is None  # another key is not held back


def test_take_back_and_the_window_sliding(tmp_path):
    window = FileWindow(str(tmp_path / "limits.sqlite3"))
    assert window.hit("login", 2, 0.3) is None
    assert window.hit("login", 2, 0.3) is None
    assert window.hit("login", 2, 0.3) is not None
    window.take_back("login")
    assert window.wait("login", 2, 0.3) is None
    assert window.hit("login", 2, 0.3) is None
    time.sleep(0.35)
    assert window.wait("login", 2, 0.3) is None


def _hammer(path, results):
    window = FileWindow(path)
    results.put(sum(window.hit("joins:10.0.0.1", 50, 60) is None for _ in range(40)))


def test_worker_processes_share_the_count(tmp_path):
    path = str(tmp_path / "limits.sqlite3")
    results = multiprocessing.get_context("fork").Queue()
    workers = [
        multiprocessing.get_context("fork").Process(target=_hammer, args=(path, results))
        for _ in range(3)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert sum(results.get(timeout=5) for _ in workers) == 50
