"""The data model: one module per aggregate, re-exported here for Alembic and the app."""

from ai_workshop.models.action import Action, ActionVolunteer, Commitment
from ai_workshop.models.check_in import ActionReport, CheckIn, CheckInStory, ReminderAddress
from ai_workshop.models.dream import Dream, Proposition
from ai_workshop.models.embedding import StoryEmbedding
from ai_workshop.models.facilitator import Facilitator
from ai_workshop.models.participant import Participant
from ai_workshop.models.plan import Plan
from ai_workshop.models.round_table import RoundTable
from ai_workshop.models.sharing import CoFacilitator
from ai_workshop.models.story import Story, StoryStrength
from ai_workshop.models.theme import BoardSnapshot, Theme
from ai_workshop.models.vote import Vote, VoteDot
from ai_workshop.models.workshop import Workshop

__all__ = [
    "Action",
    "ActionReport",
    "ActionVolunteer",
    "CheckIn",
    "CheckInStory",
    "ReminderAddress",
    "BoardSnapshot",
    "CoFacilitator",
    "Commitment",
    "Dream",
    "Proposition",
    "RoundTable",
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
