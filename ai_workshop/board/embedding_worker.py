"""Stories are read by the language model in the background as they arrive, so "Suggest
themes" finds every story's vectors stored and groups a room of hundreds in about a second.

`make run` starts one such process beside the web workers (gunicorn.conf.py), at a lower
priority, so phones never wait for it; `flask themes embed` runs it by hand. It only ever adds
vectors: if it stops, Suggest embeds what is missing itself or groups with the static engine.
"""

import contextlib
import os
import time

from flask import g
from sqlalchemy import and_, select
from sqlalchemy.exc import OperationalError

from ai_workshop.board.embeddings import keep_vectors, story_input, text_hash
from ai_workshop.db.engine import start_writing
from ai_workshop.extensions import db
from ai_workshop.i18n import LANGUAGES
from ai_workshop.models import Story, StoryEmbedding, Workshop
from ai_workshop.themes.embedders import (
    TFIDF,
    available_engines,
    get_embedder,
    preferred_engine,
)
from ai_workshop.themes.engine import embed_stories

BATCH = 16  # about half a second of one core: a small write, and the newest stories first
IDLE_SECONDS = 1.0
NICENESS = 10


Rooms = list[str] | None  # the languages of the rooms an engine reads for; None: every room


def engines_for_rooms(requested: str | None) -> dict[str, Rooms]:
    """Which engine reads which rooms' stories: the one asked for reads every room's;
    otherwise English rooms get the engine preferred for English, the others the one
    preferred for theirs (the multilingual one, when installed)."""
    if requested in available_engines():
        return {requested: None}
    english, others = preferred_engine("en"), preferred_engine("de")
    if english == others:
        return {english: None}
    return {english: ["en"], others: [code for code in LANGUAGES if code != "en"]}


def pending_stories(engine: str, limit: int = BATCH, languages: Rooms = None) -> list[Story]:
    """Stories with no vectors for this engine yet, the newest first: the live room's."""
    query = (
        select(Story)
        .outerjoin(
            StoryEmbedding,
            and_(StoryEmbedding.story_id == Story.id, StoryEmbedding.engine == engine),
        )
        .where(StoryEmbedding.id.is_(None))
    )
    if languages is not None:
        query = query.join(Workshop, Workshop.id == Story.workshop_id).where(
            Workshop.language.in_(languages)
        )
    return list(db.session.scalars(query.order_by(Story.id.desc()).limit(limit)))


def embed_pending(engine: str, limit: int = BATCH, languages: Rooms = None) -> int:
    """Embed and store one batch of waiting stories; returns how many.

    The stories are read, the read ends, the model runs with no transaction open, and only
    then is SQLite's write lock taken, for the few inserts: the room's writers never wait
    for the model."""
    if engine == TFIDF:
        return 0
    g.aiw_reads_first = True
    stories = pending_stories(engine, limit, languages)
    waiting = [(story.id, text_hash(story)) for story in stories]
    inputs = [story_input(story) for story in stories]
    db.session.commit()
    if not waiting:
        return 0
    vectors = embed_stories(inputs, engine)
    start_writing()
    for index, (story_id, hashed) in enumerate(waiting):
        # Suggest may have stored it meanwhile, or it was deleted: keep_vectors lets it be.
        keep_vectors(
            StoryEmbedding(story_id=story_id, engine=engine),
            hashed,
            vectors["story"][index],
            vectors["made_possible"][index],
        )
    db.session.commit()
    return len(waiting)


def embed_all(engine: str, languages: Rooms = None) -> int:
    done = 0
    while count := embed_pending(engine, languages=languages):
        done += count
    return done


def lower_priority(niceness: int = NICENESS) -> None:
    """Every thread of the process below the web workers: Linux's idle class where there is
    one (it runs only on what the workers leave), else a niceness. On Linux both belong to a
    thread: os.nice() moves the calling one alone, and a math library's pool started at
    import keeps the priority it was born with (seen: one such thread took a quarter of a
    core at full priority under a room's load)."""
    try:
        threads = [int(tid) for tid in os.listdir("/proc/self/task")]
    except OSError:
        threads = [0]  # not Linux: 0 is the whole process
    for thread in threads:
        with contextlib.suppress(OSError):
            current = os.getpriority(os.PRIO_PROCESS, thread)
            os.setpriority(os.PRIO_PROCESS, thread, max(current, niceness))
        if hasattr(os, "SCHED_IDLE"):
            with contextlib.suppress(OSError):
                os.sched_setscheduler(thread, os.SCHED_IDLE, os.sched_param(0))


def watch(plan: dict[str, Rooms] | str, should_stop=lambda: False) -> None:
    """Embed stories as they arrive until should_stop() says so (or the process is ended).
    `plan`: engines_for_rooms()'s answer, or one engine for every room."""
    if isinstance(plan, str):
        plan = {plan: None}
    lower_priority()
    for engine in plan:
        get_embedder(engine)  # load each model once, before the first story arrives
    while not should_stop():
        try:
            done = sum(embed_pending(engine, languages=rooms) for engine, rooms in plan.items())
        except OperationalError:
            # The database was busy or restarting: nothing was stored, so try again later.
            db.session.rollback()
            done = 0
        db.session.remove()
        if not done:
            time.sleep(IDLE_SECONDS)
