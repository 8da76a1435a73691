"""One source of 'now', so every timestamp is naive UTC on SQLite and PostgreSQL alike."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def to_iso(moment: datetime | None) -> str | None:
    """Serialise a stored naive-UTC time with an explicit zone for browsers."""
    return None if moment is None else moment.replace(tzinfo=UTC).isoformat()
