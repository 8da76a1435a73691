"""Story vectors kept in the database: each story is embedded once per engine and text."""

import contextlib
import hashlib

import numpy as np
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError

from ai_workshop.extensions import db
from ai_workshop.models import Story, StoryEmbedding
from ai_workshop.themes.embedders import TFIDF
from ai_workshop.themes.engine import embed_stories
from ai_workshop.themes.types import StoryInput


def story_input(story: Story) -> StoryInput:
    return StoryInput(
        headline=story.headline,
        story=story.story,
        made_possible=story.made_possible,
        strengths=tuple(story.strength_names),
        quotable=story.quotable and not story.hidden,
    )


def text_hash(story: Story) -> str:
    text = "\x1f".join((story.headline, story.story, story.made_possible))
    return hashlib.sha256(text.encode()).hexdigest()


def _stored(stories: list[Story], engine: str) -> dict[int, StoryEmbedding]:
    return {
        row.story_id: row
        for row in db.session.scalars(
            select(StoryEmbedding).where(
                StoryEmbedding.engine == engine,
                StoryEmbedding.story_id.in_([story.id for story in stories]),
            )
        )
    }


def _stale(stories: list[Story], stored: dict[int, StoryEmbedding]) -> list[Story]:
    return [
        story
        for story in stories
        if getattr(stored.get(story.id), "text_hash", None) != text_hash(story)
    ]


def unembedded(stories: list[Story], engine: str) -> int:
    """How many of these stories have no current vectors for this engine."""
    if engine == TFIDF or not stories:
        return 0
    return len(_stale(stories, _stored(stories, engine)))


def keep_vectors(row: StoryEmbedding, hashed: str, story: np.ndarray, made_possible: np.ndarray):
    """Fill a story's vectors row and store it (see _keep)."""
    row.text_hash = hashed
    row.story_vector = story.astype(np.float32).tobytes()
    row.made_possible_vector = made_possible.astype(np.float32).tobytes()
    _keep(row)


def _keep(row: StoryEmbedding) -> None:
    """Store one story's vectors if the database lets us now. The background embedder may
    have stored them meanwhile, and its row stands (the same text gives the same vectors); or,
    in a read-only request on SQLite, another process may hold the write lock, and then the
    embedder stores them later. Either way the vectors in hand are used."""
    with contextlib.suppress(IntegrityError, OperationalError), db.session.begin_nested():
        db.session.add(row)
        db.session.flush()


def vectors_for(stories: list[Story], engine: str) -> dict[str, np.ndarray] | None:
    """Stored vectors for these stories, embedding (and storing) only new or edited ones."""
    if engine == TFIDF or not stories:
        return None
    stored = _stored(stories, engine)
    stale = _stale(stories, stored)
    vectors = {
        story.id: (
            np.frombuffer(row.story_vector, dtype=np.float32),
            np.frombuffer(row.made_possible_vector, dtype=np.float32),
        )
        for story in stories
        if (row := stored.get(story.id)) is not None
    }
    if stale:
        fresh = embed_stories([story_input(story) for story in stale], engine)
        for index, story in enumerate(stale):
            story_vector = fresh["story"][index].astype(np.float32)
            made_possible_vector = fresh["made_possible"][index].astype(np.float32)
            vectors[story.id] = (story_vector, made_possible_vector)
            row = stored.get(story.id) or StoryEmbedding(story_id=story.id, engine=engine)
            keep_vectors(row, text_hash(story), story_vector, made_possible_vector)
    return {
        "story": np.vstack([vectors[story.id][0] for story in stories]),
        "made_possible": np.vstack([vectors[story.id][1] for story in stories]),
    }
