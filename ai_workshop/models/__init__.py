"""The data model: one module per aggregate, re-exported here for Alembic and the app."""

from .action import Action, ActionVolunteer, Commitment
from .dream import Dream, Proposition
from .embedding import StoryEmbedding
from .facilitator import Facilitator
from .participant import Participant
from .plan import Plan
from .sharing import CoFacilitator
from .story import Story, StoryStrength
from .theme import BoardSnapshot, Theme
from .vote import Vote, VoteDot
from .workshop import Workshop

__all__ = [
    "Action",
    "ActionVolunteer",
    "BoardSnapshot",
    "CoFacilitator",
    "Commitment",
    "Dream",
    "Proposition",
    "Vote",
    "VoteDot",
    "Facilitator",
    "Participant",
    "Plan",
    "Story",
    "StoryEmbedding",
    "StoryStrength",
    "Theme",
    "Workshop",
]
