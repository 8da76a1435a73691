"""Where backup files go, and how a finished copy takes its name without replacing a file."""

import errno
import os
import tempfile
from datetime import datetime
from pathlib import Path

from flask_babel import gettext as _

FOLDER_NAME = "backups"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def backup_folder(instance_path: str) -> Path:
    """The instance folder's backups/, readable by this user only: it holds everyone's data."""
    folder = Path(instance_path) / FOLDER_NAME
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def timestamped(folder: Path, prefix: str, suffix: str) -> Path:
    """A new name in folder; a second backup within the same second gets -2, -3, ..."""
    stem = f"{prefix}-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def check_destination(destination: Path) -> None:
    # A link counts as there even when what it points at is not (exists() says False).
    if destination.exists() or destination.is_symlink():
        raise BackupError(
            _(
                "%(path)s already exists; choose another name (nothing was overwritten).",
                path=destination,
            )
        )
    if not destination.parent.is_dir():
        raise BackupError(_("The folder %(path)s does not exist.", path=destination.parent))


def partial_file(destination: Path) -> Path:
    """An empty private file beside the destination, to write the copy into first.

    A copy interrupted half-way is then never mistaken for a backup.
    """
    handle, name = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent
    )
    os.close(handle)
    return Path(name)


def place(partial: Path, destination: Path) -> None:
    """Give the finished copy its name; refuse, rather than replace, a file that appeared."""
    try:
        os.link(partial, destination)
    except FileExistsError:
        partial.unlink()
        check_destination(destination)
    except OSError as error:
        # Some file systems (FAT and exFAT USB sticks, some network shares) have no links.
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EOPNOTSUPP):
            raise
        check_destination(destination)
        os.replace(partial, destination)
    else:
        partial.unlink()


def discard(partial: Path) -> None:
    partial.unlink(missing_ok=True)
    for side_file in (Path(f"{partial}-journal"), Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        side_file.unlink(missing_ok=True)


def describe_size(size: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("kB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit} ({size:,} bytes)"
    return f"{size:,} bytes"
