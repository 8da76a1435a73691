"""The phases of a session: their names here, and a module each for what every screen shows.

The names and labels live with the models (a workshop stores its phase); `registry.phase_of`
finds the module of a phase.
"""

from ai_workshop.models.phase_names import (
    PHASES,
    VOCABULARY_NAMES,
    next_phase,
    phase_label,
    previous_phase,
)

__all__ = ["PHASES", "VOCABULARY_NAMES", "next_phase", "phase_label", "previous_phase"]
