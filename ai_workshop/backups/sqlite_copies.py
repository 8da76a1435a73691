"""Copies of the SQLite database made with SQLite's online backup API, and their checks."""

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from flask_babel import gettext as _

from ai_workshop.backups.files import BackupError

# The tables whose row counts tell an operator at a glance what a backup holds.
MAIN_TABLES = {"workshop": "workshops", "participant": "participants", "story": "stories"}


@dataclass(frozen=True)
class Contents:
    revision: str
    counts: dict[str, int]

    def summary(self) -> str:
        return ", ".join(f"{label}: {count:,}" for label, count in self.counts.items())


def copy_database(source: Path | str, destination: Path | str) -> None:
    """Copy a live database into destination, a new file of its own (no -wal beside it).

    The copy is made in one step, inside one read transaction: a consistent snapshot, while
    the write-ahead log lets the server go on writing. A copy in several steps would start
    again each time the server wrote, and on a busy room might never finish.
    """
    source_connection = sqlite3.connect(source, timeout=30)
    try:
        copy = sqlite3.connect(destination)
        try:
            source_connection.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    finally:
        source_connection.close()


# Reading a backup may take this long, whatever it holds; then it is refused.
READ_SECONDS = 120.0
# SQLite's own tables, which any database may hold beside the app's.
SQLITE_TABLES = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"}


def _open_read_only(path: Path) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise BackupError(_("Cannot open %(path)s: %(error)s", path=path, error=error)) from error
    deadline = time.monotonic() + READ_SECONDS
    # Called every few thousand steps of SQLite's engine: past the deadline it stops the
    # statement, so no file can keep a restore reading for ever.
    connection.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    return connection


def _only_known_objects(connection: sqlite3.Connection, shown: Path | str) -> None:
    """A backup may hold the app's tables and their indexes, nothing else: a trigger or a
    view is code that would run later, inside the live database."""
    from ai_workshop.extensions import db

    known = set(db.metadata.tables) | {"alembic_version"} | SQLITE_TABLES
    for kind, name in connection.execute("SELECT type, name FROM sqlite_master"):
        if kind == "index":
            continue
        if kind != "table" or name not in known:
            raise BackupError(
                _(
                    "%(path)s holds a %(kind)s named %(name)s, which AI Workshop never makes; "
                    "it is not restored.",
                    path=shown,
                    kind=kind,
                    name=name[:60],
                )
            )


def _checked_tables(connection: sqlite3.Connection, path: Path | str) -> set[str]:
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.OperationalError as error:
        if "interrupted" in str(error):
            raise BackupError(
                _("%(path)s took too long to read; it is not restored.", path=path)
            ) from error
        raise BackupError(
            _("%(path)s is not an SQLite database (%(error)s).", path=path, error=error)
        ) from error
    except sqlite3.DatabaseError as error:
        raise BackupError(
            _("%(path)s is not an SQLite database (%(error)s).", path=path, error=error)
        ) from error
    if problems != ["ok"]:
        raise BackupError(
            _("%(path)s is damaged: %(problem)s", path=path, problem="; ".join(problems[:3]))
        )
    return tables


def check_integrity(path: Path, shown_as: Path | None = None) -> None:
    """BackupError unless path is an undamaged SQLite database, whatever it holds."""
    connection = _open_read_only(path)
    try:
        _checked_tables(connection, shown_as or path)
    finally:
        connection.close()


def read_contents(path: Path, shown_as: Path | None = None) -> Contents:
    """Check a copy and say what it holds; BackupError when it is no AI Workshop database.

    shown_as names the file in messages: the database a fresh copy was taken from.
    """
    connection = _open_read_only(path)
    shown = shown_as or path
    try:
        tables = _checked_tables(connection, shown)
        if not {"alembic_version", "workshop"} <= tables:
            raise BackupError(
                _(
                    "%(path)s is an SQLite database, but not one of AI Workshop's "
                    "(it has no alembic_version or workshop table).",
                    path=shown,
                )
            )
        _only_known_objects(connection, shown)
        revisions = [
            row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
        ]
        if len(revisions) != 1:
            raise BackupError(
                _("%(path)s records no single schema revision; it cannot be used.", path=shown)
            )
        counts = {
            label: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table, label in MAIN_TABLES.items()
            if table in tables
        }
        return Contents(revision=revisions[0], counts=counts)
    finally:
        connection.close()


def has_tables(path: Path) -> bool:
    connection = _open_read_only(path)
    try:
        return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    finally:
        connection.close()


def take_over(path: Path) -> sqlite3.Connection:
    """A connection to the configured database, or BackupError if another program has it open.

    Leaving WAL mode needs every other connection closed, so it is a reliable test for a
    server still running on this database (its connections stay open between requests).
    The app's next connection turns WAL back on.
    """
    try:
        connection = sqlite3.connect(path, timeout=2, isolation_level=None)
    except sqlite3.Error as error:
        raise BackupError(_("Cannot open %(path)s: %(error)s", path=path, error=error)) from error
    try:
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        connection.close()
        if "locked" not in str(error) and "busy" not in str(error):
            raise BackupError(
                _("Cannot open %(path)s: %(error)s", path=path, error=error)
            ) from error
        mode = "in use"
    except sqlite3.DatabaseError as error:
        connection.close()
        raise BackupError(
            _(
                "The current database %(path)s is not readable (%(error)s); move it aside, "
                "then restore again.",
                path=path,
                error=error,
            )
        ) from error
    if mode != "delete":
        connection.close()
        raise BackupError(
            _(
                "The database %(path)s is open in another program, most likely the AI Workshop "
                "server. Stop the server, then run the restore again. Nothing was changed.",
                path=path,
            )
        )
    return connection


def restore_into(backup: Path, target: sqlite3.Connection) -> None:
    """Replace the target's whole content with the backup's, in one step."""
    source = _open_read_only(backup)
    try:
        source.backup(target)
    finally:
        source.close()
    target.execute("PRAGMA journal_mode=WAL")
