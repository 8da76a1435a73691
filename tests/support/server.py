"""The real server (gunicorn + gevent, as `make run` starts it) in a subprocess.

Used by the restart tests and by the benchmarks in bench/.
"""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class GunicornServer:
    """A scratch database, the production server config, and start / kill / restart."""

    def __init__(self, database_url: str | None = None, extra_env: dict | None = None):
        self.scratch = tempfile.mkdtemp(prefix="aiw-server-")
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ)
        self.env.update(
            FLASK_APP="app.py",
            SECRET_KEY="server-test-secret",
            DATABASE_URL=database_url or f"sqlite:///{self.scratch}/server.sqlite3",
            PORT=str(self.port),
            HOST="127.0.0.1",
            PUBLIC_URL=self.base_url,
            # No story embedder unless a caller asks: tests need no language model's CPU.
            BACKGROUND_EMBEDDER="0",
            RATELIMIT_FILE=f"{self.scratch}/ratelimit.sqlite3",
        )
        self.env.update(extra_env or {})
        self.process = None
        self.flask("db", "upgrade")

    def flask(self, *args: str, stdin: str | None = None) -> str:
        result = subprocess.run(
            [str(BIN / "flask"), *args], cwd=ROOT, env=self.env, input=stdin, text=True,
            capture_output=True, check=True,
        )  # fmt: skip
        return result.stdout.strip()

    def start(self) -> "GunicornServer":
        self.log_path = Path(self.scratch) / "server.log"
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py", "app:app"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.base_url}/healthz", timeout=1)
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def kill(self) -> None:
        """kill -9 the whole process group: master and workers die mid-request."""
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
            self.process = None

    def seed(self, phase: str = "discover") -> tuple[str, str, str]:
        """A facilitator and a workshop; returns (email, password, join code)."""
        email, password = "lead@example.com", "a long password 123"
        self.flask(
            "create-facilitator", "--email", email, "--password-stdin", stdin=password + "\n"
        )
        code = self.flask("workshop", "create", "--facilitator", email, "--name", "Test workshop")
        self.flask("workshop", "phase", code, phase)
        return email, password, code
