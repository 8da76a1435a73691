"""Every route of the app, as an anonymous visitor and as the owning facilitator.

Routes come from the URL map, so a new route without an entry here fails this test.
"""

import pytest

# endpoint -> status for an anonymous visitor on GET (or POST where GET is not allowed)
ANONYMOUS = {
    "static": 200,
    "home.index": 200,
    "home.health": 200,
    "auth.login": 200,
    "auth.signup": 200,
    "auth.logout": 302,
    "workshops.index": 302,
    "workshops.new": 302,
    "workshops.settings": 302,
    "workshops.console": 302,
    "workshops.console_panel": 302,
    "workshops.change_phase": 302,
    "workshops.timer": 302,
    "workshops.moderate": 302,
    "workshops.correct": 302,
    "workshops.open_vote": 302,
    "workshops.close_vote": 302,
    "workshops.reveal_vote": 302,
    "workshops.choose_design_themes": 302,
    "workshops.moderate_dream": 302,
    "workshops.moderate_proposition": 302,
    "workshops.edit_proposition": 302,
    "workshops.merge_proposition": 302,
    "workshops.moderate_action": 302,
    "workshops.action_detail": 302,
    "contribute.dream": 302,
    "contribute.proposition": 302,
    "contribute.action": 302,
    "contribute.commitment": 302,
    "contribute.volunteer": 302,
    "contribute.dots": 302,
    "api.create_dream": 401,
    "api.create_proposition": 401,
    "api.create_action": 401,
    "api.create_commitment": 401,
    "api.join_action": 401,
    "api.leave_action": 401,
    "api.current_vote": 401,
    "api.set_dots": 401,
    "plan.show": 302,
    "plan.edit": 302,
    "plan.share": 302,
    "plan.revoke": 302,
    "plan.pdf": 302,
    "plan.export_json": 302,
    "plan.export_zip": 302,
    "leader.plan_page": 404,
    "leader.plan_pdf": 404,
    "board.show": 302,
    "board.panel": 302,
    "board.suggest": 302,
    "board.move": 302,
    "board.secondary": 302,
    "board.create": 302,
    "board.rename": 302,
    "board.pin": 302,
    "board.delete": 302,
    "board.merge": 302,
    "board.split": 302,
    "board.undo": 302,
    "board.projector": 302,
    "projector.show": 302,
    "projector.panel": 302,
    "live_stream.events": 302,
    "phone.join_by_code": 302,
    "phone.join_page": 200,
    "phone.join_qr": 200,
    "phone.home": 302,
    "phone.submit": 302,
    "phone.edit_story": 302,
    "phone.delete_story": 302,
    "api.openapi": 200,
    "api.join_workshop": 400,
    "api.workshop_detail": 200,
    "api.state": 200,
    "api.list_own_stories": 401,
    "api.create_story": 401,
    "api.story_detail": 401,
    "api.update_story": 401,
    "api.remove_story": 401,
}


def url_for_rule(rule, workshop, story) -> str:
    values = {"code": workshop.code, "story_id": story.id, "filename": "css/app.css"}
    values.update(token="not-a-real-token", paper="a4")
    values.update(
        dict.fromkeys(
            (
                "theme_id",
                "vote_id",
                "option_id",
                "dream_id",
                "proposition_id",
                "action_id",
                "joining",
            ),
            1,
        )
    )
    url = rule.rule
    for argument in rule.arguments:
        url = url.replace(f"<{argument}>", str(values[argument]))
        url = url.replace(f"<int:{argument}>", str(values[argument]))
        url = url.replace(f"<path:{argument}>", str(values[argument]))
    return url


def first_method(rule) -> str:
    methods = rule.methods - {"HEAD", "OPTIONS"}
    return "GET" if "GET" in methods else sorted(methods)[0]


@pytest.fixture
def story(make, workshop):
    return make.story(workshop, make.participant(workshop))


def test_every_route_is_listed(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - set(ANONYMOUS) == set(), "add the new route to ANONYMOUS"
    assert set(ANONYMOUS) - endpoints == set(), "remove routes that no longer exist"


def test_anonymous_visitors_get_the_expected_status(app, client, workshop, story):
    for rule in app.url_map.iter_rules():
        url = url_for_rule(rule, workshop, story)
        method = first_method(rule)
        response = client.open(url, method=method)
        assert response.status_code == ANONYMOUS[rule.endpoint], (method, url)


def test_the_owner_never_meets_a_server_error(app, client, workshop, story, facilitator, login):
    login(facilitator)
    for rule in app.url_map.iter_rules():
        if rule.endpoint in ("auth.logout", "live_stream.events"):
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(url_for_rule(rule, workshop, story), method=method)
            assert response.status_code < 500, (method, rule.rule)
