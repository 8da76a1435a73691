"""Size limits: a body over MAX_CONTENT_LENGTH is a clear 413, and every text field has a
maximum length with a message that names it."""

import importlib
import pkgutil

from wtforms import StringField
from wtforms.validators import Length

import ai_workshop
from ai_workshop.web.forms import AppForm

from ..support.api import api_join, bearer, story_payload

TOO_MUCH = "That was too much text to send at once. Shorten it and try again."


def too_long_for(app) -> str:
    return "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)


def test_an_oversized_form_post_gets_a_413_page(app, client, workshop):
    for url in ("/auth/login", f"/p/{workshop.code}/stories", f"/j/{workshop.code}"):
        response = client.post(url, data={"story": too_long_for(app), "headline": "Hi"})
        assert response.status_code == 413, url
        assert response.mimetype == "text/html"
        page = response.get_data(as_text=True)
        assert TOO_MUCH in page and "Traceback" not in page


def test_an_oversized_api_body_gets_a_413_json_error(app, client, workshop):
    token = api_join(client, workshop.code)["participant_token"]
    response = client.post(
        f"/api/v1/workshops/{workshop.code}/stories",
        json=story_payload(story=too_long_for(app)),
        headers=bearer(token),
    )
    assert response.status_code == 413
    assert response.json == {"error": {"code": "too_large", "message": TOO_MUCH}}
    listed = client.get(f"/api/v1/workshops/{workshop.code}/stories", headers=bearer(token))
    assert listed.status_code == 200 and listed.json["stories"] == []


def every_form_class() -> list[type]:
    for module in pkgutil.walk_packages(ai_workshop.__path__, "ai_workshop."):
        importlib.import_module(module.name)
    found, pending = [], [AppForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            found.append(subclass)
            pending.append(subclass)
    return found


def text_fields(form_class):
    for name in dir(form_class):
        unbound = getattr(form_class, name)
        if getattr(unbound, "field_class", None) and issubclass(unbound.field_class, StringField):
            yield name, unbound


def test_every_text_field_has_a_maximum_length_with_a_clear_message(app):
    checked = []
    for form_class in every_form_class():
        for name, unbound in text_fields(form_class):
            validators = unbound.kwargs.get("validators") or []
            limits = [v for v in validators if isinstance(v, Length) and v.max > 0]
            where = f"{form_class.__name__}.{name}"
            assert limits, f"{where} has no maximum length"
            assert limits[0].message, f"{where} falls back to WTForms' generic message"
            assert "%(max)d" in str(limits[0].message), where
            checked.append(where)
    assert {"StoryForm.headline", "PlanForm.summary", "SettingsForm.questions"} <= set(checked)


def test_an_over_long_field_is_refused_with_its_limit_named(client, facilitator, workshop, login):
    login(facilitator)
    response = client.post(f"/plan/{workshop.code}/edit", data={"summary": "y" * 4001})
    assert response.status_code == 422
    assert "Keep this to 4000 characters or fewer." in response.get_data(as_text=True)
