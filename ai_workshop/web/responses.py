"""Background posts from the console and board scripts: they need no page back."""

from flask import request


def from_script() -> bool:
    """True for posts sent by our own fetch() calls, which set this header."""
    return request.headers.get("X-Requested-With") == "fetch"
