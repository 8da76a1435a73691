"""The participant's identity on a phone: a signed cookie mapping join codes to tokens.

Whether a token lets the phone in is decided in web/access.py; this only keeps the tokens.
"""

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeSerializer

from ai_workshop.models import Workshop
from ai_workshop.web.cookies import cookie_secure

COOKIE_NAME = "aiw_participant"
COOKIE_SALT = "participant-identity"
MAX_WORKSHOPS_REMEMBERED = 8


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=COOKIE_SALT)


def _read_tokens() -> dict[str, str]:
    raw = request.cookies.get(COOKIE_NAME)
    if not raw:
        return {}
    try:
        tokens = _serializer().loads(raw)
    except BadSignature:
        return {}
    return tokens if isinstance(tokens, dict) else {}


def token_for(workshop: Workshop) -> str | None:
    return token_for_code(workshop.code)


def token_for_code(code: str) -> str | None:
    token = _read_tokens().get(code)
    return token if isinstance(token, str) else None


def remember(response, workshop: Workshop, token: str):
    tokens = _read_tokens()
    tokens.pop(workshop.code, None)
    tokens[workshop.code] = token
    while len(tokens) > MAX_WORKSHOPS_REMEMBERED:
        tokens.pop(next(iter(tokens)))
    response.set_cookie(
        COOKIE_NAME,
        _serializer().dumps(tokens),
        max_age=current_app.config["PARTICIPANT_COOKIE_DAYS"] * 86400,
        httponly=True,
        samesite="Lax",
        secure=cookie_secure(),
    )
    return response
