"""Small helpers every template may need: join URLs, phase names, the time, the locale."""

from flask import url_for
from flask_babel import get_locale

from ai_workshop.clock import to_iso, utcnow
from ai_workshop.models.phase_names import PHASES, phase_label
from ai_workshop.web.netinfo import public_base_url


def join_url(workshop) -> str:
    return f"{public_base_url()}{url_for('phone.join_page', code=workshop.code)}"


def spaced_code(code: str) -> str:
    """ABC234 -> 'ABC 234': easier to read aloud and to copy from a projector."""
    return f"{code[:3]} {code[3:]}"


def init_template_helpers(app) -> None:
    app.jinja_env.globals.update(
        join_url=join_url,
        phase_label=phase_label,
        all_phases=PHASES,
        now_utc=utcnow,
        get_locale=get_locale,
        now_iso=lambda: to_iso(utcnow()),
    )
    app.jinja_env.filters["spaced_code"] = spaced_code
