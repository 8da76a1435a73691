"""The background embedder as a child of gunicorn's master: started with the server, restarted
if it ever exits, stopped with the server. A process of its own, so the language model's CPU
seconds never run inside a web worker's event loop."""

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
RESTART_AFTER_SECONDS = 5.0
log = logging.getLogger(__name__)


def one_math_thread() -> dict:
    """Its math library on one thread: a story at a time needs no more, and on a many-core
    server a pool per core would compete with the web workers for every core."""
    env = os.environ.copy()
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(name, "1")
    return env


class BackgroundEmbedder:
    def __init__(self, command: list[str] | None = None) -> None:
        self.command = command or [
            sys.executable,
            "-m",
            "flask",
            "--app",
            str(ROOT / "app.py"),
            "themes",
            "embed",
            "--watch",
        ]
        self._process: subprocess.Popen | None = None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._supervise, name="embedder", daemon=True)
        self._thread.start()

    def _supervise(self) -> None:
        while not self._stopping.is_set():
            self._process = subprocess.Popen(self.command, cwd=ROOT, env=one_math_thread())
            code = self._process.wait()
            if not self._stopping.is_set():
                log.warning("The story embedder exited (%s); restarting it.", code)
                self._stopping.wait(RESTART_AFTER_SECONDS)

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
        if self._thread is not None:
            self._thread.join(timeout)
