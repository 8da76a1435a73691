"""PostgreSQL backups with PostgreSQL's own tools: pg_dump writes them, pg_restore reads them.

The tools are given the database URL without its password, which travels in PGPASSWORD,
so no password appears in a process list or in what is printed.
"""

import os
import shlex
import shutil
import subprocess
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy.engine import URL, make_url

from ai_workshop.backups.files import BackupError

RESTORE_OPTIONS = ("--clean", "--if-exists", "--no-owner", "--single-transaction")


def shown_url(database_uri: str) -> str:
    """The URL for libpq tools: the plain postgresql:// scheme, and no password."""
    url = make_url(database_uri)
    plain = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return plain.render_as_string(hide_password=False)


def _environment(database_uri: str) -> dict[str, str]:
    environment = dict(os.environ)
    password = make_url(database_uri).password
    if password:
        environment["PGPASSWORD"] = str(password)
    return environment


def missing_tool(*names: str) -> str | None:
    return next((name for name in names if shutil.which(name) is None), None)


def dump_command(database_uri: str, output: Path | str) -> list[str]:
    return ["pg_dump", "--format=custom", f"--file={output}", f"--dbname={shown_url(database_uri)}"]


def restore_command(database_uri: str, archive: Path | str) -> list[str]:
    return ["pg_restore", *RESTORE_OPTIONS, f"--dbname={shown_url(database_uri)}", str(archive)]


def guidance(tool: str, commands: list[list[str]]) -> str:
    steps = "\n".join(f"  {shlex.join(command)}" for command in commands)
    return _(
        "%(tool)s was not found on PATH: it comes with PostgreSQL's client tools "
        "(Debian and Ubuntu: apt install postgresql-client). Run this where they are "
        "installed:\n\n%(steps)s\n\n"
        "The password is read from PGPASSWORD or ~/.pgpass; it is never shown here.",
        tool=tool,
        steps=steps,
    )


def _run(command: list[str], database_uri: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, env=_environment(database_uri), capture_output=True, text=True, check=False
    )


def dump(database_uri: str, output: Path) -> None:
    result = _run(dump_command(database_uri, output), database_uri)
    if result.returncode != 0:
        raise BackupError(_("pg_dump failed: %(error)s", error=result.stderr.strip()))


def archive_revision(archive: Path) -> str:
    """The schema revision recorded in a pg_dump archive; BackupError if it is not ours."""
    listing = subprocess.run(
        ["pg_restore", "--list", str(archive)], capture_output=True, text=True, check=False
    )
    if listing.returncode != 0:
        raise BackupError(
            _(
                "%(path)s is not a pg_dump archive (%(error)s).",
                path=archive,
                error=listing.stderr.strip(),
            )
        )
    tables = {
        word
        for line in listing.stdout.splitlines()
        if " TABLE DATA " in line
        for word in line.split()
    }
    if not {"alembic_version", "workshop"} <= tables:
        raise BackupError(
            _(
                "%(path)s is a pg_dump archive, but not of an AI Workshop database "
                "(it has no alembic_version or workshop table).",
                path=archive,
            )
        )
    data = subprocess.run(
        ["pg_restore", "--data-only", "--table=alembic_version", "--file=-", str(archive)],
        capture_output=True,
        text=True,
        check=False,
    )
    # The table's data comes as "COPY ... FROM stdin;", one line per row, then "\.".
    lines = data.stdout.splitlines()
    starts = [index for index, line in enumerate(lines) if line.startswith("COPY ")]
    rows = lines[starts[0] + 1 :] if len(starts) == 1 else []
    revision = rows[0].strip() if rows else ""
    if data.returncode != 0 or revision in ("", "\\."):
        raise BackupError(
            _("%(path)s records no schema revision; it cannot be used.", path=archive)
        )
    return revision


def restore(database_uri: str, archive: Path) -> None:
    result = _run(restore_command(database_uri, archive), database_uri)
    if result.returncode != 0:
        raise BackupError(_("pg_restore failed: %(error)s", error=result.stderr.strip()))
