"""The workshop phases and their names in each phase vocabulary (4-D, 4-I, 5-D)."""

from flask_babel import lazy_gettext as _l

PHASES = ("define", "discover", "dream", "design", "destiny", "closed")

VOCABULARY_NAMES = {
    "4d": _l("4-D: Discovery, Dream, Design, Destiny"),
    "4i": _l("4-I: Inquire, Imagine, Innovate, Implement"),
    "5d": _l("5-D: Define, Discover, Dream, Design, Destiny"),
}

_LABELS = {
    "4d": {
        "define": _l("Welcome"),
        "discover": _l("Discovery"),
        "dream": _l("Dream"),
        "design": _l("Design"),
        "destiny": _l("Destiny"),
        "closed": _l("Closed"),
    },
    "4i": {
        "define": _l("Welcome"),
        "discover": _l("Inquire"),
        "dream": _l("Imagine"),
        "design": _l("Innovate"),
        "destiny": _l("Implement"),
        "closed": _l("Closed"),
    },
    "5d": {
        "define": _l("Define"),
        "discover": _l("Discover"),
        "dream": _l("Dream"),
        "design": _l("Design"),
        "destiny": _l("Destiny"),
        "closed": _l("Closed"),
    },
}


def phase_label(phase: str, vocabulary: str = "4d") -> str:
    """The display name of a phase, falling back to 4-D for an unknown vocabulary."""
    return str(_LABELS.get(vocabulary, _LABELS["4d"])[phase])


def next_phase(phase: str) -> str | None:
    index = PHASES.index(phase)
    return PHASES[index + 1] if index + 1 < len(PHASES) else None


def previous_phase(phase: str) -> str | None:
    index = PHASES.index(phase)
    return PHASES[index - 1] if index > 0 else None
