"""Hostile values and the checks every fuzz test shares: no 5xx, no NUL byte stored."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import select

from ai_workshop.extensions import db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
TEMPLATE = "{{7*7}}"

HOSTILE_TEXT = [
    SCRIPT,
    IMG,
    TEMPLATE,
    "{% raw %}{{ config }}{% endraw %}",
    "${7*7} #{7*7} <%= 7*7 %>",
    "x" * 100_000,
    "",
    "   \t\n  ",
    "\u202eevil\u202c \u200fRTL\u200e",
    "👩\u200d👩\u200d👧 zero\u200bwidth\u2060join",
    "e\u0301\u0301\u0301 Z\u0336\u0337\u0338 combining",
    "𝕳𝖊𝖑𝖑𝖔 😀 \U0010fffd astral",
    "nul\x00byte \x00",
    "\x00",
    "ctrl\x01\x07\x1b[31m\x7f",
    "line\r\nbreak\rcr",
    "' OR 1=1; DROP TABLE story; --",
    '<img src="http://example.invalid/x.png"> file:///etc/passwd',
    "9" * 40,
    "-1",
    "0",
]

# Only in JSON: these cannot be sent as UTF-8 form data, but "\ud800" is valid JSON text.
LONE_SURROGATES = ["\ud800", "a\udfffb", "\udc00\ud800"]

EXPECTED = {200, 201, 204, 302, 303, 400, 401, 404, 409, 413, 422}

hostile_text = st.sampled_from(HOSTILE_TEXT) | st.text(max_size=60)
json_junk = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.lists(st.sampled_from(HOSTILE_TEXT[:4]), max_size=3),
    st.dictionaries(st.sampled_from(["a", "$ne"]), st.sampled_from(HOSTILE_TEXT[:4]), max_size=2),
)
json_value = hostile_text | st.sampled_from(LONE_SURROGATES) | json_junk

# Fixtures stay for the whole test: every example runs against the same growing workshop,
# which is what a hostile phone would face too.
FUZZ = settings(
    max_examples=10,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)


def assert_handled(response, expected=EXPECTED) -> None:
    """A clear answer: never a server error, never a status nobody planned for."""
    body = response.get_data(as_text=True)[:300]
    assert response.status_code < 500, f"{response.status_code}: {body}"
    assert response.status_code in expected, f"{response.status_code}: {body}"


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple):
        return any(_holds_nul(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_nul(key) or _holds_nul(item) for key, item in value.items())
    return False


def stored_nul_bytes() -> list[str]:
    """Every stored value, in every table, that holds a NUL byte: none may."""
    db.session.rollback()
    found = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(select(table)).mappings():
            found += [f"{table.name}.{key}" for key, value in row.items() if _holds_nul(value)]
    return found
