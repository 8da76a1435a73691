"""Live announcements across the worker processes of one server without PostgreSQL: after a
commit, a datagram to each sibling's Unix socket, so a story stored by one worker reaches a
projector stream held by another at once rather than on its next poll.

Each worker binds `<pid>.sock` in a folder of its own under the temporary directory, named
for the instance and the database, so only processes serving the same data hear each other.
A socket whose process is gone refuses the datagram and is removed. Where Unix sockets are
missing (Windows), or the folder is not this user's, streams fall back to their poll.
"""

import hashlib
import logging
import os
import socket
import tempfile
import threading
import time
from pathlib import Path

from ai_workshop.live.postgres import change_from, payload_of

# The siblings' sockets are listed again after this long: workers seldom come and go.
LIST_SECONDS = 1.0
log = logging.getLogger(__name__)


def folder_for(instance_path: str, database_uri: str) -> Path:
    key = hashlib.sha256(f"{instance_path}\n{database_uri}".encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"aiw-live-{key}"


class Siblings:
    def __init__(self, app) -> None:
        self.app = app
        self.folder = folder_for(app.instance_path, app.config["SQLALCHEMY_DATABASE_URI"])
        self._lock = threading.Lock()
        self._pid = None
        self._path: Path | None = None
        self._sender: socket.socket | None = None
        self._listed: tuple[float, list[Path]] = (0.0, [])

    def ensure_started(self) -> None:
        """Bind this process's socket on its first request (after gunicorn's fork)."""
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            try:
                self._bind()
            except OSError as error:
                log.warning("live siblings off (%s); streams catch up on their poll", error)
                self._path = None

    def _bind(self) -> None:
        self.folder.mkdir(mode=0o700, exist_ok=True)
        if self.folder.stat().st_uid != os.getuid():
            raise PermissionError(f"{self.folder} belongs to another user")
        path = self.folder / f"{os.getpid()}.sock"
        path.unlink(missing_ok=True)
        receiver = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        receiver.bind(str(path))
        self._sender = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._sender.setblocking(False)
        self._path = path
        threading.Thread(
            target=self._receive, args=(receiver,), name="aiw-live-siblings", daemon=True
        ).start()

    def _siblings(self) -> list[Path]:
        listed_at, paths = self._listed
        if time.monotonic() - listed_at > LIST_SECONDS:
            paths = [path for path in self.folder.glob("*.sock") if path != self._path]
            self._listed = (time.monotonic(), paths)
        return paths

    def tell(self, changes) -> None:
        """Announce committed changes to the other workers; never fails the request."""
        if self._path is None or self._sender is None:
            return
        payloads = [payload_of(change).encode() for change in changes]
        for path in self._siblings():
            for payload in payloads:
                try:
                    self._sender.sendto(payload, str(path))
                except (ConnectionRefusedError, FileNotFoundError):
                    path.unlink(missing_ok=True)  # its process is gone
                    self._listed = (0.0, [])
                    break
                except OSError:
                    break  # its queue is full: that worker's streams catch up on their poll

    def _receive(self, receiver: socket.socket) -> None:
        from ai_workshop.live import announce

        while True:
            try:
                data = receiver.recv(4096)
                announce(self.app, change_from(data.decode()))
            except (ValueError, KeyError, TypeError, UnicodeDecodeError):
                log.warning("ignored a malformed live datagram")
            except OSError as error:
                log.warning("live siblings stopped (%s)", error)
                return


def init_siblings(app) -> None:
    """Without the PostgreSQL channel, and where Unix sockets exist."""
    wanted = app.config.get("LIVE_SIBLINGS", True)
    if not wanted or "aiw_channel" in app.extensions or not hasattr(socket, "AF_UNIX"):
        return
    siblings = app.extensions["aiw_siblings"] = Siblings(app)
    app.before_request(siblings.ensure_started)
