"""Story vectors kept in the database: each story is embedded once per engine and text."""

import hashlib

import numpy as np
from sqlalchemy import select

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


def _text_hash(story: Story) -> str:
    text = "\x1f".join((story.headline, story.story, story.made_possible))
    return hashlib.sha256(text.encode()).hexdigest()


def vectors_for(stories: list[Story], engine: str) -> dict[str, np.ndarray] | None:
    """Stored vectors for these stories, embedding (and storing) only new or edited ones."""
    if engine == TFIDF or not stories:
        return None
    stored = {
        row.story_id: row
        for row in db.session.scalars(
            select(StoryEmbedding).where(
                StoryEmbedding.engine == engine,
                StoryEmbedding.story_id.in_([story.id for story in stories]),
            )
        )
    }
    stale = [
        story
        for story in stories
        if getattr(stored.get(story.id), "text_hash", None) != _text_hash(story)
    ]
    if stale:
        fresh = embed_stories([story_input(story) for story in stale], engine)
        for index, story in enumerate(stale):
            row = stored.get(story.id) or StoryEmbedding(story_id=story.id, engine=engine)
            row.text_hash = _text_hash(story)
            row.story_vector = fresh["story"][index].astype(np.float32).tobytes()
            row.made_possible_vector = fresh["made_possible"][index].astype(np.float32).tobytes()
            db.session.add(row)
            stored[story.id] = row
    return {
        "story": np.vstack(
            [np.frombuffer(stored[s.id].story_vector, dtype=np.float32) for s in stories]
        ),
        "made_possible": np.vstack(
            [np.frombuffer(stored[s.id].made_possible_vector, dtype=np.float32) for s in stories]
        ),
    }
