"""`flask restore`: only our backups, only when confirmed, a safety copy first, schema upgraded."""

import re
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text

from ai_workshop import create_app
from ai_workshop.backups.schema import alembic_config
from ai_workshop.extensions import db
from ai_workshop.models import Participant, Story

from ..conftest import config_for_tests
from . import backup_support
from .backup_support import file_rows, invoke, sqlite_only, table_rows, whole_session

# The shared fixtures, named here for pytest to find.
migrated, instance = backup_support.migrated, backup_support.instance
pytestmark = sqlite_only

FIRST_REVISION = "0001_initial"
WHEN = "2025-01-02 09:00:00.000000"
ROWS_AT_FIRST_REVISION = [
    "INSERT INTO facilitator VALUES (1, 'old@example.com', 'Old Hand', 'x', :when)",
    "INSERT INTO workshop VALUES (1, 'OLDWKS', 1, 'Before the upgrade', 'Service', '', 'blank', "
    "'[]', '', '[\"courage\"]', '4d', 'discover', 3, 0, NULL, NULL, :when, :when)",
    "INSERT INTO participant VALUES (1, 1, 'Ada', :token, :when)",
    "INSERT INTO story VALUES (1, 1, 1, 'c0ffee00-0000-4000-8000-000000000001', "
    "'Kept through the upgrade', 'A story from an older version.', '', '', 'mine', 'named', "
    "0, 0, 0, :when, :when)",
    "INSERT INTO story_strength VALUES (1, 1, 'courage', 1, 0), (2, 1, 'patience', 0, 1)",
]


def backup_of(app, tmp_path) -> Path:
    path = tmp_path / "backup.sqlite3"
    result = invoke(app, "backup", "--output", str(path))
    assert result.exit_code == 0, result.output
    return path


def sqlite_file_of(kind: str, path: Path) -> Path:
    connection = sqlite3.connect(path)
    if kind == "foreign":
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    else:  # "newer": ours in shape, from a schema revision this version does not know
        connection.execute("CREATE TABLE workshop (id INTEGER PRIMARY KEY)")
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("text", "is not an SQLite database"),
        ("foreign", "but not one of AI Workshop's"),
        ("newer", "made by a newer version of AI Workshop"),
    ],
)
def test_restore_refuses_what_is_not_our_backup_and_changes_nothing(
    app, make, migrated, instance, tmp_path, kind, message
):
    whole_session(make)
    before = table_rows(db.engine)
    if kind == "text":
        candidate = tmp_path / "notes.sqlite3"
        candidate.write_text("Not a database at all, only words. " * 200)
    else:
        candidate = sqlite_file_of(kind, tmp_path / f"{kind}.sqlite3")
    result = invoke(app, "restore", str(candidate), "--yes")
    assert result.exit_code != 0
    assert message in result.output and "Nothing was changed." in result.output
    assert "Traceback" not in result.output
    assert table_rows(db.engine) == before
    assert not instance.exists() or list(instance.iterdir()) == []


@pytest.mark.parametrize(
    ("addition", "message"),
    [
        (
            "CREATE TRIGGER wipe AFTER INSERT ON story BEGIN DELETE FROM story; END",
            "holds a trigger named wipe",
        ),
        (
            "CREATE VIEW endless AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
            "FROM n) SELECT i FROM n",
            "holds a view named endless",
        ),
        ("CREATE TABLE extra (id INTEGER PRIMARY KEY)", "holds a table named extra"),
    ],
)
def test_restore_refuses_a_backup_with_code_or_objects_of_its_own(
    app, make, migrated, instance, tmp_path, addition, message
):
    whole_session(make)
    before = table_rows(db.engine)
    backup = backup_of(app, tmp_path)
    connection = sqlite3.connect(backup)
    connection.execute(addition)
    connection.commit()
    connection.close()
    result = invoke(app, "restore", str(backup), "--yes")
    assert result.exit_code != 0
    assert message in result.output and "Nothing was changed." in result.output
    assert table_rows(db.engine) == before


def test_restore_refuses_a_fifo_instead_of_hanging(app, migrated, instance, tmp_path):
    import os

    fifo = tmp_path / "backup.sqlite3"
    os.mkfifo(fifo)
    result = invoke(app, "restore", str(fifo), "--yes")
    assert result.exit_code != 0
    assert "is not a regular file" in result.output and "Nothing was changed." in result.output


def test_restore_refuses_while_the_server_has_the_database_open(
    app, make, migrated, instance, tmp_path
):
    workshop = whole_session(make)
    backup = backup_of(app, tmp_path)
    make.participant(workshop, "Late joiner")
    before = table_rows(db.engine)
    server = sqlite3.connect(db.engine.url.database)  # as a worker's pooled connection
    server.execute("SELECT count(*) FROM story").fetchone()
    try:
        refused = invoke(app, "restore", str(backup), "--yes")
    finally:
        server.close()
    assert refused.exit_code != 0
    assert "open in another program" in refused.output and "Stop the server" in refused.output
    assert table_rows(db.engine) == before
    assert invoke(app, "restore", str(backup), "--yes").exit_code == 0  # once it has stopped


@pytest.mark.parametrize("answer", ["n\n", "\n", ""], ids=["no", "enter", "no-answer"])
def test_restore_without_yes_asks_and_without_a_yes_changes_nothing(
    app, make, migrated, instance, tmp_path, answer
):
    workshop = whole_session(make)
    backup = backup_of(app, tmp_path)
    make.participant(workshop, "Late joiner")
    before = table_rows(db.engine)
    result = invoke(app, "restore", str(backup), answer=answer)
    assert result.exit_code != 0
    assert "Replace the current database? [y/N]" in result.output
    assert "Safety copy" not in result.output and not instance.exists()
    assert table_rows(db.engine) == before


def test_the_safety_copy_holds_the_data_from_before_the_restore(
    app, make, migrated, instance, tmp_path
):
    workshop = whole_session(make)
    at_backup = table_rows(db.engine)
    backup = backup_of(app, tmp_path)
    make.participant(workshop, "Late joiner")
    before_restore = table_rows(db.engine)
    result = invoke(app, "restore", str(backup), answer="y\n")
    assert result.exit_code == 0, result.output
    safety = Path(re.search(r"Safety copy of the current database: (\S+)", result.output)[1])
    assert safety.parent == instance and safety.name.startswith("pre-restore-")
    copy = create_engine(f"sqlite:///{safety}")
    assert table_rows(copy) == before_restore
    copy.dispose()
    db.session.remove()
    assert table_rows(db.engine) == at_backup
    assert Participant.query.filter_by(display_name="Late joiner").count() == 0


def test_a_backup_made_by_an_older_version_is_upgraded_on_restore(
    app, make, migrated, instance, tmp_path
):
    whole_session(make)
    old = create_app(config_for_tests(f"sqlite:///{tmp_path / 'old.sqlite3'}"))
    with old.app_context():
        command.upgrade(alembic_config(), FIRST_REVISION)
        with db.engine.begin() as connection:
            for statement in ROWS_AT_FIRST_REVISION:
                connection.execute(text(statement), {"when": WHEN, "token": "a" * 64})
    backup = backup_of(old, tmp_path)
    with old.app_context():
        db.engine.dispose()
    assert file_rows(backup, "SELECT version_num FROM alembic_version") == [(FIRST_REVISION,)]

    result = invoke(app, "restore", str(backup), "--yes")
    assert result.exit_code == 0, result.output
    assert f"Schema brought up to date: {FIRST_REVISION} -> {migrated}" in result.output
    db.session.remove()
    story = Story.query.one()
    assert story.headline == "Kept through the upgrade" and story.theme_id is None
    assert story.strength_names == ["courage", "patience"]
    assert story.workshop.name == "Before the upgrade" and not story.workshop.themes_shown
    db.session.remove()
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).all() == [
            (migrated,)
        ]
        assert {"theme", "vote", "action", "plan"} <= set(inspect(connection).get_table_names())
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
