"""Every form on the phone, with hostile values in each field: never a 5xx, no NUL stored."""

import pytest

from .conftest import in_phase
from .forms import post_every_hostile_value, post_generated_values
from .hostile import HOSTILE_TEXT, stored_nul_bytes

UUID = "7a7a7a7a-2222-4222-8222-{:012d}"


def phone_forms(ids: dict) -> dict:
    """name -> (phase, url, a valid form)."""
    code = ids["code"]
    return {
        "join": ("discover", f"/j/{code}", {"display_name": "Ann"}),
        "story": ("discover", f"/p/{code}/stories", {
            "client_id": "", "headline": "A good day", "story": "Long enough to be a story.",
            "made_possible": "Help", "strengths": ["patience", "warmth"],
            "other_strengths": "grit, calm", "wish": "More", "whose": "mine",
            "consent": "named"}),
        "story_edit": ("discover", f"/p/{code}/stories/{ids['story_id']}/edit", {
            "client_id": "", "headline": "A better day", "story": "Still long enough to tell.",
            "made_possible": "", "strengths": ["patience"], "other_strengths": "",
            "wish": "", "whose": "partner", "consent": "private"}),
        "dream": ("dream", f"/p/{code}/dreams", {
            "client_id": "", "text": "We dream big", "theme_id": str(ids["theme_id"])}),
        "proposition": ("design", f"/p/{code}/propositions", {
            "client_id": "", "text": "We always call back", "theme_id": str(ids["theme_id"])}),
        "action": ("destiny", f"/p/{code}/actions", {
            "client_id": "", "title": "Start a rota", "proposition_id": str(ids["proposition_id"]),
            "theme_id": "", "owner": "Ann", "first_step": "Draft", "due_date": "2030-01-31",
            "help_needed": "Lead", "success_measure": "Calls on time"}),
        "commitment": ("destiny", f"/p/{code}/commitments", {
            "client_id": "", "kind": "offer", "text": "I can coach", "consent": "anonymous"}),
        "dots": ("design", f"/p/{code}/votes/{ids['vote_id']}", {
            "option_id": str(ids["option_id"]), "dots": "1"}),
    }  # fmt: skip


@pytest.fixture
def phone(app, room):
    """A phone that joined through the join page, with its cookie."""
    phone = app.test_client()
    assert phone.post(f"/j/{room['ids']['code']}", data={"display_name": "Pat"}).status_code == 302
    return phone


@pytest.mark.parametrize("name", list(phone_forms(dict.fromkeys(
    ["code", "story_id", "theme_id", "proposition_id", "vote_id", "option_id"], 0))))  # fmt: skip
def test_every_phone_form_field_takes_hostile_values(app, room, phone, name):
    phase, url, form = phone_forms(room["ids"])[name]
    in_phase(room, phase)
    if name == "story_edit":
        url = _own_story_edit_url(phone, room)
    serial = iter(range(10**6))

    def valid() -> dict:
        if "client_id" not in form:
            return dict(form)
        return {**form, "client_id": UUID.format(next(serial))}

    def post(data):
        # Joining again from a phone that joined is a redirect: each join is a new phone.
        return (app.test_client() if name == "join" else phone).post(url, data=data)

    assert post_every_hostile_value(post, valid) == (len(form) + 1) * (len(HOSTILE_TEXT) + 1)
    post_generated_values(post, valid)
    assert stored_nul_bytes() == []


def _own_story_edit_url(phone, room) -> str:
    """The edit page of a story this phone told through its own form."""
    from ai_workshop.models import Story

    code = room["ids"]["code"]
    response = phone.post(f"/p/{code}/stories", data={
        "client_id": UUID.format(999_999), "headline": "Mine", "story": "Long enough to be a story.",
        "strengths": ["patience"], "consent": "named", "whose": "mine"})  # fmt: skip
    assert response.status_code == 302, response.data
    story = Story.query.filter_by(client_id=UUID.format(999_999)).one()
    return f"/p/{code}/stories/{story.id}/edit"


def test_over_long_ids_on_phone_routes_are_not_found(room, phone):
    """As for any id that names nothing: the page's 404, or back home with a message."""
    for path in ("/p/{code}/stories/{huge}/edit", "/p/{code}/stories/{huge}/delete",
                 "/p/{code}/actions/{huge}/volunteer/1", "/p/{code}/actions/1/volunteer/{huge}",
                 "/p/{code}/votes/{huge}"):  # fmt: skip
        url = path.format(code=room["ids"]["code"], huge="9" * 30)
        response = phone.post(url, data={"option_id": "1", "dots": "1"})
        assert response.status_code in (302, 404), (url, response.data)
