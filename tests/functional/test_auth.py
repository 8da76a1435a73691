from ai_workshop.models import Facilitator


def test_signup_creates_a_hashed_account_and_logs_in(client, app):
    response = client.post(
        "/auth/signup",
        data={
            "name": "Ana",
            "email": "Ana@Example.com",
            "password": "long enough pw",
            "confirm": "long enough pw",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/workshops/")
    account = Facilitator.query.filter_by(email="ana@example.com").one()
    assert account.password_hash != "long enough pw"
    assert account.check_password("long enough pw")
    assert client.get("/workshops/").status_code == 200


def test_signup_rejects_short_passwords_and_duplicates(client, facilitator):
    short = client.post(
        "/auth/signup", data={"email": "x@example.com", "password": "short", "confirm": "short"}
    )
    assert short.status_code == 422
    assert b"at least 10 characters" in short.data
    duplicate = client.post(
        "/auth/signup",
        data={
            "email": facilitator.email,
            "password": "long enough pw",
            "confirm": "long enough pw",
        },
    )
    assert duplicate.status_code == 409
    assert b"already exists" in duplicate.data


def test_login_with_a_wrong_password_fails_clearly(client, facilitator):
    response = client.post(
        "/auth/login", data={"email": facilitator.email, "password": "nope nope"}
    )
    assert response.status_code == 401
    assert b"don&#39;t match" in response.data
    assert client.get("/workshops/").status_code == 302


def test_login_then_logout(client, facilitator, login):
    login(facilitator)
    assert client.get("/workshops/").status_code == 200
    assert client.post("/auth/logout").status_code == 302
    assert client.get("/workshops/").status_code == 302


def test_login_follows_only_local_next_urls(client, facilitator):
    data = {"email": facilitator.email, "password": "correct horse battery"}
    local = client.post("/auth/login?next=/workshops/new", data=data)
    assert local.headers["Location"] == "/workshops/new"
    client.post("/auth/logout")
    foreign = client.post("/auth/login?next=//evil.example/x", data=data)
    assert foreign.headers["Location"] == "/workshops/"
    client.post("/auth/logout")
    # A line break smuggled into the header: the workshops page, never a 500.
    smuggled = client.post("/auth/login?next=/%0D%0AX:1", data=data)
    assert smuggled.status_code == 302 and smuggled.headers["Location"] == "/workshops/"


def test_facilitator_pages_need_login(client):
    response = client.get("/workshops/")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]
