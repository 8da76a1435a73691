"""PostgreSQL backups with PostgreSQL's own tools: pg_dump writes them, pg_restore reads them.

The tools are given the database URL without its password, which travels in PGPASSWORD,
so no password appears in a process list or in what is printed.
"""

import os
import re
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


# What pg_dump writes for AI Workshop's schema; anything else (a function, a trigger, a view,
# a rule, an extension) is code a backup would bring into the live database.
ALLOWED_KINDS = (
    "TABLE DATA", "SEQUENCE OWNED BY", "SEQUENCE SET", "FK CONSTRAINT", "SEQUENCE", "TABLE",
    "DEFAULT", "CONSTRAINT", "INDEX",
)  # fmt: skip
_ENTRY = re.compile(r"^\d+; \d+ \d+ (?P<rest>.+)$")
_DEFAULT = re.compile(r"\bDEFAULT\s+(?P<value>.+?)(?:\s+NOT NULL)?\s*[,;]?\s*$")
# The defaults the app's tables have: their id sequences and constants. An expression
# (a function call) would run during the restore and at every insert after it.
_PLAIN_DEFAULT = re.compile(
    r"^(?:nextval\('public\.\w+'::regclass\)|-?\d+(?:\.\d+)?|true|false|NULL|"
    r"'[^']*'(?:::(?:character varying|text|json))?)$"
)
RESTORE_SECONDS = 600


def check_archive_objects(archive: Path, known_tables: set[str]) -> None:
    """BackupError unless the archive holds only the kinds of object the app makes, for
    tables the app knows."""
    listing = subprocess.run(
        ["pg_restore", "--list", str(archive)], capture_output=True, text=True, check=False
    )
    for line in listing.stdout.splitlines():
        entry = _ENTRY.match(line.strip())
        if line.startswith(";") or not line.strip() or entry is None:
            continue
        rest = entry.group("rest")
        kind = next((k for k in ALLOWED_KINDS if rest.startswith(k + " ")), None)
        words = rest[len(kind) + 1 :].split() if kind else []
        if kind is None or not words or words[0] != "public":
            raise BackupError(
                _("%(path)s holds %(what)s, which AI Workshop never makes; it is not restored.",
                  path=archive, what=rest[:80])
            )  # fmt: skip
        if kind in ("TABLE", "TABLE DATA") and words[1] not in known_tables:
            raise BackupError(
                _("%(path)s holds a table named %(name)s, which AI Workshop never makes; "
                  "it is not restored.", path=archive, name=words[1][:60])
            )  # fmt: skip


def restore_script(archive: Path, destination: Path) -> None:
    """The archive as one SQL script, read whole before the database is touched: a damaged
    or cut-short archive fails here. Refused when its tables carry CHECK constraints or
    defaults other than their id sequences: code that would run during the restore."""
    result = subprocess.run(
        ["pg_restore", "--no-owner", "--no-privileges", "--clean", "--if-exists",
         f"--file={destination}", str(archive)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise BackupError(
            _("%(path)s cannot be read whole (damaged or cut short): %(error)s",
              path=archive, error=result.stderr.strip()[:300])
        )  # fmt: skip
    for line in destination.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("COPY "):
            break  # the data follows; the schema is checked
        default = _DEFAULT.search(line)
        if "CHECK (" in line or (default and not _PLAIN_DEFAULT.match(default.group("value"))):
            raise BackupError(
                _("%(path)s defines %(what)s, which AI Workshop never makes; it is not "
                  "restored.", path=archive, what=line.strip()[:80])
            )  # fmt: skip


def restore(database_uri: str, script: Path, drop_first: str) -> None:
    """Run the script in one transaction after dropping the current tables: if anything
    fails or takes longer than RESTORE_SECONDS, PostgreSQL rolls all of it back."""
    text = script.read_text(encoding="utf-8", errors="replace")
    text = text.replace("SET statement_timeout = 0;", "", 1)
    script.write_text(drop_first + "\n" + text, encoding="utf-8")
    command = ["psql", "--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1",
               f"--dbname={shown_url(database_uri)}", f"--file={script}"]  # fmt: skip
    try:
        result = subprocess.run(
            command, env=_environment(database_uri), capture_output=True, text=True,
            check=False, timeout=RESTORE_SECONDS,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise BackupError(
            _("The restore took longer than %(n)d s and was rolled back.", n=RESTORE_SECONDS)
        ) from None
    if result.returncode != 0:
        raise BackupError(_("The restore failed and was rolled back: %(error)s",
                            error=result.stderr.strip()[:300]))  # fmt: skip
