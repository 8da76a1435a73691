"""The data model: one module per aggregate, re-exported here for Alembic and the app."""

from .facilitator import Facilitator
from .participant import Participant
from .story import Story, StoryStrength
from .workshop import Workshop

__all__ = ["Facilitator", "Participant", "Story", "StoryStrength", "Workshop"]
