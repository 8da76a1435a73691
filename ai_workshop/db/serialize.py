"""One write at a time per participant, where the database does not already give it.

A check-then-write (a dot budget, a story cap) read under PostgreSQL's READ COMMITTED lets
parallel requests each see the old total and all pass. A transaction-scoped advisory lock
on the participant makes their writes take turns; it is released at commit or rollback.
SQLite needs none: every write transaction there already holds the one write lock.
"""

from sqlalchemy import text

from ai_workshop.extensions import db

# The first key of pg_advisory_xact_lock(int, int): which kind of thing is locked.
PARTICIPANT_WRITES = 0x41495701


def one_write_at_a_time(participant_id: int) -> None:
    """Wait until no other transaction writes for this participant, then hold the turn."""
    connection = db.session.connection()
    if connection.dialect.name != "postgresql":
        return
    connection.execute(
        text("SELECT pg_advisory_xact_lock(:kind, :key)"),
        {"kind": PARTICIPANT_WRITES, "key": participant_id},
    )
