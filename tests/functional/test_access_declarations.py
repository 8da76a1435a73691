"""Every route declares who may use it: an app with an undeclared route does not start."""

import pytest

import ai_workshop
from ai_workshop import create_app
from ai_workshop.web import access

from ..conftest import config_for_tests


def test_the_app_refuses_to_start_with_an_undeclared_route(monkeypatch, tmp_path):
    register_blueprints = ai_workshop.register_blueprints

    def with_undeclared_routes(app):
        register_blueprints(app)
        app.add_url_rule("/forgotten", "forgotten", lambda: "open by oversight")
        app.add_url_rule("/declared", "declared", access.public(lambda: "open on purpose"))

    monkeypatch.setattr(ai_workshop, "register_blueprints", with_undeclared_routes)
    with pytest.raises(RuntimeError, match="access declaration") as refused:
        create_app(config_for_tests(f"sqlite:///{tmp_path / 'refused.sqlite3'}"))
    assert str(refused.value).endswith(": forgotten")
