"""Start the real server (gunicorn + gevent, as `make run` does) on a scratch SQLite database."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flask(env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [str(BIN / "flask"), *args], cwd=ROOT, env=env, input=stdin, text=True,
        capture_output=True, check=True,
    )  # fmt: skip
    return result.stdout.strip()


@contextmanager
def running_server(database_url: str | None = None, extra_env: dict | None = None):
    """Yield (base_url, env) for a seeded server: facilitator bench@example.com, one workshop."""
    scratch = tempfile.mkdtemp(prefix="aiw-bench-")
    port = free_port()
    env = dict(os.environ)
    env.update(
        FLASK_APP="app.py",
        SECRET_KEY="bench-secret",
        DATABASE_URL=database_url or f"sqlite:///{scratch}/bench.sqlite3",
        PORT=str(port),
        HOST="127.0.0.1",
        PUBLIC_URL=f"http://127.0.0.1:{port}",
        **(extra_env or {}),
    )
    flask(env, "db", "upgrade")
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py", "app:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base_url}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield base_url, env
    finally:
        server.terminate()
        server.wait(timeout=10)


def seed(env: dict, phase: str = "discover") -> tuple[str, str, str]:
    email, password = "bench@example.com", "bench password 123"
    flask(env, "create-facilitator", "--email", email, "--password-stdin", stdin=password + "\n")
    code = flask(env, "workshop", "create", "--facilitator", email, "--name", "Bench workshop")
    flask(env, "workshop", "phase", code, phase)
    return email, password, code
