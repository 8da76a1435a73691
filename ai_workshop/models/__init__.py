"""The data model: one module per aggregate, re-exported here for Alembic and the app."""

from .embedding import StoryEmbedding
from .facilitator import Facilitator
from .participant import Participant
from .story import Story, StoryStrength
from .theme import BoardSnapshot, Theme
from .workshop import Workshop

__all__ = [
    "BoardSnapshot",
    "Facilitator",
    "Participant",
    "Story",
    "StoryEmbedding",
    "StoryStrength",
    "Theme",
    "Workshop",
]
