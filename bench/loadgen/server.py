"""The server under load: its memory over time, and killing it mid-run."""

import contextlib
import os
import signal
import time

import psutil


def tree_rss_mb(root_pid: int) -> float:
    """Resident memory of gunicorn's master and all its workers (and their PDF children)."""
    try:
        root = psutil.Process(root_pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += process.memory_info().rss
    return total / 2**20


def kill_one_worker(root_pid: int) -> int:
    """kill -9 one worker; gunicorn's master starts a new one. Returns the killed pid."""
    workers = psutil.Process(root_pid).children()
    victim = workers[0].pid
    os.kill(victim, signal.SIGKILL)
    return victim


def kill_and_restart(server) -> float:
    """kill -9 master and workers, start again; returns seconds until it serves again."""
    server.kill()
    started = time.perf_counter()
    server.start()
    return time.perf_counter() - started
