"""Small helpers every template may need: join URLs, phase names, the time, the locale."""

from babel.dates import format_skeleton
from flask import url_for
from flask_babel import format_date, get_locale

from ai_workshop.clock import to_iso, utcnow
from ai_workshop.models.phase_names import PHASES, phase_label
from ai_workshop.web.netinfo import phones_can_reach_server, public_base_url


def external_url(endpoint: str, **values) -> str:
    """A link meant for another device (a phone, a leader's computer): PUBLIC_URL or the
    laptop's LAN address, never the loopback address the facilitator happens to browse."""
    return f"{public_base_url()}{url_for(endpoint, **values)}"


def join_url(workshop) -> str:
    return external_url("phone.join_page", code=workshop.code)


def spaced_code(code: str) -> str:
    """ABC234 -> 'ABC 234': easier to read aloud and to copy from a projector."""
    return f"{code[:3]} {code[3:]}"


def init_template_helpers(app) -> None:
    app.jinja_env.globals.update(
        join_url=join_url,
        external_url=external_url,
        reachable_from_elsewhere=phones_can_reach_server,
        phase_label=phase_label,
        all_phases=PHASES,
        now_utc=utcnow,
        get_locale=get_locale,
        now_iso=lambda: to_iso(utcnow()),
    )
    app.jinja_env.filters["spaced_code"] = spaced_code
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.filters["day_month"] = day_month
    app.jinja_env.filters["medium_date"] = medium_date


def long_date(day) -> str:
    """'30 December 2026', '30. Dezember 2026', '2026年12月30日': the page's language."""
    return format_date(day, "long")


def medium_date(day) -> str:
    """'Dec 30, 2026', '30.12.2026', '2026/12/30': a date that fits a table's cell."""
    return format_date(day, "medium")


def day_month(day) -> str:
    """'30 Dec', '30. Dez.', '12月30日': a date within the year, short."""
    return format_skeleton("MMMd", day, locale=get_locale())
