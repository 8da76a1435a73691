"""gunicorn settings for `make run`: gevent workers hold long-lived live streams cheaply."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
# Two workers by default, one per core of a laptop: writers wait for SQLite's lock
# cooperatively (database.take_write_lock), so they share it without freezing each other.
workers = int(os.environ.get("WORKERS", "2"))
worker_class = "gevent"
# Every phone keeps a held poll open, and a second connection while it sends: a summit's
# phones need more than gunicorn's default. Each needs a file descriptor (ulimit -n).
worker_connections = int(os.environ.get("WORKER_CONNECTIONS", "10000"))
# Connections waiting to be accepted: after a phase change a whole room reconnects at once
# while the workers are busy, and gunicorn's default of 2,048 can overflow with 5,000 phones
# (the kernel caps it at net.core.somaxconn).
backlog = int(os.environ.get("BACKLOG", "8192"))
timeout = 30
graceful_timeout = 5
keepalive = 5
accesslog = "-" if os.environ.get("ACCESS_LOG") else None
# gunicorn's control socket lives in the home folder, one per user: two servers started by
# one user would fight over it, and nothing here uses it.
control_socket_disable = True
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")


_embedder = None


def when_ready(_server):
    """The master flushes SQLite's log once a second (see ai_workshop/db/sqlite_sync.py) and
    keeps a story embedder running beside the workers (ai_workshop/board/embedding_worker.py);
    BACKGROUND_EMBEDDER=0 leaves it out."""
    global _embedder
    from ai_workshop.db.sqlite_sync import start_checkpoints

    start_checkpoints()
    if os.environ.get("BACKGROUND_EMBEDDER", "1") != "0":
        from ai_workshop.board.embedder_process import BackgroundEmbedder

        _embedder = BackgroundEmbedder()
        _embedder.start()


def on_exit(_server):
    if _embedder is not None:
        _embedder.stop()
