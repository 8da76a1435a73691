"""Settings read from the environment when the app is created, never at import time."""

import os
import secrets
from pathlib import Path

PHASE_VOCABULARIES = ("4d", "4i", "5d")


def normalise_database_url(url: str) -> str:
    """Point plain PostgreSQL URLs at the psycopg 3 driver that we install."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def persistent_secret_key(instance_path: str) -> str:
    """Keep a generated key on disk so participant cookies survive a server restart."""
    key_file = Path(instance_path) / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def optional_flag(value: str | None) -> bool | None:
    """True for 1, true, yes or on; False for anything else; None when unset or blank."""
    if value is None or not value.strip():
        return None
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_config(instance_path: str) -> dict:
    """Build the configuration mapping from environment variables."""
    default_db = "sqlite:///" + str(Path(instance_path) / "ai_workshop.sqlite3")
    database_uri = normalise_database_url(os.environ.get("DATABASE_URL") or default_db)
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY"),
        "SQLALCHEMY_DATABASE_URI": database_uri,
        "PUBLIC_URL": (os.environ.get("PUBLIC_URL") or "").rstrip("/"),
        "PORT": int(os.environ.get("PORT") or 5000),
        "HOST": os.environ.get("HOST") or "127.0.0.1",
        "MAX_CONTENT_LENGTH": 256 * 1024,
        # Streams re-read the version this often: the signal between worker processes when
        # there is no PostgreSQL channel (SQLite with two workers), and a safety net with one.
        "LIVE_POLL_SECONDS": float(os.environ.get("LIVE_POLL_SECONDS") or 0.25),
        "SQLITE_LOCK_WAIT_SECONDS": 10.0,
        # Events go out at once; within this long of the last one, the stream gathers what
        # else arrives and sends it in one: under a room's load, one event per interval.
        "LIVE_COALESCE_SECONDS": float(os.environ.get("LIVE_COALESCE_SECONDS") or 0.03),
        # On: events carry the new stories drawn for the projector and console (pushed.py),
        # which insert them at once. Off: every change makes them refetch their panel.
        "LIVE_PUSH": os.environ.get("LIVE_PUSH", "1") != "0",
        # An event that makes the screen refetch its whole panel (anything but new stories
        # in Discovery) comes at most this often: each refetch draws the panel anew.
        "LIVE_REFETCH_SECONDS": float(os.environ.get("LIVE_REFETCH_SECONDS") or 0.5),
        "LIVE_HEARTBEAT_SECONDS": 15.0,
        # "auto": PostgreSQL LISTEN/NOTIFY across workers when on PostgreSQL; "local" otherwise.
        "LIVE_CHANNEL": os.environ.get("LIVE_CHANNEL") or "auto",
        # Without PostgreSQL: workers tell each other of changes over Unix sockets (siblings.py).
        "LIVE_SIBLINGS": os.environ.get("LIVE_SIBLINGS", "1") != "0",
        "STAGE_CACHE_SECONDS": 1.0,
        # Phones learn of others' new dreams, propositions and actions at most this often
        # (a new phase or screen at once): see live/stage.py.
        "CONTENT_SETTLE_SECONDS": 3.0,
        # How long a phone page drawn for the whole room is served (phone/room_page.py);
        # 0 draws every phone's page in full (bench/write_cost.py compares the two).
        "ROOM_PAGE_SECONDS": float(os.environ.get("ROOM_PAGE_SECONDS") or 3.0),
        # A phone's state poll is held at most this long while nothing changes; under the
        # 30 to 60 s after which proxies and mobile networks drop an idle request.
        "PHONE_HOLD_SECONDS": 25.0,
        # Phone pages to serve per second after a phase change, leaving room for the writes:
        # a room's reloads are spread to match. Most phones get the room's copy of their page
        # (phone/room_page.py), measured at 650-730 a second from two workers sharing this
        # 2-core machine with their clients (bench/write_cost.py). On SQLite a page renders
        # without yielding, so two at a time is plenty; on PostgreSQL each waits for a few
        # round trips, and more must be under way.
        "PHONE_PAGES_AT_ONCE": 2 if database_uri.startswith("sqlite") else 8,
        "PHONE_PAGES_PER_SECOND": float(
            os.environ.get("PHONE_PAGES_PER_SECOND") or 350 * int(os.environ.get("WORKERS") or 2)
        ),
        "LIVE_STREAM_MAX_SECONDS": 30 * 60,
        # Projector, console and board tabs one facilitator may hold open at once.
        "LIVE_STREAMS_PER_USER": 20,
        "PHONE_POLL_SECONDS": 3.0,
        # None: Secure cookies when PUBLIC_URL is https:// (see web/cookies.py).
        "SECURE_COOKIES": optional_flag(os.environ.get("SECURE_COOKIES")),
        # Past the 90-day check-in: a phone is still its owner's when the team meets again.
        "PARTICIPANT_COOKIE_DAYS": 120,
        "BABEL_DEFAULT_LOCALE": "en",
        "WTF_CSRF_TIME_LIMIT": None,
        # "minilm" (all-MiniLM-L6-v2 in NumPy, the default when installed), "static" or "tfidf".
        "THEMES_ENGINE": os.environ.get("THEMES_ENGINE") or None,
        # Stories without stored MiniLM vectors that Suggest may embed itself (about 40 ms
        # each, holding its worker); with more, it groups with the static engine and says so.
        # The background embedder (board/embedding_worker.py) normally leaves none.
        "THEMES_INLINE_STORIES": 24,
        "PDF_TIMEOUT_SECONDS": float(os.environ.get("PDF_TIMEOUT_SECONDS") or 60),
        "RATELIMIT_ENABLED": True,
        # (requests, seconds): generous for people, tight enough to stop a runaway script.
        "RATELIMIT_PARTICIPANT_WRITES": (
            int(os.environ.get("PARTICIPANT_WRITES_PER_MINUTE") or 30),
            60,
        ),
        # Per account, no lock: after 5 failures in 15 minutes each login waits 1, 2, 4 … s
        # (at most 30) before its password is checked (auth/throttle.py).
        "LOGIN_FREE_FAILURES": 5,
        "LOGIN_MAX_DELAY_SECONDS": 30,
        "LOGIN_FAILURE_WINDOW_SECONDS": 15 * 60,
        # Failed logins from one address over all accounts: a hard limit (set PROXY_HOPS
        # behind a reverse proxy, or every request comes from the proxy's address).
        "RATELIMIT_LOGIN_FAILURES_PER_ADDRESS": (100, 15 * 60),
        # Reverse proxies in front of the app whose X-Forwarded-For to trust.
        "PROXY_HOPS": int(os.environ.get("PROXY_HOPS") or 0),
        "RATELIMIT_SIGNUPS_PER_ADDRESS": (20, 60 * 60),
        # Unknown join codes looked up from one address (web/code_guesses.py).
        "RATELIMIT_UNKNOWN_CODES_PER_ADDRESS": (100, 60),
        # Where every worker counts the limits (default: instance/ratelimit-<database>.sqlite3).
        "RATELIMIT_FILE": os.environ.get("RATELIMIT_FILE") or None,
        # Plan PDFs through one leaders' link (each takes seconds of a core).
        "RATELIMIT_PDFS_PER_LINK": (30, 60 * 60),
        # Sharing says whether an e-mail has an account: tries per facilitator.
        "RATELIMIT_SHARE_LOOKUPS": (20, 60 * 60),
        # Where check-in invitations are sent from: smtp://user:password@host:port, or
        # smtps:// for TLS from the start; ?starttls=1 upgrades a plain connection. Unset:
        # the facilitator is not offered e-mail at all.
        "SMTP_URL": os.environ.get("SMTP_URL") or "",
        "MAIL_FROM": os.environ.get("MAIL_FROM") or "AI Workshop <ai-workshop@localhost>",
        # A venue's Wi-Fi puts a whole summit behind one address.
        "RATELIMIT_JOINS_PER_ADDRESS": (
            int(os.environ.get("JOINS_PER_ADDRESS_PER_MINUTE") or 3000),
            60,
        ),
    }
