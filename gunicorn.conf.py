"""gunicorn settings for `make run`: gevent workers hold long-lived live streams cheaply."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
# One worker by default: SQLite wants a single writer process. Use WORKERS with PostgreSQL.
workers = int(os.environ.get("WORKERS", "1"))
worker_class = "gevent"
worker_connections = int(os.environ.get("WORKER_CONNECTIONS", "4000"))
timeout = 30
graceful_timeout = 5
keepalive = 5
accesslog = "-" if os.environ.get("ACCESS_LOG") else None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
