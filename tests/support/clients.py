"""Test clients share one app context: `fresh` makes a client forget the last request's
user, CSRF token and language, as a new browser would."""

from flask import g


def fresh(client):
    for name in ("_login_user", "csrf_token", "aiw_locale", "_flask_babel"):
        g.pop(name, None)
    return client
