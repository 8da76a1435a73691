"""The schema revision of a backup, checked against this version's migrations and upgraded."""

from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from flask import current_app
from flask_babel import gettext as _

from ai_workshop.backups.files import BackupError

ROOT = Path(__file__).resolve().parent.parent.parent


def alembic_config():
    """Alembic's configuration as `flask db upgrade` builds it, wherever this runs from."""
    migrate = current_app.extensions["migrate"]
    directory = Path(migrate.directory)
    return migrate.migrate.get_config(
        str(directory if directory.is_absolute() else ROOT / directory)
    )


def require_known(revision: str, path: Path) -> None:
    """A backup from a newer version has tables and columns that this version cannot use."""
    scripts = ScriptDirectory.from_config(alembic_config())
    if revision not in {script.revision for script in scripts.walk_revisions()}:
        raise BackupError(
            _(
                "%(path)s was made by a newer version of AI Workshop (schema revision "
                "%(revision)s): update this installation first. Nothing was changed.",
                path=path,
                revision=revision,
            )
        )


def upgrade_from(revision: str) -> tuple[str, bool]:
    """What `flask db upgrade` does; returns the head revision and whether anything ran."""
    config = alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    if revision == head:
        return head, False
    try:
        command.upgrade(config, "head")
    except Exception as error:
        raise BackupError(
            _(
                "The backup was restored, but bringing its schema up to date failed: %(error)s. "
                "Run `flask db upgrade` to retry; the safety copy holds the previous database.",
                error=error,
            )
        ) from None
    return head, True
