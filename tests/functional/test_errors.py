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
    assert client.get("/healthz").json == {"status": "ok"}


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
