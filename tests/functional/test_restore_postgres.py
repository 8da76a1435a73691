"""`flask restore` on PostgreSQL trusts nothing in the archive: one cut short, or holding code
(a function, a trigger, a CHECK constraint), is refused before the database is touched, and a
restore that fails midway is rolled back whole."""

import os
import subprocess

import pytest
from sqlalchemy import create_engine, text

from ai_workshop.backups import postgres_dumps as pg
from ai_workshop.extensions import db

from . import backup_support
from .backup_support import invoke, table_rows, whole_session

migrated, instance, fresh_target = (
    backup_support.migrated,
    backup_support.instance,
    backup_support.fresh_target,
)
pytestmark = [
    pytest.mark.skipif(not os.environ.get("TEST_POSTGRES_URL"), reason="needs PostgreSQL (CI)"),
    pytest.mark.parametrize("backend", ["postgres"], indirect=True),
]


@pytest.fixture
def good_dump(app, make, migrated, instance, tmp_path):
    whole_session(make)
    db.session.commit()
    path = tmp_path / "good.dump"
    made = invoke(app, "backup", "--output", str(path))
    assert made.exit_code == 0, made.output
    return path


def dump_with(fresh_target, good_dump, tmp_path, statements: list[str]):
    """The good backup, restored elsewhere, with these statements run, dumped again."""
    restored = invoke(fresh_target, "restore", str(good_dump), "--yes")
    assert restored.exit_code == 0, restored.output
    uri = fresh_target.config["SQLALCHEMY_DATABASE_URI"]
    engine = create_engine(uri)
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()
    with fresh_target.app_context():
        db.engine.dispose()
    path = tmp_path / "changed.dump"
    pg.dump(uri, path)
    return path


def refused(app, archive, message):
    before = table_rows(db.engine)
    db.session.remove()
    result = invoke(app, "restore", str(archive), "--yes")
    assert result.exit_code != 0, result.output
    assert message in result.output and "Nothing was changed." in result.output
    assert "Traceback" not in result.output
    assert table_rows(db.engine) == before
    assert before["story"], "the database held stories to lose"


def test_an_archive_cut_short_is_refused_and_the_database_kept(app, good_dump, tmp_path):
    """Cut where its table of contents still reads (pg_restore --list passes), in the data."""
    cut = tmp_path / "cut.dump"
    data = good_dump.read_bytes()
    for share in (0.97, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6):
        cut.write_bytes(data[: int(len(data) * share)])
        listed = subprocess.run(["pg_restore", "--list", str(cut)], capture_output=True)
        if listed.returncode == 0:
            break
    assert listed.returncode == 0, "no cut leaves the table of contents readable"
    refused(app, cut, "cannot be read whole")


@pytest.mark.parametrize(
    ("statements", "message"),
    [
        (
            [
                "CREATE FUNCTION wipe() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN DELETE FROM story; RETURN NULL; END $$",
                "CREATE TRIGGER wipe AFTER INSERT ON story FOR EACH STATEMENT "
                "EXECUTE FUNCTION wipe()",
            ],
            "which AI Workshop never makes",
        ),
        (["ALTER TABLE story ADD CONSTRAINT slow CHECK (pg_sleep(0) IS NOT NULL)"], "CHECK ("),
        (["CREATE VIEW everything AS SELECT * FROM story"], "which AI Workshop never makes"),
        (["ALTER TABLE story ALTER COLUMN headline SET DEFAULT now()::text"], "DEFAULT (now())"),
    ],
)
def test_an_archive_holding_code_is_refused_and_the_database_kept(
    app, good_dump, fresh_target, tmp_path, statements, message
):
    refused(app, dump_with(fresh_target, good_dump, tmp_path, statements), message)
