"""INSERT … ON CONFLICT …, for SQLite and PostgreSQL alike: one statement, no race."""

from functools import cache

from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .extensions import db

_INSERTS = {"sqlite": sqlite_insert, "postgresql": postgres_insert}


def insert_once(model, values: dict, unique: tuple[str, ...]) -> int | None:
    """The new row's id, or None when a row with the same unique key is already stored.

    One statement instead of check-then-insert: a concurrent duplicate cannot slip between.
    The statement is built once per table and run on the connection, skipping the ORM:
    this is the busiest write of a room.
    """
    connection = db.session.connection()
    statement = _statement(model, unique, connection.dialect.name)
    return connection.execute(statement, values).scalar()


@cache
def _statement(model, unique: tuple[str, ...], dialect: str):
    return (
        _INSERTS[dialect](model)
        .on_conflict_do_nothing(index_elements=list(unique))
        .returning(model.id)
    )


def upsert(model, values: dict, unique: tuple[str, ...], update: tuple[str, ...]) -> None:
    """Insert the row, or set `update` columns on the row with the same unique key."""
    connection = db.session.connection()
    connection.execute(_upsert_statement(model, unique, update, connection.dialect.name), values)


@cache
def _upsert_statement(model, unique: tuple[str, ...], update: tuple[str, ...], dialect: str):
    statement = _INSERTS[dialect](model)
    return statement.on_conflict_do_update(
        index_elements=list(unique), set_={name: statement.excluded[name] for name in update}
    )
