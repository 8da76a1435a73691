"""Rate limits hold across worker processes: a two-worker server lets through the documented
figure, not twice it (the limits are counted in one file every worker shares)."""

import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest

from tests.support.server import GunicornServer

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
SIGNUPS_PER_HOUR = 20  # RATELIMIT_SIGNUPS_PER_ADDRESS


@pytest.fixture
def two_workers():
    server = GunicornServer(extra_env={"WORKERS": "2"})
    server.start()
    yield server
    server.stop()


def sign_up(base: str, number: int) -> int:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    page = opener.open(f"{base}/auth/signup").read().decode()
    form = {
        "csrf_token": CSRF.search(page).group(1),
        "email": f"person{number}@example.com",
        "password": "a long enough password",
        "confirm": "a long enough password",
    }
    try:
        with opener.open(f"{base}/auth/signup", data=urllib.parse.urlencode(form).encode()):
            return 200
    except urllib.error.HTTPError as error:
        return error.code


def test_signups_per_address_are_counted_across_workers(two_workers):
    answers: list[int] = []
    lock = threading.Lock()

    def many(start: int) -> None:
        for number in range(start, start + 10):
            status = sign_up(two_workers.base_url, number)
            with lock:
                answers.append(status)

    # Parallel connections, so both workers take signups.
    threads = [threading.Thread(target=many, args=(start,)) for start in (0, 100, 200)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(answers) == 30
    assert answers.count(200) == SIGNUPS_PER_HOUR, sorted(answers)
    assert answers.count(429) == 30 - SIGNUPS_PER_HOUR
