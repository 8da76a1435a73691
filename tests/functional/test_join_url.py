"""The join URL in QR codes: PUBLIC_URL when set, else the laptop's LAN address."""

import re

from ai_workshop.web import netinfo


def test_public_url_wins(app, client, workshop, facilitator, login):
    login(facilitator)
    page = client.get(f"/workshops/{workshop.code}/console").data.decode()
    assert f"http://workshop.test/j/{workshop.code}" in page


def test_lan_address_when_public_url_is_unset(
    app, client, workshop, facilitator, login, monkeypatch
):
    app.config["PUBLIC_URL"] = ""
    monkeypatch.setattr(netinfo, "lan_addresses", lambda: ["192.168.1.23"])
    login(facilitator)
    page = client.get(f"/workshops/{workshop.code}/console", base_url="http://localhost:5000")
    assert f"http://192.168.1.23:5000/j/{workshop.code}" in page.data.decode()


def test_console_warns_when_phones_cannot_reach_a_loopback_server(
    app, client, workshop, facilitator, login
):
    app.config.update(PUBLIC_URL="", HOST="127.0.0.1")
    login(facilitator)
    assert b"HOST=0.0.0.0 make run" in client.get(f"/workshops/{workshop.code}/console").data
    app.config["HOST"] = "0.0.0.0"
    assert b"HOST=0.0.0.0 make run" not in client.get(f"/workshops/{workshop.code}/console").data


def test_lan_addresses_are_private_ipv4_only():
    for address in netinfo.lan_addresses():
        assert not address.startswith("127.")
        assert address.count(".") == 3


def test_the_leaders_link_uses_the_lan_address_not_the_one_the_laptop_browses(
    app, client, workshop, facilitator, login, monkeypatch
):
    app.config.update(PUBLIC_URL="", HOST="0.0.0.0")
    monkeypatch.setattr(netinfo, "lan_addresses", lambda: ["192.168.1.23"])
    login(facilitator)
    client.post(f"/plan/{workshop.code}/share", base_url="http://127.0.0.1:5000")
    page = client.get(f"/plan/{workshop.code}", base_url="http://127.0.0.1:5000").data.decode()
    link = re.search(r'class="share-link"><code>([^<]+)</code>', page).group(1)
    assert link.startswith("http://192.168.1.23:5000/l/")
    assert "127.0.0.1" not in link
    assert "HOST=0.0.0.0 make run" not in page


def test_the_leaders_link_follows_public_url_and_warns_on_a_loopback_server(
    app, client, workshop, facilitator, login
):
    login(facilitator)
    client.post(f"/plan/{workshop.code}/share")
    page = client.get(f"/plan/{workshop.code}").data.decode()
    assert re.search(r'class="share-link"><code>http://workshop\.test/l/', page)
    app.config.update(PUBLIC_URL="", HOST="127.0.0.1")
    assert "HOST=0.0.0.0 make run" in client.get(f"/plan/{workshop.code}").data.decode()
