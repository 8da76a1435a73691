"""The cookie a phone page knows its participant by, made as joining makes it."""


def participant_cookie(secret_key: str, code: str):
    """The signed cookie the phone page knows its participant by, as joining sets it."""
    from itsdangerous import URLSafeSerializer

    from ai_workshop.web.phone_identity import COOKIE_NAME, COOKIE_SALT

    signer = URLSafeSerializer(secret_key, salt=COOKIE_SALT)
    return lambda phone: f"{COOKIE_NAME}={signer.dumps({code: phone.token})}"
