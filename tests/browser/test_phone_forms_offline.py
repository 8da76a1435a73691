"""Every phone form survives a dropped server: what was typed is kept on the phone, sent by
itself once the server is back, and stored once."""

import sqlite3

import pytest
from playwright.sync_api import expect

from ..support.browser import PHONE, join
from ..support.server import GunicornServer

# kind: (phase, the form, what is typed into it, the table, the list that shows it afterwards)
KINDS = {
    "dream": ("dream", "form[data-draft=dream]", {"#text": "Customers tell their friends about us"},
              "dream", "#my-dreams"),
    "proposition": ("design", "form[data-draft=proposition]",
                    {"#text": "We answer every call within a minute"}, "proposition",
                    "#my-propositions"),
    "action": ("destiny", "form[data-draft=action]", {"#title": "Start a weekly huddle"},
               "action", "#actions"),
    "commitment": ("destiny", "form[data-draft=commitment]",
                   {"#commit #text": "I call back every customer by six"}, "commitment",
                   "#my-commitments"),
}  # fmt: skip


@pytest.fixture(scope="module")
def server():
    server = GunicornServer().start()
    _email, _password, code = server.seed(phase="dream")
    server.code = code
    server.database = server.env["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(server.database) as connection:
        workshop_id = connection.execute(
            "SELECT id FROM workshop WHERE code = ?", (code,)
        ).fetchone()[0]
        connection.execute(
            "INSERT INTO theme (workshop_id, name, position, pinned, chosen, origin, strengths,"
            " created_at) VALUES (?, 'Owning the call', 0, 0, 1, 'manual', '[]', '2024-01-01')",
            (workshop_id,),
        )
    yield server
    server.stop()


def _stored(server, table: str) -> int:
    with sqlite3.connect(server.database) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608


@pytest.mark.parametrize("kind", KINDS)
def test_a_form_sent_while_the_server_is_down_arrives_once_it_is_back(browser, server, kind):
    phase, form_selector, typed, table, shown_in = KINDS[kind]
    server.flask("workshop", "phase", server.code, phase)
    before = _stored(server, table)
    phone = browser.new_context(**PHONE).new_page()
    join(phone, server.base_url, server.code, "Sam")
    form = phone.locator(form_selector)
    if kind == "action":
        phone.click("details.propose summary")
    for selector, text in typed.items():
        phone.fill(selector, text)
    text = next(iter(typed.values()))

    server.kill()
    try:
        form.locator("[type=submit]").click()
        expect(form.locator("[data-submit-status]")).to_contain_text(
            "kept on this phone", timeout=10000
        )
        draft = phone.evaluate(f"localStorage.getItem('aiw-draft:{server.code}:{kind}')")
        assert text in draft
    finally:
        server.start()

    expect(phone.locator(shown_in)).to_contain_text(text, timeout=20000)
    assert phone.evaluate(f"localStorage.getItem('aiw-draft:{server.code}:{kind}')") is None
    assert _stored(server, table) == before + 1
    phone.context.close()
