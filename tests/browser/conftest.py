"""A real server in a thread and Debian's Chromium driven by Playwright."""

import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from ai_workshop import create_app
from ai_workshop.extensions import db

from ..conftest import config_for_tests
from ..factories import Factories
from ..support.browser import launch

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def live_server(tmp_path):
    """Serve the app on a free port, each request with its own context as in production."""
    config = config_for_tests(f"sqlite:///{tmp_path / 'browser.sqlite3'}")
    config.update(WTF_CSRF_ENABLED=True, LIVE_POLL_SECONDS=0.5, LIVE_STREAM_MAX_SECONDS=600)
    app = create_app(config)
    with app.app_context():
        db.create_all()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    base_url = f"http://127.0.0.1:{server.server_port}"
    app.config["PUBLIC_URL"] = base_url
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.app_ref = app
    server.base_url = base_url
    yield server
    server.shutdown()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def seeded(live_server):
    """A facilitator and a workshop at Welcome, made through the real services."""
    with live_server.app_ref.app_context():
        make = Factories()
        facilitator = make.facilitator(email="lead@example.com")
        workshop = make.workshop(facilitator, phase="define", name="Browser workshop")
        data = {
            "email": facilitator.email,
            "password": "correct horse battery",
            "code": workshop.code,
        }
        db.session.remove()
    return data


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
