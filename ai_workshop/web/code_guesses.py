"""A limit on guessing join codes: unknown codes looked up from one address.

Every page and API route that names a workshop by its code answers 404 for an unknown one,
so a script could try codes until one answers. Past the limit an address gets 429 for every
code, known or not, until the window passes: answering a known code then would tell the
guesser it hit. The limit is generous, since a venue's Wi-Fi puts a room behind one address
and people mistype codes.
"""

from flask import has_request_context, request
from flask_babel import gettext as _

from ai_workshop.domain_errors import NotFound, TooManyRequests
from ai_workshop.models import Workshop
from ai_workshop.web.ratelimit import over_limit, retry_after
from ai_workshop.workshops.services import find_workshop

LIMIT = "RATELIMIT_UNKNOWN_CODES_PER_ADDRESS"


def refuse_if_guessing() -> None:
    """429 for every code once this address has tried too many unknown ones."""
    if has_request_context():
        wait = over_limit(request.remote_addr or "unknown", LIMIT)
        if wait is not None:
            raise TooManyRequests(_("Too many unknown codes tried from here. Wait a minute."), wait)


def count_unknown_code() -> None:
    if has_request_context():
        retry_after(request.remote_addr or "unknown", LIMIT)


def workshop_for_code(code: str) -> Workshop:
    """The workshop of this code; NotFound, or TooManyRequests after too many unknown codes."""
    refuse_if_guessing()
    try:
        return find_workshop(code)
    except NotFound:
        count_unknown_code()
        raise
