"""An unchanged phone poll answered before Flask is involved.

Thousands of phones ask "has the stage changed?" every few seconds; nearly every answer is
"no". When the stage cache knows the current ETag and the phone sent it, the answer is a
304 straight from here, at a fraction of the cost of a routed request. Anything else
(first poll, a change, an expired entry) goes on to the real endpoint, which fills the cache.
"""

import re

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


class StatePollShortcut:
    def __init__(self, wsgi_app, stage_cache) -> None:
        self.wsgi_app = wsgi_app
        self.stage_cache = stage_cache

    def __call__(self, environ, start_response):
        sent = environ.get("HTTP_IF_NONE_MATCH")
        if sent and environ.get("REQUEST_METHOD") == "GET":
            match = STATE_PATH.match(environ.get("PATH_INFO", ""))
            if match:
                known = self.stage_cache.etag(normalise_code(match.group(1)))
                if known is not None and known in _etags(sent):
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
