def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert b"couldn&#39;t find" in response.data or b"couldn't find" in response.data
    assert b"Traceback" not in response.data


def test_unexpected_errors_become_a_500_page_without_a_trace(app, client):
    @app.get("/boom-for-test")
    def boom():
        raise RuntimeError("kaboom")

    response = client.get("/boom-for-test")
    assert response.status_code == 500
    assert b"kaboom" not in response.data and b"Traceback" not in response.data


def test_health(client):
    assert client.get("/healthz").json == {"status": "ok", "database": "ok"}


def test_home_page_has_a_code_box(client):
    page = client.get("/")
    assert page.status_code == 200
    assert b'name="code"' in page.data


def test_an_unreachable_database_is_a_503_with_retry_after(tmp_path):
    """PostgreSQL down (nothing listens on the port): a clear 503, never a 500."""
    from ai_workshop import create_app

    from ..conftest import config_for_tests

    app = create_app(config_for_tests("postgresql+psycopg://postgres@127.0.0.1:1/nowhere"))
    client = app.test_client()
    api = client.post("/api/v1/join", json={"code": "ABC234"})
    assert api.status_code == 503
    assert api.headers["Retry-After"] == "2"
    assert api.json["error"]["code"] == "unavailable"
    page = client.get("/p/ABC234")
    assert page.status_code == 503
    assert "Your draft is kept" in page.text
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json["status"] == "unavailable"
    assert health.json["database"].startswith("cannot read")


def test_a_read_only_database_says_so_and_health_reports_it(tmp_path):
    """A read-only (or full) database: a write gets a 503 that says nothing was saved and
    why, not "busy"; /healthz then says the database cannot write."""
    from ai_workshop import create_app
    from ai_workshop.extensions import db as database

    from ..conftest import config_for_tests
    from ..factories import Factories

    path = tmp_path / "room.sqlite3"
    writable = create_app(config_for_tests(f"sqlite:///{path}"))
    with writable.app_context():
        database.create_all()
        make = Factories()
        code = make.workshop(make.facilitator(), phase="discover").code
        database.session.commit()
        database.engine.dispose()
    read_only = create_app(config_for_tests(f"sqlite:///file:{path}?mode=ro&uri=true"))
    client = read_only.test_client()
    try:
        joined = client.post(f"/j/{code}", data={"display_name": "Sam"})
        assert joined.status_code == 503
        assert "cannot store anything" in joined.text and "not saved" in joined.text
        api = client.post("/api/v1/join", json={"code": code})
        assert api.status_code == 503 and "read-only" in api.json["error"]["message"]
        report = client.get("/healthz")
        assert report.status_code == 503 and report.json["database"].startswith("cannot write")
    finally:
        with read_only.app_context():
            database.engine.dispose()
