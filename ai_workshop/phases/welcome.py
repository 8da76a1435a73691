"""Welcome (Define in 5-D): the topic on the big screen while phones join and wait."""

from ai_workshop.phases import own
from ai_workshop.phases.base import Phase, no_context

PHASE = Phase(
    name="define",
    folder="welcome",
    phone=no_context,
    projector=no_context,
    personal_on_phone=own.named,
)
