"""Every facilitator form (login, signup, workshop, console, board, plan) with hostile values."""

import pytest

from .conftest import in_phase
from .forms import FORM_STATUSES, post_every_hostile_value, post_generated_values
from .hostile import HOSTILE_TEXT, assert_handled, stored_nul_bytes

PASSWORD = "correct horse battery"


def facilitator_forms(ids: dict, email: str) -> dict:
    """name -> (phase, url, a valid form)."""
    code, w, b = ids["code"], f"/workshops/{ids['code']}", f"/board/{ids['code']}"
    return {
        "login": ("discover", "/auth/login", {"email": email, "password": PASSWORD}),
        "signup": ("discover", "/auth/signup", {
            "name": "Nia", "email": "nia@example.com", "password": PASSWORD, "confirm": PASSWORD}),
        "new_workshop": ("discover", "/workshops/new", {"template": "customer-service",
                                                        "name": "Offsite"}),
        "settings": ("discover", f"{w}/settings", {
            "name": "Offsite", "topic": "Delight", "why_it_matters": "Because",
            "questions": "What went well?\nWho helped?", "dream_prompt": "Imagine",
            "strengths": "patience, warmth", "phase_vocabulary": "4d"}),
        "phase": ("discover", f"{w}/phase", {"phase": "discover"}),
        "timer": ("discover", f"{w}/timer", {"action": "start", "minutes": "5"}),
        "moderate": ("discover", f"{w}/stories/{ids['any_story_id']}/moderate", {"action": "hide"}),
        "correct": ("discover", f"{w}/stories/{ids['any_story_id']}/edit", {
            "headline": "Fixed", "story": "A corrected story text.", "made_possible": "Help",
            "wish": "More"}),
        "open_vote": ("dream", f"{w}/votes", {"target": "themes", "dots": "3", "cap": "2",
                                              "hidden": "0"}),
        "reveal_vote": ("design", f"{w}/votes/{ids['vote_id']}/reveal", {"value": "1"}),
        "design_themes": ("dream", f"{w}/design-themes", {"theme_ids": [str(ids["theme_id"])]}),
        "moderate_dream": ("dream", f"{w}/dreams/{ids['dream_id']}/moderate", {"value": "hide"}),
        "moderate_proposition": ("design", f"{w}/propositions/{ids['proposition_id']}/moderate",
                                 {"value": "show"}),
        "edit_proposition": ("design", f"{w}/propositions/{ids['proposition_id']}/edit",
                             {"text": "We call back within the hour"}),
        "merge_proposition": ("design", f"{w}/propositions/{ids['proposition_id']}/merge",
                              {"into": str(ids["proposition_id"])}),
        "action_detail": ("destiny", f"{w}/actions/{ids['action_id']}", {
            "client_id": "", "title": "Start a rota", "proposition_id": "", "theme_id": "",
            "owner": "Ann", "first_step": "Draft", "due_date": "2030-01-31", "help_needed": "",
            "success_measure": "On time", "strength": "patience", "purpose": "Care",
            "start_date": "2030-01-01", "baseline": "70%", "target": "95%",
            "review_date": "2030-03-01", "status": "in_progress"}),
        "plan": ("destiny", f"/plan/{code}/edit", {
            "summary": "S", "keep": "K", "measures_note": "M", "followup_1_label": "Check",
            "followup_1_date": "2030-02-01", "followup_2_label": "", "followup_2_date": ""}),
        "board_create": ("discover", f"{b}/themes", {"name": "Ownership"}),
        "board_rename": ("discover", f"{b}/themes/{ids['theme_id']}/rename", {"name": "Owning"}),
        "board_merge": ("discover", f"{b}/themes/{ids['theme_id']}/merge",
                        {"into": str(ids["theme_id"])}),
        "board_split": ("discover", f"{b}/split", {"name": "Split off",
                                                   "story_ids": [str(ids["any_story_id"])]}),
        "board_move": ("discover", f"{b}/stories/{ids['any_story_id']}/move",
                       {"target": str(ids["theme_id"])}),
        "board_secondary": ("discover", f"{b}/stories/{ids['any_story_id']}/secondary",
                            {"theme": ""}),
        "board_summary": ("discover", f"{b}/themes/{ids['theme_id']}/summary",
                          {"text": "Calm voices and one job each."}),
        "board_summary_suggested": ("discover", f"{b}/themes/{ids['theme_id']}/summary/suggested",
                                    {"value": "1"}),
        "board_core_summary": ("discover", f"{b}/core-summary", {"text": "Across the room."}),
        "board_core_summary_suggested": ("discover", f"{b}/core-summary/suggested",
                                         {"value": "1"}),
        "board_pin": ("discover", f"{b}/themes/{ids['theme_id']}/pin", {"value": "1"}),
        "board_projector": ("discover", f"{b}/projector", {"value": "0"}),
        "board_undo": ("discover", f"{b}/undo", {"value": "1"}),
        "board_suggest": ("discover", f"{b}/suggest", {"k": "3"}),
    }  # fmt: skip


NAMES = list(facilitator_forms(dict.fromkeys(
    ["code", "any_story_id", "vote_id", "theme_id", "dream_id", "proposition_id", "action_id"],
    0), ""))  # fmt: skip
ANONYMOUS = {"login", "signup"}


@pytest.mark.parametrize("name", NAMES)
def test_every_facilitator_form_field_takes_hostile_values(app, room, name):
    phase, url, form = facilitator_forms(room["ids"], room["facilitator"].email)[name]
    in_phase(room, phase)
    client = None if name in ANONYMOUS else _logged_in(app, room)

    def post(data):
        # A signup or login that works logs the client in: the next post starts anonymous.
        sender = app.test_client() if name in ANONYMOUS else client
        return sender.post(url, data=data)

    serial = iter(range(10**6))

    def valid() -> dict:
        # A new address per signup, or every signup after the first is a 409.
        return {**form, "email": f"f{next(serial)}@example.com"} if name == "signup" else form

    sent = post_every_hostile_value(post, valid)
    assert sent == (len(form) + 1) * (len(HOSTILE_TEXT) + 1)
    post_generated_values(post, valid)
    assert stored_nul_bytes() == []


def _logged_in(app, room):
    client = app.test_client()
    response = client.post(
        "/auth/login", data={"email": room["facilitator"].email, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def test_over_long_ids_on_facilitator_routes_are_not_found(app, room):
    client = _logged_in(app, room)
    data = {"value": "1", "name": "x", "target": "1", "into": "1", "action": "hide"}
    for path in ("/workshops/{code}/stories/{huge}/moderate", "/workshops/{code}/stories/{huge}/edit",
                 "/workshops/{code}/votes/{huge}/reveal", "/workshops/{code}/votes/{huge}/close",
                 "/workshops/{code}/propositions/{huge}/merge", "/workshops/{code}/actions/{huge}",
                 "/board/{code}/themes/{huge}/rename", "/board/{code}/stories/{huge}/move"):  # fmt: skip
        url = path.format(code=room["ids"]["code"], huge="9" * 30)
        response = client.post(url, data=data, headers={"X-Requested-With": "fetch"})
        assert response.status_code == 404, (url, response.data)
    story = room["ids"]["any_story_id"]
    for url in (f"/board/{room['ids']['code']}/stories/{story}/move",
                f"/board/{room['ids']['code']}/stories/{story}/secondary"):  # fmt: skip
        response = client.post(url, data={"target": "9" * 30, "theme": "9" * 30})
        assert_handled(response, FORM_STATUSES)
        assert response.status_code in (302, 404, 422), (url, response.data)
