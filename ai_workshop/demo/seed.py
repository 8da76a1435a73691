"""The demo facilitator and workshop that `make run` offers on a first run."""

import secrets
import uuid
from pathlib import Path

from sqlalchemy import select

from ..auth.services import create_facilitator, find_facilitator
from ..extensions import db
from ..models import Participant, Story, Workshop
from ..workshops.services import create_workshop
from .stories import DEMO_PARTICIPANTS, DEMO_STORIES, EXTRA_DEMO_STORIES

DEMO_EMAIL = "demo@example.com"
DEMO_WORKSHOP_NAME = "Customer service offsite (demo)"


def demo_credentials_file(instance_path: str) -> Path:
    return Path(instance_path) / "demo-credentials.txt"


def ensure_demo_facilitator(instance_path: str) -> tuple[str, str]:
    """The demo account, with a random password kept in the instance folder."""
    credentials = demo_credentials_file(instance_path)
    facilitator = find_facilitator(DEMO_EMAIL)
    if facilitator is not None and credentials.exists():
        return DEMO_EMAIL, credentials.read_text().strip()
    password = secrets.token_urlsafe(9)
    if facilitator is None:
        facilitator = create_facilitator(DEMO_EMAIL, password, name="Demo Facilitator")
    else:
        facilitator.set_password(password)
    credentials.parent.mkdir(parents=True, exist_ok=True)
    credentials.write_text(password + "\n")
    credentials.chmod(0o600)
    return DEMO_EMAIL, password


def ensure_demo_workshop() -> Workshop:
    facilitator = find_facilitator(DEMO_EMAIL)
    existing = db.session.scalar(
        select(Workshop).where(
            Workshop.facilitator_id == facilitator.id, Workshop.name == DEMO_WORKSHOP_NAME
        )
    )
    if existing is not None:
        return existing
    workshop = create_workshop(facilitator, "customer-service", name=DEMO_WORKSHOP_NAME)
    workshop.phase = "discover"
    tellers = list(zip(DEMO_PARTICIPANTS, DEMO_STORIES, strict=True))
    tellers += [(fields["teller"], fields) for fields in EXTRA_DEMO_STORIES]
    for name, fields in tellers:
        participant = Participant(workshop=workshop, display_name=name)
        participant.assign_token(Participant.new_token())
        story = Story(workshop=workshop, participant=participant, client_id=str(uuid.uuid4()))
        for key in ("headline", "body", "made_possible", "wish", "whose", "consent"):
            setattr(story, key, fields[key])
        story.set_strengths(fields["strengths"], workshop.strengths_vocabulary)
        db.session.add_all([participant, story])
    db.session.flush()
    return workshop
