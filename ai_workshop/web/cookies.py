"""Every cookie the app sets is HttpOnly, SameSite=Lax, and Secure when served over HTTPS.

Served over HTTPS means: SECURE_COOKIES says so, or, when it is unset, PUBLIC_URL starts
with https://; a request that itself arrived over HTTPS always gets Secure cookies.
"""

from flask import current_app, request
from flask.sessions import SecureCookieSessionInterface


def secure_cookies_configured(config) -> bool:
    flag = config.get("SECURE_COOKIES")
    if flag is None:
        return (config.get("PUBLIC_URL") or "").startswith("https://")
    return bool(flag)


def cookie_secure() -> bool:
    """For cookies set by hand in a request, like the participant's."""
    return current_app.config["SESSION_COOKIE_SECURE"] or request.is_secure


class SessionCookieOverHttps(SecureCookieSessionInterface):
    """Flask's signed-cookie session, Secure also on a request that came over HTTPS."""

    def get_cookie_secure(self, app) -> bool:
        return super().get_cookie_secure(app) or request.is_secure


def init_secure_cookies(app) -> None:
    secure = secure_cookies_configured(app.config)
    app.config.update(
        SESSION_COOKIE_SECURE=secure,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # Flask-Login sets this only with "remember me", which login does not offer today.
        REMEMBER_COOKIE_SECURE=secure,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
    )
    app.session_interface = SessionCookieOverHttps()
