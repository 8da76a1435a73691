"""What a phase declares: the context each screen needs, its forms and its templates.

A phase module builds a `Phase` with the builders it has; a screen a phase does not have
(the console in Welcome, say) is left out, and the screen then shows only its common parts.
"""

from collections.abc import Callable
from dataclasses import dataclass

SCREENS = ("phone", "projector", "console", "plan")


@dataclass(frozen=True)
class Phase:
    name: str  # the value stored on the workshop
    folder: str  # templates/phases/<folder>/
    phone: Callable[..., dict] | None = None  # (workshop, participant, vote=UNKNOWN, **forms)
    projector: Callable[..., dict] | None = None  # (workshop)
    console: Callable[..., dict] | None = None  # (workshop)
    plan: Callable[..., dict] | None = None  # (workshop) -> this phase's part of the plan
    forms: tuple[type, ...] = ()  # what participants or the facilitator fill in
    # (workshop, participant) -> whether the phone's screen shows anything of its own (see
    # own.py); a phase that does not say is drawn for each phone.
    personal_on_phone: Callable[..., bool] | None = None

    def has(self, screen: str) -> bool:
        return getattr(self, screen) is not None

    def context(self, screen: str, *args, **kwargs) -> dict:
        """What the phase adds to a screen's common context (nothing where it has no part)."""
        builder = getattr(self, screen)
        return builder(*args, **kwargs) if builder is not None else {}

    def phone_is_personal(self, workshop, participant) -> bool:
        if self.personal_on_phone is None:
            return True
        return self.personal_on_phone(workshop, participant)

    def template(self, screen: str) -> str | None:
        """The screen's template, or None when the phase shows nothing of its own there."""
        if screen not in SCREENS:
            raise ValueError(f"unknown screen: {screen}")
        return f"phases/{self.folder}/{screen}.html" if self.has(screen) else None


def no_context(*_args, **_kwargs) -> dict:
    """For a screen whose template needs nothing beyond what every page of it gets."""
    return {}
