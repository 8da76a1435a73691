"""Workshop workflows: creation from a template, settings, phase and timer control."""

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select

from ai_workshop.clock import utcnow
from ai_workshop.domain_errors import NotFound
from ai_workshop.extensions import db
from ai_workshop.i18n import DEFAULT_LANGUAGE, LANGUAGES
from ai_workshop.live import mark_changed
from ai_workshop.models import Facilitator, Participant, Story, Workshop
from ai_workshop.models.joincode import generate_code, looks_like_code, normalise_code
from ai_workshop.time_zones import local_zone_name
from ai_workshop.workshops.template_library import get_template

EDITABLE_FIELDS = (
    "name",
    "topic",
    "why_it_matters",
    "questions",
    "dream_prompt",
    "strengths_vocabulary",
    "phase_vocabulary",
    "language",
    "table_count",
    "interview_minutes",
    "mix_groups",
    "time_zone",
)


def unused_code() -> str:
    while True:
        code = generate_code()
        if db.session.scalar(select(Workshop.id).where(Workshop.code == code)) is None:
            return code


def create_workshop(
    facilitator: Facilitator, template_key: str, language: str = DEFAULT_LANGUAGE, **fields
) -> Workshop:
    """A new workshop filled from a template in the room's language; explicit fields
    override the template."""
    template = get_template(template_key)
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    with force_locale(language):
        workshop = Workshop(
            code=unused_code(),
            facilitator=facilitator,
            template_key=template.key,
            language=language,
            name=str(template.title),
            topic=str(template.topic),
            why_it_matters=str(template.why_it_matters),
            questions=[str(question) for question in template.questions],
            dream_prompt=str(template.dream_prompt),
            strengths_vocabulary=[str(term) for term in template.strengths],
            phase_vocabulary=template.phase_vocabulary,
            time_zone=local_zone_name(),
            phase="define",
            version=1,
        )
    update_settings(workshop, fields, announce=False)
    db.session.add(workshop)
    db.session.flush()
    return workshop


def update_settings(workshop: Workshop, fields: dict, announce: bool = True) -> None:
    for name in EDITABLE_FIELDS:
        if fields.get(name) is not None:
            setattr(workshop, name, fields[name])
    if announce:
        mark_changed(workshop, stage=True)


_BY_CODE = select(Workshop).where(Workshop.code == bindparam("code"))


def find_workshop(raw_code: str) -> Workshop:
    code = normalise_code(raw_code or "")
    workshop = None
    if looks_like_code(code):
        workshop = db.session.scalar(_BY_CODE, {"code": code})
    if workshop is None:
        raise no_such_workshop(code)
    return workshop


def no_such_workshop(code: str) -> NotFound:
    return NotFound(_("No workshop has the code %(code)s.", code=code or _("(empty)")))


def set_phase(workshop: Workshop, phase: str) -> None:
    """Move the room on; a timer that has run out stays behind with the phase it timed."""
    moving_on = phase != workshop.phase
    workshop.set_phase(phase)
    if moving_on and workshop.timer_state(utcnow()) == "finished":
        workshop.reset_timer()
    mark_changed(workshop, stage=True)


def control_timer(workshop: Workshop, action: str, seconds: int = 0) -> None:
    now = utcnow()
    if action == "start":
        workshop.start_timer(seconds, now)
    elif action == "pause":
        workshop.pause_timer(now)
    elif action == "resume":
        workshop.resume_timer(now)
    elif action == "extend":
        workshop.extend_timer(seconds, now)
    elif action == "reset":
        workshop.reset_timer()
    else:
        raise ValueError(action)
    mark_changed(workshop, stage=True)


def participant_count(workshop: Workshop) -> int:
    return db.session.scalar(
        select(func.count(Participant.id)).where(Participant.workshop_id == workshop.id)
    )


def story_count(workshop: Workshop) -> int:
    return db.session.scalar(
        select(func.count(Story.id)).where(
            Story.workshop_id == workshop.id, Story.parked.is_(False)
        )
    )


def workshops_of(facilitator: Facilitator) -> list[Workshop]:
    return list(
        db.session.scalars(
            select(Workshop)
            .where(Workshop.facilitator_id == facilitator.id)
            .order_by(Workshop.created_at.desc())
        )
    )
