"""`flask backup`: a checked copy of the whole database, even while the server writes."""

import re
import threading

from ai_workshop import create_app
from ai_workshop.extensions import db
from ai_workshop.models import Story, Workshop

from ..conftest import config_for_tests
from ..factories import Factories
from . import backup_support
from .backup_support import (
    SESSION_TABLES,
    file_rows,
    invoke,
    sqlite_only,
    table_rows,
    whole_session,
)

# The shared fixtures, named here for pytest to find.
migrated, instance, fresh_target = (
    backup_support.migrated,
    backup_support.instance,
    backup_support.fresh_target,
)


def test_backup_then_restore_into_a_fresh_database_gives_the_same_rows(
    app, backend, make, migrated, instance, fresh_target, tmp_path
):
    whole_session(make)
    output = tmp_path / ("copy.dump" if backend == "postgres" else "copy.sqlite3")
    made = invoke(app, "backup", "--output", str(output))
    assert made.exit_code == 0, made.output
    assert f"Backup written to {output}" in made.output
    assert f"schema revision {migrated}" in made.output
    if backend == "sqlite":
        assert "workshops: 1, participants: 4, stories: 5" in made.output
    assert oct(output.stat().st_mode & 0o777) == "0o600"

    restored = invoke(fresh_target, "restore", str(output), "--yes")
    assert restored.exit_code == 0, restored.output
    assert f"Schema already up to date ({migrated})" in restored.output

    before = table_rows(db.engine)
    with fresh_target.app_context():
        after = table_rows(db.engine)
    assert all(before[name] for name in SESSION_TABLES), "every kind of row is covered"
    assert after == before


@sqlite_only
def test_backup_goes_to_a_timestamped_file_and_never_over_an_existing_one(
    app, make, migrated, instance, tmp_path
):
    whole_session(make)
    first, second = invoke(app, "backup"), invoke(app, "backup")
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    made = sorted(instance.iterdir())
    assert len(made) == 2 and all(
        re.fullmatch(r"ai-workshop-\d{8}-\d{6}(-2)?\.sqlite3", path.name) for path in made
    )
    assert str(made[0]) in first.output + second.output
    taken = tmp_path / "taken.sqlite3"
    taken.write_bytes(b"keep me")
    refused = invoke(app, "backup", "--output", str(taken))
    assert refused.exit_code != 0 and "already exists" in refused.output
    assert taken.read_bytes() == b"keep me"
    assert sorted(path.name for path in tmp_path.iterdir() if "taken" in path.name) == [
        "taken.sqlite3"
    ]


@sqlite_only
def test_a_backup_taken_while_stories_are_written_is_consistent(
    app, make, workshop, migrated, instance, tmp_path
):
    workshop_id, written, failures = workshop.id, [], []
    stop = threading.Event()
    db.session.remove()

    def keep_writing():
        with app.app_context():
            writer, room = Factories(), db.session.get(Workshop, workshop_id)
            try:
                while not stop.is_set():
                    if len(written) % 20 == 0:  # a participant may tell 20 stories
                        teller = writer.participant(room, f"Writer {len(written)}")
                    written.append(writer.story(room, teller, headline=f"Story {len(written)}").id)
            except Exception as error:  # noqa: BLE001  (any failure fails the test below)
                failures.append(error)
            finally:
                db.session.remove()

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        while len(written) < 50:
            stop.wait(0.01)
        windows = []
        for number in range(3):
            before = len(written)
            result = invoke(app, "backup", "--output", str(tmp_path / f"busy{number}.sqlite3"))
            windows.append((before, len(written)))
            assert result.exit_code == 0, result.output
    finally:
        stop.set()
        thread.join(timeout=30)
    assert failures == [] and not thread.is_alive()
    assert windows[-1][1] > windows[0][0], "stories were written while the backups ran"
    for number, (before, after) in enumerate(windows):
        path = tmp_path / f"busy{number}.sqlite3"
        assert file_rows(path, "PRAGMA integrity_check") == [("ok",)]
        stories = file_rows(path, "SELECT count(*) FROM story")[0][0]
        assert before <= stories <= after
        assert file_rows(
            path,
            "SELECT count(*) FROM story WHERE "
            "(SELECT count(*) FROM story_strength WHERE story_id = story.id) != 2",
        ) == [(0,)]
    assert Story.query.count() == len(written)


def test_without_pg_dump_the_commands_say_what_to_run_and_show_no_password(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no PostgreSQL client tools here
    elsewhere = create_app(
        config_for_tests("postgresql+psycopg://aiw:s3cret-pw@db.example:5433/workshops")
    )
    archive = tmp_path / "old.dump"
    archive.write_bytes(b"PGDMP")
    backup = invoke(elsewhere, "backup", "--output", str(tmp_path / "new.dump"))
    restore = invoke(elsewhere, "restore", str(archive), "--yes")
    assert backup.exit_code != 0 and restore.exit_code != 0
    url = "--dbname=postgresql://aiw@db.example:5433/workshops"
    assert f"pg_dump --format=custom --file={tmp_path / 'new.dump'} {url}" in backup.output
    assert f"pg_restore --clean --if-exists --no-owner --single-transaction {url}" in (
        restore.output
    )
    assert "flask db upgrade" in restore.output
    assert "s3cret-pw" not in backup.output + restore.output
    assert not (tmp_path / "new.dump").exists()


@sqlite_only
def test_a_copy_that_fails_its_check_is_not_kept(app, make, tmp_path):
    whole_session(make)  # tables made by create_all: no alembic_version, as if never migrated
    output = tmp_path / "copies" / "unchecked.sqlite3"
    output.parent.mkdir()
    result = invoke(app, "backup", "--output", str(output))
    assert result.exit_code != 0
    assert f"{db.engine.url.database} is an SQLite database, but not one of" in result.output
    assert list(output.parent.iterdir()) == []


@sqlite_only
def test_a_backup_is_never_written_through_a_link(app, make, migrated, instance, tmp_path):
    whole_session(make)
    dangling = tmp_path / "backup.sqlite3"
    dangling.symlink_to(tmp_path / "nowhere" / "else.sqlite3")
    made = invoke(app, "backup", "--output", str(dangling))
    assert made.exit_code != 0
    assert "already exists" in made.output and "Backup written" not in made.output
    assert not (tmp_path / "nowhere").exists()
