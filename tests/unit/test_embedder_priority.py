"""The story embedder stays below the web workers: every thread of it, and one math thread."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ai_workshop.board.embedder_process import one_math_thread

ROOT = Path(__file__).resolve().parents[2]

# A thread started before lower_priority(), as a math library's pool is at import.
PROBE = """
import json, os, threading, time
started = threading.Event()
threading.Thread(target=lambda: (started.set(), time.sleep(30)), daemon=True).start()
started.wait()
from ai_workshop.board.embedding_worker import lower_priority
lower_priority()
threads = [int(tid) for tid in os.listdir("/proc/self/task")]
print(json.dumps({
    "niceness": [os.getpriority(os.PRIO_PROCESS, tid) for tid in threads],
    "idle": [os.sched_getscheduler(tid) == os.SCHED_IDLE for tid in threads],
}))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="Linux's per-thread priority")
def test_every_thread_of_the_embedder_goes_below_the_web_workers():
    found = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    threads = json.loads(found.stdout)
    assert len(threads["niceness"]) >= 2
    assert all(niceness >= 10 for niceness in threads["niceness"])
    assert all(threads["idle"])


def test_the_embedder_runs_its_math_on_one_thread_unless_told_otherwise(monkeypatch):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    env = one_math_thread()
    assert env["OPENBLAS_NUM_THREADS"] == "1" and env["MKL_NUM_THREADS"] == "1"
    assert env["OMP_NUM_THREADS"] == "3"  # an operator's own setting stays
    assert os.environ.get("OPENBLAS_NUM_THREADS") is None  # the server's own is untouched
