"""Stories are read by the language model in the background as they arrive, so "Suggest
themes" finds every story's vectors stored and groups a room of hundreds in about a second.

`make run` starts one such process beside the web workers (gunicorn.conf.py), at a lower
priority, so phones never wait for it; `flask themes embed` runs it by hand. It only ever adds
vectors: if it stops, Suggest embeds what is missing itself or groups with the static engine.
"""

import contextlib
import os
import time

from sqlalchemy import and_, select
from sqlalchemy.exc import OperationalError

from ai_workshop.board.embeddings import vectors_for
from ai_workshop.extensions import db
from ai_workshop.models import Story, StoryEmbedding
from ai_workshop.themes.embedders import TFIDF, get_embedder

BATCH = 16  # about half a second of one core: a small write, and the newest stories first
IDLE_SECONDS = 1.0
NICENESS = 10


def pending_stories(engine: str, limit: int = BATCH) -> list[Story]:
    """Stories with no vectors for this engine yet, the newest first: the live room's."""
    return list(
        db.session.scalars(
            select(Story)
            .outerjoin(
                StoryEmbedding,
                and_(StoryEmbedding.story_id == Story.id, StoryEmbedding.engine == engine),
            )
            .where(StoryEmbedding.id.is_(None))
            .order_by(Story.id.desc())
            .limit(limit)
        )
    )


def embed_pending(engine: str, limit: int = BATCH) -> int:
    """Embed and store one batch of waiting stories; returns how many."""
    if engine == TFIDF:
        return 0
    stories = pending_stories(engine, limit)
    if stories:
        vectors_for(stories, engine)
    db.session.commit()
    return len(stories)


def embed_all(engine: str) -> int:
    done = 0
    while count := embed_pending(engine):
        done += count
    return done


def watch(engine: str, should_stop=lambda: False) -> None:
    """Embed stories as they arrive until should_stop() says so (or the process is ended)."""
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    get_embedder(engine)  # load the model once, before the first story arrives
    while not should_stop():
        try:
            done = embed_pending(engine)
        except OperationalError:
            # The database was busy or restarting: nothing was stored, so try again later.
            db.session.rollback()
            done = 0
        db.session.remove()
        if not done:
            time.sleep(IDLE_SECONDS)
