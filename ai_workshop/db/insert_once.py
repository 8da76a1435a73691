"""INSERT … ON CONFLICT …, for SQLite and PostgreSQL alike: one statement, no race."""

from functools import cache

from sqlalchemy import bindparam, insert
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ai_workshop.extensions import db

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


def dialect_insert(dialect: str):
    """insert() of SQLite or PostgreSQL, which both know ON CONFLICT."""
    return _INSERTS[dialect]


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


def insert_rows(model, rows: list[dict]) -> None:
    """Several rows with the same columns in one INSERT: one round trip on PostgreSQL,
    where executemany takes several. Compiled once per row count and columns: SQLAlchemy
    cannot cache a multi-row VALUES and would compile it afresh every time."""
    if not rows:
        return
    connection = db.session.connection()
    columns = tuple(rows[0])
    sql, order = _rows_sql(model, columns, len(rows), connection.dialect)
    params = {f"{name}_{index}": row[name] for index, row in enumerate(rows) for name in columns}
    connection.exec_driver_sql(sql, tuple(params[key] for key in order) if order else params)


@cache
def _rows_sql(model, columns: tuple[str, ...], count: int, dialect) -> tuple[str, tuple | None]:
    """The SQL, and for drivers with positional parameters (SQLite's "?") their order."""
    statement = insert(model).values(
        [{name: bindparam(f"{name}_{index}") for name in columns} for index in range(count)]
    )
    compiled = statement.compile(dialect=dialect)
    return str(compiled), tuple(compiled.positiontup) if compiled.positional else None
