"""Phone polls answered before Flask is involved, from the stage cache.

Thousands of phones ask "has the stage changed?"; nearly every answer is "no". When the
phone sent the cached ETag, the answer is a 304 straight from here, at a fraction of the
cost of a routed request; with `?wait=N` it is held first, up to N seconds, until the stage
moves (see stage_watch.py). A phone with an older stage, or none, gets the cached state
with a 200. Only when nothing is cached for the room does the request go on to the real
endpoint, which fills the cache.
"""

import random
import re
from urllib.parse import parse_qs

from ai_workshop.models.joincode import normalise_code
from ai_workshop.web.security_headers import security_headers

STATE_PATH = re.compile(r"^/api/v1/workshops/([^/]{1,20})/state$")


def _etags(header: str) -> set[str]:
    tags = set()
    for part in header.split(",") if header else ():
        tag = part.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        tags.add(tag.strip('"'))
    return tags


# A held poll ends after 60-100 % of the wait asked for, at random: a room whose phones all
# began waiting together (after a phase change, a restart) would otherwise renew every poll
# in the same instant, every 25 s, and the writes of that moment would queue behind them.
HOLD_JITTER = 0.4


def held_for(asked: float, draw: float | None = None) -> float:
    """How long to hold a poll that asked to wait `asked` seconds; draw is in [0, 1)."""
    return asked * (1.0 - HOLD_JITTER * (random.random() if draw is None else draw))


def wait_seconds(query_string: str, longest: float) -> float:
    """The `wait` a phone asked for, within 0..longest; anything unreadable means no wait."""
    try:
        asked = float(parse_qs(query_string).get("wait", ["0"])[0])
    except ValueError:
        return 0.0
    return min(max(asked, 0.0), longest) if asked == asked else 0.0  # NaN is no wait


class StatePollShortcut:
    def __init__(self, wsgi_app, stage_cache, stage_watch, longest_wait: float, state_json) -> None:
        self.wsgi_app = wsgi_app
        self.stage_cache = stage_cache
        self.stage_watch = stage_watch
        self.longest_wait = longest_wait
        self.state_json = state_json  # Stage -> the body phones receive, as bytes

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") != "GET":
            return self.wsgi_app(environ, start_response)
        match = STATE_PATH.match(environ.get("PATH_INFO", ""))
        if match is None:
            return self.wsgi_app(environ, start_response)
        code = normalise_code(match.group(1))
        stage = self.stage_cache.get(code)
        if stage is None:
            return self.wsgi_app(environ, start_response)
        if stage.etag in _etags(environ.get("HTTP_IF_NONE_MATCH", "")):
            wait = held_for(wait_seconds(environ.get("QUERY_STRING", ""), self.longest_wait))
            if not (wait and self.stage_watch.wait_for_change(code, stage.etag, wait)):
                start_response("304 NOT MODIFIED", self._headers(stage, environ))
                return []
            stage = self.stage_cache.get(code)
            if stage is None:
                return self.wsgi_app(environ, start_response)
        # A new stage: after a phase change a whole room asks at once, so it is answered
        # here too, from the cached body, without routing each request through Flask.
        body = self.state_json(stage)
        headers = [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(body))),
            *self._headers(stage, environ),
        ]
        start_response("200 OK", headers)
        return [body]

    @staticmethod
    def _headers(stage, environ) -> list[tuple[str, str]]:
        over_https = environ.get("wsgi.url_scheme") == "https"
        return [
            ("ETag", f'"{stage.etag}"'),
            ("Cache-Control", "no-cache"),
            *security_headers(environ.get("PATH_INFO", ""), over_https),
        ]
