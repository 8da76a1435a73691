"""Who may use each route: declared on the route, decided here and nowhere else.

Every view declares its audience with one of the decorators below. The decorator loads what
the URL names (the workshop from its code, the phone's or script's participant, the plan from
the leaders' link), refuses everyone outside the audience with the answer that audience
gives, and hands the view what it loaded. `create_app` refuses to start while a route
declares nothing, so no route is open, or closed, by oversight.
"""

import re
from enum import StrEnum
from functools import wraps

from flask import abort, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import bindparam, select

from ai_workshop.domain_errors import NotFound
from ai_workshop.extensions import db
from ai_workshop.models import Participant, Plan, Workshop
from ai_workshop.models.joincode import looks_like_code, normalise_code
from ai_workshop.models.participant import hash_token
from ai_workshop.participants.services import participant_for_token
from ai_workshop.web.code_guesses import count_unknown_code, refuse_if_guessing, workshop_for_code
from ai_workshop.web.json_errors import ApiError
from ai_workshop.web.phone_identity import token_for, token_for_code
from ai_workshop.workshops.services import no_such_workshop
from ai_workshop.workshops.sharing import share_of


class Audience(StrEnum):
    PUBLIC = "public"  # anyone
    SIGNED_IN = "signed in"  # any facilitator account
    RUNS = "runs"  # the workshop's owner and its co-facilitators
    OWNS = "owns"  # the workshop's owner alone
    PHONE = "phone"  # the workshop's participant, by the phone's cookie
    API = "api"  # the workshop's participant, by bearer token
    LEADER = "leader"  # whoever holds the plan's secret link


def _declare(audience: Audience, view):
    view.audience = audience
    return view


def declared_audience(app, endpoint: str) -> Audience | None:
    if endpoint == "static":
        return Audience.PUBLIC  # Flask's own route for the files under static/
    return getattr(app.view_functions[endpoint], "audience", None)


def refuse_undeclared_routes(app) -> None:
    undeclared = sorted(
        {rule.endpoint for rule in app.url_map.iter_rules()}
        - {endpoint for endpoint in app.view_functions if declared_audience(app, endpoint)}
    )
    if undeclared:
        raise RuntimeError(
            "Routes without an access declaration (see ai_workshop/web/access.py): "
            + ", ".join(undeclared)
        )


# Facilitators


def is_owner(workshop: Workshop) -> bool:
    return current_user.is_authenticated and workshop.facilitator_id == current_user.id


def _co_facilitates(workshop: Workshop) -> bool:
    return current_user.is_authenticated and share_of(workshop, current_user.id) is not None


def _runs(workshop: Workshop) -> bool:
    return is_owner(workshop) or _co_facilitates(workshop)


def _workshop_or_404(code: str, message: str) -> Workshop:
    try:
        return workshop_for_code(code)
    except NotFound:
        abort(404, message)


def _facilitators_workshop(code: str) -> Workshop:
    return _workshop_or_404(code, _("No workshop has that code."))


def _not_theirs():
    abort(403, _("This workshop belongs to another facilitator."))


def public(view):
    return _declare(Audience.PUBLIC, view)


def signed_in(view):
    """Any facilitator; everyone else goes to the login page."""
    return _declare(Audience.SIGNED_IN, login_required(view))


def runs_workshop(view):
    """The workshop's owner or a co-facilitator; hands the view `workshop` for `code`."""

    @wraps(view)
    def wrapper(code: str, **values):
        workshop = _facilitators_workshop(code)
        if not _runs(workshop):
            _not_theirs()
        return view(workshop=workshop, **values)

    return _declare(Audience.RUNS, login_required(wrapper))


def _owner_only(workshop: Workshop) -> Workshop:
    if is_owner(workshop):
        return workshop
    if _co_facilitates(workshop):
        abort(403, _("Only the workshop's owner can do this. Ask them."))
    _not_theirs()


def owns_workshop(view):
    """The workshop's owner alone: sharing, the leaders' link, deletion."""

    @wraps(view)
    def wrapper(code: str, **values):
        return view(workshop=_owner_only(_facilitators_workshop(code)), **values)

    return _declare(Audience.OWNS, login_required(wrapper))


def owns_workshop_or_leaving(view):
    """The owner, who removes anyone from the team; a co-facilitator may remove only
    themselves (the URL's `facilitator_id`)."""

    @wraps(view)
    def wrapper(code: str, facilitator_id: int, **values):
        workshop = _facilitators_workshop(code)
        if facilitator_id != current_user.id:
            _owner_only(workshop)
        elif not _runs(workshop):
            _not_theirs()
        return view(workshop=workshop, facilitator_id=facilitator_id, **values)

    return _declare(Audience.OWNS, login_required(wrapper))


# Participants


def _phones_workshop(code: str) -> Workshop:
    return _workshop_or_404(code, _("No workshop has that code. Check the code on the screen."))


def phone_participant(workshop: Workshop) -> Participant | None:
    """The participant this phone joined as, if it joined this workshop."""
    participant = participant_for_token(token_for(workshop))
    if participant is None or participant.workshop_id != workshop.id:
        return None
    return participant


def joining(view):
    """Anyone, for the workshop of the code in the URL: the join pages."""

    @wraps(view)
    def wrapper(code: str, **values):
        return view(workshop=_phones_workshop(code), **values)

    return _declare(Audience.PUBLIC, wrapper)


def phone(view):
    """The phone that joined this workshop; any other is sent to join it first."""

    @wraps(view)
    def wrapper(code: str, **values):
        workshop, participant = _room_and_phone(code)
        if participant is None:
            return redirect(url_for("phone.join_page", code=workshop.code))
        return view(workshop=workshop, participant=participant, **values)

    return _declare(Audience.PHONE, wrapper)


def _room_and_phone(raw_code: str) -> tuple[Workshop, Participant | None]:
    """The room in the URL and the phone's participant in it, in one query: every phone
    page asks, a whole room at once after a phase change."""
    refuse_if_guessing()
    code = normalise_code(raw_code or "")
    row = None
    if looks_like_code(code):
        token = token_for_code(code) or ""
        row = db.session.execute(_ROOM_AND_PHONE, {"code": code, "token_hash": hash_token(token)})
        row = row.first()
    if row is None:
        count_unknown_code()
        abort(404, _("No workshop has that code. Check the code on the screen."))
    workshop, participant = row
    if participant is None or participant.workshop_id != workshop.id:
        return workshop, None
    return workshop, participant


# The participant is joined on the token alone, so a token of another room still comes back
# and is told apart from an unknown one.
_ROOM_AND_PHONE = (
    select(Workshop, Participant)
    .outerjoin(Participant, Participant.token_hash == bindparam("token_hash"))
    .where(Workshop.code == bindparam("code"))
)


def _bearer_token(authorization: str) -> str | None:
    scheme, _sep, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _workshop_and_participant(raw_code: str) -> tuple[Workshop, Participant]:
    """The room in the URL and the script's participant, in one query: every participant
    request makes it, and the busiest writes of a room are among them.

    404 for an unknown room, then 401 without a valid token, 403 for another room's token.
    """
    refuse_if_guessing()
    code = normalise_code(raw_code or "")
    token = _bearer_token(request.headers.get("Authorization", ""))
    row = None
    if looks_like_code(code):
        params = {"code": code, "token_hash": hash_token(token or "")}
        row = db.session.execute(_ROOM_AND_PHONE, params).first()
    if row is None:
        count_unknown_code()
        raise no_such_workshop(code)
    workshop, participant = row
    if token is None:
        raise ApiError(401, "unauthorized", _("Join the workshop first: no participant token."))
    if participant is None:
        raise ApiError(401, "unauthorized", _("That participant token is not valid."))
    if participant.workshop_id != workshop.id:
        raise ApiError(403, "forbidden", _("That token belongs to another workshop."))
    return workshop, participant


def api_participant(view):
    """The participant of this workshop by bearer token; JSON errors for everyone else."""

    @wraps(view)
    def wrapper(code: str, **values):
        workshop, participant = _workshop_and_participant(code)
        return view(workshop=workshop, participant=participant, **values)

    return _declare(Audience.API, wrapper)


# Leaders

_LINK_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,99}")


def leaders_link(view):
    """Whoever holds the plan's secret link; hands the view `plan` for `token`. A wrong link
    is a 404, as if there were none."""

    @wraps(view)
    def wrapper(token: str, **values):
        # Links are made by secrets.token_urlsafe; anything else (a NUL, which PostgreSQL
        # refuses in a query) is not looked up at all.
        plan = (
            db.session.scalar(select(Plan).where(Plan.share_token == token))
            if _LINK_TOKEN.fullmatch(token)
            else None
        )
        if plan is None:
            abort(404, _("This plan link is not valid. Ask the facilitator for a new one."))
        return view(plan=plan, **values)

    return _declare(Audience.LEADER, wrapper)
