"""Facilitator accounts: creation and password checks."""

import secrets
from functools import cache

from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from ai_workshop.auth.forms import PASSWORD_MIN
from ai_workshop.domain_errors import Conflict, ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.models import Facilitator


def find_facilitator(email: str) -> Facilitator | None:
    return db.session.scalar(
        select(Facilitator).where(Facilitator.email == Facilitator.normalise_email(email))
    )


def create_facilitator(email: str, password: str, name: str = "") -> Facilitator:
    email = Facilitator.normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise ValidationFailed(_("That doesn't look like an email address."))
    if len(password) < PASSWORD_MIN:
        raise ValidationFailed(
            _("Use at least %(min)d characters for your password.", min=PASSWORD_MIN)
        )
    if find_facilitator(email) is not None:
        raise Conflict(_("An account with that email already exists."))
    facilitator = Facilitator(email=email, name=name.strip()[:80])
    facilitator.set_password(password)
    db.session.add(facilitator)
    db.session.flush()
    return facilitator


@cache
def _stand_in_hash() -> str:
    """A hash made the same way as real ones, for an e-mail with no account."""
    return generate_password_hash(secrets.token_urlsafe(16))


def authenticate(email: str, password: str) -> Facilitator | None:
    """The facilitator, or None. An unknown e-mail costs the same password check as a known
    one, so the time of the answer does not tell whether an account exists."""
    facilitator = find_facilitator(email)
    if facilitator is None:
        check_password_hash(_stand_in_hash(), password)
        return None
    if not facilitator.check_password(password):
        return None
    return facilitator
