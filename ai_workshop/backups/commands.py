"""`flask backup` and `flask restore`: the whole database to a file and back again."""

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import text

from ai_workshop.backups import postgres_dumps as pg
from ai_workshop.backups.files import (
    BackupError,
    backup_folder,
    check_destination,
    describe_size,
    discard,
    partial_file,
    place,
    timestamped,
)
from ai_workshop.backups.schema import require_known, upgrade_from
from ai_workshop.backups.sqlite_copies import (
    check_integrity,
    copy_database,
    has_tables,
    read_contents,
    restore_into,
    take_over,
)
from ai_workshop.db.sqlite_sync import sqlite_file
from ai_workshop.extensions import db

PREFIX = "ai-workshop"
SAFETY_PREFIX = "pre-restore"
T = TypeVar("T")


@click.command("backup")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: a new timestamped file in the instance folder's backups/).",
)
def backup_command(output: Path | None) -> None:
    """Write a checked copy of the whole database.

    Safe while the server runs. On PostgreSQL it runs pg_dump.
    """
    uri = current_app.config["SQLALCHEMY_DATABASE_URI"]
    try:
        if _on_postgres(uri):
            _backup_postgres(uri, output)
        else:
            _backup_sqlite(_database_file(uri), output)
    except BackupError as error:
        raise click.ClickException(error.message) from None


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore_command(path: Path, yes: bool) -> None:
    """Replace the database with a backup.

    Stop the server first. A safety copy of the current database is kept, and a backup
    made by an older version is brought up to date. On PostgreSQL it runs pg_restore.
    """
    uri = current_app.config["SQLALCHEMY_DATABASE_URI"]
    _close_app_connections()
    try:
        if not path.is_file():  # a FIFO or a device would hang or feed the restore for ever
            raise BackupError(_("%(path)s is not a regular file. Nothing was changed.", path=path))
        if _on_postgres(uri):
            before = _restore_postgres(uri, path, yes)
        else:
            before = _restore_sqlite(_database_file(uri), path, yes)
        if before is None:
            click.echo(_("Nothing was changed."))
            click.get_current_context().exit(1)
        _upgrade_schema(before)
    except BackupError as error:
        raise click.ClickException(error.message) from None


def _on_postgres(uri: str) -> bool:
    return uri.startswith("postgresql")


def _database_file(uri: str) -> Path:
    path = sqlite_file(uri)
    if path is None:
        raise BackupError(
            _("Backups cover an SQLite file or PostgreSQL; this database is neither.")
        )
    return Path(path)


def _close_app_connections() -> None:
    db.session.remove()
    db.engine.dispose()


def _default_destination(suffix: str, prefix: str = PREFIX) -> Path:
    return timestamped(backup_folder(current_app.instance_path), prefix, suffix)


def _written_and_checked(
    destination: Path, write: Callable[[Path], None], check: Callable[[Path], T]
) -> T:
    """Write under a partial name, check it, and only then give it its name; returns what
    the check found. A failed copy leaves nothing behind."""
    check_destination(destination)
    partial = partial_file(destination)
    try:
        write(partial)
        found = check(partial)
        place(partial, destination)
    except BaseException:
        discard(partial)
        raise
    return found


def _sqlite_copy(source: Path, destination: Path, check: Callable[[Path, Path], T]) -> T:
    return _written_and_checked(
        destination,
        lambda partial: copy_database(source, partial),
        lambda copy: check(copy, source),
    )


def _postgres_copy(uri: str, destination: Path, check: Callable[[Path], T]) -> T:
    return _written_and_checked(destination, lambda partial: pg.dump(uri, partial), check)


def _backup_sqlite(database: Path, output: Path | None) -> None:
    if not database.is_file():
        raise BackupError(
            _("There is no database at %(path)s yet: nothing to back up.", path=database)
        )
    destination = output or _default_destination(".sqlite3")
    contents = _sqlite_copy(database, destination, read_contents)
    click.echo(_("Backup written to %(path)s", path=destination))
    click.echo(_("  size: %(size)s", size=describe_size(destination.stat().st_size)))
    click.echo(
        _("  checked: integrity ok, schema revision %(revision)s", revision=contents.revision)
    )
    click.echo(_("  holds: %(summary)s", summary=contents.summary()))
    click.echo(_('Keep a copy off this computer: see "Backups and restore" in docs/deploy.md.'))


def _backup_postgres(uri: str, output: Path | None) -> None:
    destination = output or _default_destination(".dump")
    missing = pg.missing_tool("pg_dump", "pg_restore")
    if missing:
        raise BackupError(pg.guidance(missing, [pg.dump_command(uri, destination)]))
    revision = _postgres_copy(uri, destination, pg.archive_revision)
    click.echo(_("Backup written to %(path)s", path=destination))
    click.echo(_("  size: %(size)s", size=describe_size(destination.stat().st_size)))
    click.echo(_("  checked: pg_restore reads it, schema revision %(revision)s", revision=revision))


def _confirmed(yes: bool, backup: Path, target: str, summary: str) -> bool:
    click.echo(_("Restore %(backup)s (%(summary)s)", backup=backup, summary=summary))
    click.echo(_("  into %(target)s, replacing everything it holds now.", target=target))
    click.echo(_("The AI Workshop server must be stopped during a restore."))
    return yes or click.confirm(_("Replace the current database?"), default=False)


def _restore_sqlite(database: Path, backup: Path, yes: bool) -> str | None:
    """Restore a backup file; returns its schema revision, or None when not confirmed."""
    if backup.resolve() == database.resolve():
        raise BackupError(_("%(path)s is the current database itself.", path=backup))
    contents = _inspected(read_contents, backup)
    require_known(contents.revision, backup)
    connection = take_over(database)
    try:
        if not _confirmed(yes, backup, str(database), contents.summary()):
            return None
        if has_tables(database):
            safety = _default_destination(".sqlite3", SAFETY_PREFIX)
            _sqlite_copy(database, safety, check_integrity)
            click.echo(_("Safety copy of the current database: %(path)s", path=safety))
        restore_into(backup, connection)
    finally:
        connection.close()
    click.echo(_("Restored %(path)s.", path=backup))
    return contents.revision


def _other_postgres_sessions() -> int:
    with db.engine.connect() as connection:
        count = connection.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            )
        ).scalar_one()
    db.engine.dispose()
    return count


def _drop_current_tables() -> str:
    """SQL that drops this version's tables, run in the restore's own transaction, so that
    a backup made by an older version restores cleanly (pg_restore --clean drops only what
    the archive holds, and a table added since would keep a foreign key to one of them)."""
    names = ", ".join(f'public."{name}"' for name in [*db.metadata.tables, "alembic_version"])
    return f"DROP TABLE IF EXISTS {names} CASCADE;"


def _restore_postgres(uri: str, archive: Path, yes: bool) -> str | None:
    missing = pg.missing_tool("pg_restore", "pg_dump", "psql")
    if missing:
        safety = pg.dump_command(uri, f"{SAFETY_PREFIX}.dump")
        steps = [safety, pg.restore_command(uri, archive), ["flask", "db", "upgrade"]]
        raise BackupError(pg.guidance(missing, steps))
    revision = _inspected(pg.archive_revision, archive)
    require_known(revision, archive)
    known = set(db.metadata.tables) | {"alembic_version"}
    _inspected(lambda path: pg.check_archive_objects(path, known), archive)
    folder = Path(tempfile.mkdtemp(prefix="aiw-restore-"))
    try:
        script = folder / "restore.sql"
        _inspected(lambda path: pg.restore_script(path, script), archive)
        return _restore_postgres_script(uri, archive, script, revision, yes)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _restore_postgres_script(
    uri: str, archive: Path, script: Path, revision: str, yes: bool
) -> str | None:
    others = _other_postgres_sessions()
    if others:
        raise BackupError(
            _(
                "%(count)s other connections are open on this database, most likely the AI "
                "Workshop server. Stop the server, then run the restore again. "
                "Nothing was changed.",
                count=others,
            )
        )
    if not _confirmed(yes, archive, pg.shown_url(uri), _("schema revision %(r)s", r=revision)):
        return None
    safety = _default_destination(".dump", SAFETY_PREFIX)
    _postgres_copy(uri, safety, lambda _path: None)
    click.echo(_("Safety copy of the current database: %(path)s", path=safety))
    try:
        pg.restore(uri, script, _drop_current_tables())
    except BackupError as error:
        raise BackupError(f"{error.message} {_('Nothing was changed.')}") from None
    click.echo(_("Restored %(path)s.", path=archive))
    return revision


def _upgrade_schema(before: str) -> None:
    try:
        head, upgraded = upgrade_from(before)
    finally:
        _close_app_connections()
    if upgraded:
        click.echo(_("Schema brought up to date: %(before)s -> %(head)s", before=before, head=head))
    else:
        click.echo(_("Schema already up to date (%(revision)s).", revision=head))


def _inspected(check: Callable[[Path], T], path: Path) -> T:
    """What a backup holds; a refusal says that the current database was left alone."""
    try:
        return check(path)
    except BackupError as error:
        raise BackupError(f"{error.message} {_('Nothing was changed.')}") from None
