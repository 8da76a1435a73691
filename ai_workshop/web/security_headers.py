"""The browser-facing security headers, on every response: Flask's and the poll shortcut's.

One function builds the list, so the answers given before Flask (live/shortcut.py) carry
exactly the same headers as the rest.
"""

from flask import request

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)
# Nothing in the app uses these; a page that is ever framed or injected cannot either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
# The leaders' plan link carries its secret in the path: a link followed from there, or a
# resource it loads, must not repeat that URL in a Referer. Elsewhere the Referer stays on
# our own origin, where Flask-WTF checks it on HTTPS form posts.
SECRET_PATH_PREFIXES = ("/l/",)
HSTS = "max-age=31536000"


def security_headers(path: str, over_https: bool) -> list[tuple[str, str]]:
    headers = [
        ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", referrer_policy(path)),
        ("Permissions-Policy", PERMISSIONS_POLICY),
    ]
    if over_https:
        headers.append(("Strict-Transport-Security", HSTS))
    return headers


def referrer_policy(path: str) -> str:
    return "no-referrer" if path.startswith(SECRET_PATH_PREFIXES) else "same-origin"


def init_security_headers(app) -> None:
    """request.is_secure follows the scheme the server saw: gunicorn sets it from
    X-Forwarded-Proto only for a proxy in FORWARDED_ALLOW_IPS (by default this machine)."""

    @app.after_request
    def add_security_headers(response):
        for name, value in security_headers(request.path, request.is_secure):
            response.headers[name] = value
        return response
