"""Small helpers that templates need: join URLs, phase names, asset versions, story fields."""

from flask import url_for
from flask_babel import get_locale
from markupsafe import Markup, escape

from ai_workshop.clock import to_iso, utcnow
from ai_workshop.phases import PHASES, phase_label
from ai_workshop.stories.fields import STORY_FIELDS, for_scripts
from ai_workshop.stories.personal_data import find_personal_data
from ai_workshop.web.netinfo import public_base_url


def join_url(workshop) -> str:
    return f"{public_base_url()}{url_for('phone.join_page', code=workshop.code)}"


def spaced_code(code: str) -> str:
    """ABC234 -> 'ABC 234': easier to read aloud and to copy from a projector."""
    return f"{code[:3]} {code[3:]}"


def mark_personal_data(text: str | None) -> Markup:
    """The text, escaped, with what looks like a customer's details in <mark> for the console."""
    text = text or ""
    parts, position = [], 0
    for finding in find_personal_data(text):
        parts.append(escape(text[position : finding.start]))
        parts.append(Markup('<mark class="personal">%s</mark>') % finding.text)
        position = finding.end
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def init_template_helpers(app) -> None:
    app.jinja_env.globals.update(
        join_url=join_url,
        phase_label=phase_label,
        all_phases=PHASES,
        now_utc=utcnow,
        get_locale=get_locale,
        now_iso=lambda: to_iso(utcnow()),
        story_fields=STORY_FIELDS,
        story_script_fields=for_scripts(),
    )
    app.jinja_env.filters["spaced_code"] = spaced_code
    app.jinja_env.filters["mark_personal_data"] = mark_personal_data
