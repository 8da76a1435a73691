"""INSERT … ON CONFLICT DO NOTHING … RETURNING id, for SQLite and PostgreSQL alike."""

from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .extensions import db

_INSERTS = {"sqlite": sqlite_insert, "postgresql": postgres_insert}


def insert_once(model, values: dict, unique: tuple[str, ...]) -> int | None:
    """The new row's id, or None when a row with the same unique key is already stored.

    One statement instead of check-then-insert: a concurrent duplicate cannot slip between.
    """
    build = _INSERTS[db.session.get_bind().dialect.name]
    statement = (
        build(model)
        .values(**values)
        .on_conflict_do_nothing(index_elements=list(unique))
        .returning(model.id)
    )
    return db.session.execute(statement).scalar()
