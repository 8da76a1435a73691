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


def cpu_seconds(root_pid: int, database: bool = False) -> dict[tuple[str, int], float]:
    """User + system CPU of gunicorn's master, workers and story embedder (and, with
    database=True, of every PostgreSQL server process), by (role, pid): the difference of
    two readings is what the room cost."""
    processes = []
    with contextlib.suppress(psutil.NoSuchProcess):
        root = psutil.Process(root_pid)
        processes = [root, *root.children(recursive=True)]
    if database:
        processes += [p for p in psutil.process_iter(["name"]) if p.info["name"] == "postgres"]
    spent = {}
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = process.cpu_times()
            spent[(_role(process), process.pid)] = times.user + times.system
    return spent


def _role(process) -> str:
    if process.name() == "postgres":
        return "database"
    command = " ".join(process.cmdline())
    return "embedder" if "embed" in command else "app"


def cpu_between(before: dict, after: dict) -> dict[str, float]:
    """CPU seconds by role between two readings; a process started in between counts whole."""
    spent: dict[str, float] = {}
    for key, seconds in after.items():
        spent[key[0]] = spent.get(key[0], 0.0) + seconds - before.get(key, 0.0)
    return spent


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
