"""The one lookup from a workshop's phase to what each screen shows in it."""

from ai_workshop.phases import PHASES, closed, design, destiny, discover, dream, welcome
from ai_workshop.phases.base import Phase

_BY_NAME = {
    module.PHASE.name: module.PHASE
    for module in (welcome, discover, dream, design, destiny, closed)
}
assert tuple(_BY_NAME) == PHASES, "every phase has a module, in the order the room walks them"


def phase_of(name: str) -> Phase:
    return _BY_NAME[name]


def all_phases() -> tuple[Phase, ...]:
    return tuple(_BY_NAME.values())


def phase_template(name: str, screen: str) -> str | None:
    """For templates: the phase's own part of a screen, or None when it has none there."""
    return phase_of(name).template(screen)
