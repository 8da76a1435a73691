"""How long `flask backup` and `flask restore` take on a large database.

Usage: .venv/bin/python bench/backup.py [--stories 10000] [--repeat 3]
                                        [--database-url postgresql://...]

Builds the demo workshop plus a workshop of --stories stories (told through the real
services, 20 per participant) in a scratch SQLite database, or in the PostgreSQL
database given (whose tables it replaces), then runs each command --repeat times through
the app's CLI and prints the database's size and the median and spread of each. The
restore is timed whole: checking the backup, the safety copy of the current database,
the copy itself and the schema check.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alembic import command  # noqa: E402
from sqlalchemy import text  # noqa: E402

from ai_workshop import create_app  # noqa: E402
from ai_workshop.backups.schema import alembic_config  # noqa: E402
from ai_workshop.config import normalise_database_url  # noqa: E402
from ai_workshop.demo.seed import ensure_demo_facilitator, ensure_demo_workshop  # noqa: E402
from ai_workshop.extensions import db  # noqa: E402
from ai_workshop.stories.services import submit_story  # noqa: E402
from tests.factories import Factories, story_fields  # noqa: E402

STORIES_PER_PARTICIPANT = 20


def fill(stories: int, instance: Path) -> None:
    ensure_demo_facilitator(str(instance))
    ensure_demo_workshop()
    db.session.commit()
    make = Factories()
    workshop = make.workshop(make.facilitator(), phase="discover", name="Backup benchmark")
    for first in range(0, stories, STORIES_PER_PARTICIPANT):
        teller = make.participant(workshop, f"Person {first // STORIES_PER_PARTICIPANT}")
        for n in range(first, min(first + STORIES_PER_PARTICIPANT, stories)):
            submit_story(workshop, teller, story_fields(headline=f"Story {n}: a customer helped"))
        db.session.commit()


def timed(app, *args: str) -> float:
    runner = app.test_cli_runner()
    started = time.perf_counter()
    result = runner.invoke(args=list(args))
    elapsed = time.perf_counter() - started
    if result.exit_code != 0:
        sys.exit(f"flask {' '.join(args)} failed:\n{result.output}")
    return elapsed


def describe(label: str, seconds: list[float]) -> str:
    spread = f"{min(seconds):.2f}-{max(seconds):.2f} s"
    return f"{label:<8} median {statistics.median(seconds):.2f} s  (runs: {spread})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="aiw-backup-bench-") as scratch:
        folder = Path(scratch)
        uri = normalise_database_url(options.database_url or f"sqlite:///{folder / 'big.sqlite3'}")
        suffix = ".sqlite3" if uri.startswith("sqlite") else ".dump"
        app = create_app({"SQLALCHEMY_DATABASE_URI": uri, "SECRET_KEY": "bench"})
        app.instance_path = str(folder / "instance")
        with app.app_context():
            if not uri.startswith("sqlite"):
                db.drop_all()
                db.session.execute(text("DROP TABLE IF EXISTS alembic_version"))
                db.session.commit()
            command.upgrade(alembic_config(), "head")
            started = time.perf_counter()
            fill(options.stories, folder / "instance")
            print(
                f"built {options.stories:,} stories + the demo in {time.perf_counter() - started:.0f} s"
            )
            db.session.remove()
            backups, restores = [], []
            for run in range(options.repeat):
                output = folder / f"backup-{run}{suffix}"
                backups.append(timed(app, "backup", "--output", str(output)))
                restores.append(timed(app, "restore", str(output), "--yes"))
            size = output.stat().st_size
            db.engine.dispose()
    print(f"backup file: {size / 1024**2:.1f} MB")
    print(describe("backup", backups))
    print(describe("restore", restores))


if __name__ == "__main__":
    main()
