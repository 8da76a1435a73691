"""Time zones: the one a workshop keeps for its calendar, and the one this laptop is in."""

from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from tzlocal import get_localzone_name

FALLBACK = "UTC"


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone this machine knows, sorted; UTC first, as the safe choice."""
    names = sorted(available_timezones() - {FALLBACK})
    return (FALLBACK, *names)


def is_zone(name: str) -> bool:
    return name in zone_names()


def local_zone_name() -> str:
    """The zone the facilitator's laptop is set to, where it says so; otherwise UTC."""
    try:
        name = get_localzone_name()
    except (LookupError, ValueError, OSError):
        return FALLBACK
    return name if name and is_zone(name) else FALLBACK


def zone(name: str) -> ZoneInfo:
    """The zone called `name`; UTC for an empty or unknown name (an older or edited export)."""
    try:
        return ZoneInfo(name) if is_zone(name) else ZoneInfo(FALLBACK)
    except ZoneInfoNotFoundError:
        return ZoneInfo(FALLBACK)
