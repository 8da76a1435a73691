"""An unchanged phone poll answered before Flask is involved.

Thousands of phones ask "has the stage changed?"; nearly every answer is "no". When the
stage cache knows the current ETag and the phone sent it, the answer is a 304 straight from
here, at a fraction of the cost of a routed request; with `?wait=N` it is held first, up to
N seconds, until the stage moves (see stage_watch.py), and then the request goes on to the
endpoint for the new state. Anything else (first poll, a change, an expired entry) goes on
to the real endpoint, which fills the cache.
"""

import re
from urllib.parse import parse_qs

from ..joincode import normalise_code

STATE_PATH = re.compile(r"^/api/v1/workshops/([^/]{1,20})/state$")


def _etags(header: str) -> set[str]:
    tags = set()
    for part in header.split(","):
        tag = part.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        tags.add(tag.strip('"'))
    return tags


def wait_seconds(query_string: str, longest: float) -> float:
    """The `wait` a phone asked for, within 0..longest; anything unreadable means no wait."""
    try:
        asked = float(parse_qs(query_string).get("wait", ["0"])[0])
    except ValueError:
        return 0.0
    return min(max(asked, 0.0), longest) if asked == asked else 0.0  # NaN is no wait


class StatePollShortcut:
    def __init__(self, wsgi_app, stage_cache, stage_watch, longest_wait: float) -> None:
        self.wsgi_app = wsgi_app
        self.stage_cache = stage_cache
        self.stage_watch = stage_watch
        self.longest_wait = longest_wait

    def __call__(self, environ, start_response):
        sent = environ.get("HTTP_IF_NONE_MATCH")
        if sent and environ.get("REQUEST_METHOD") == "GET":
            match = STATE_PATH.match(environ.get("PATH_INFO", ""))
            if match:
                code = normalise_code(match.group(1))
                known = self.stage_cache.etag(code)
                if known is not None and known in _etags(sent):
                    wait = wait_seconds(environ.get("QUERY_STRING", ""), self.longest_wait)
                    if wait and self.stage_watch.wait_for_change(code, known, wait):
                        return self.wsgi_app(environ, start_response)
                    start_response(
                        "304 NOT MODIFIED",
                        [
                            ("ETag", f'"{known}"'),
                            ("Cache-Control", "no-cache"),
                            ("X-Content-Type-Options", "nosniff"),
                        ],
                    )
                    return []
        return self.wsgi_app(environ, start_response)
