"""Every route × every role → the expected status.

Routes come from the app's URL map, so a new route without an entry in ROUTES
(tests/support/access_matrix.py) fails the first test. Each role runs every route against a workshop of its own, in a fixed order
with the deleting requests last, so what one request deletes never changes another's answer.
"""

import uuid

import pytest
from itsdangerous import URLSafeSerializer

from ai_workshop.extensions import db
from ai_workshop.models import Action, Commitment, Dream, Proposition, Theme, VoteDot
from ai_workshop.participants.services import join
from ai_workshop.plan.content import plan_for
from ai_workshop.web.access import declared_audience
from ai_workshop.web.phone_identity import COOKIE_NAME, COOKIE_SALT
from ai_workshop.workshops.sharing import share_with

from ..factories import PASSWORD
from ..support.access_matrix import FACILITATORS, ROLES, ROUTES, expected


def routes(app) -> list[tuple]:
    pairs = [
        (rule, method)
        for rule in app.url_map.iter_rules()
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
    ]
    return sorted(pairs, key=lambda pair: (turn(*pair), pair[0].endpoint, pair[1]))


def turn(rule, method: str) -> int:
    """Deleting and joining (which gives a phone its identity) go after the rest, and
    logging out last of all."""
    if rule.endpoint == "auth.logout":
        return 2
    last = ("delete", "remove", "unshare", "revoke", "leave", "join_page")
    return int(method == "DELETE" or any(word in rule.endpoint for word in last))


def test_every_route_and_method_has_an_entry(app):
    listed = set(ROUTES)
    present = {(rule.endpoint, method) for rule, method in routes(app)}
    assert present - listed == set(), (
        "add the new route to ROUTES in tests/support/access_matrix.py"
    )
    assert listed - present == set(), "remove routes that no longer exist"


def test_every_route_declares_the_access_listed_here(app):
    """The routes' own declarations agree with this table, which stays independent of them."""
    disagreeing = [
        f"{method} {rule.endpoint}: declares {declared_audience(app, rule.endpoint)!r},"
        f" listed as {ROUTES[(rule.endpoint, method)][0]!r}"
        for rule, method in routes(app)
        if declared_audience(app, rule.endpoint) != ROUTES.get((rule.endpoint, method), (None,))[0]
    ]
    assert disagreeing == []


class Scenario:
    """A workshop with one of everything, owned by one facilitator and shared with another."""

    def __init__(self, make):
        self.owner = make.facilitator()
        self.co_facilitator = make.facilitator()
        self.other_facilitator = make.facilitator()
        self.workshop = make.workshop(self.owner, phase="discover", name="Ours")
        self.other_workshop = make.workshop(self.other_facilitator, phase="discover")
        share_with(self.workshop, self.co_facilitator.email)
        self.participant, self.token = join(self.workshop, "Sam")
        _other, self.other_token = join(self.other_workshop, "Ola")
        db.session.flush()
        stories = [make.story(self.workshop, self.participant) for _ in range(4)]
        self.story, self.story_deleted_by_phone, self.story_deleted_by_api = stories[:3]
        self.theme = Theme(workshop_id=self.workshop.id, name="Warmth", position=0)
        second = Theme(workshop_id=self.workshop.id, name="Speed", position=1)
        db.session.add_all([self.theme, second])
        self.dreams = [self._mine(Dream, text=f"Dream {n}") for n in range(3)]
        self.proposition = self._mine(Proposition, text="We always call back")
        self.action = self._mine(Action, title="Callback rota")
        self.commitment = self._mine(Commitment, text="I will pair with new starters")
        db.session.flush()
        from ai_workshop.contributions.votes import open_vote

        self.vote = open_vote(self.workshop, "themes")
        db.session.add(
            VoteDot(vote_id=self.vote.id, participant_id=self.participant.id, option_id=0)
        )
        self.share_token = plan_for(self.workshop).regenerate_link()
        db.session.commit()
        # Plain values: requests end their sessions, and these objects with them.
        self.values = {
            "code": self.workshop.code,
            "story_id": self.story.id,
            "filename": "css/app.css",
            "paper": "a4",
            "theme_id": self.theme.id,
            "vote_id": self.vote.id,
            "option_id": self.theme.id,
            "dream_id": self.dreams[0].id,
            "proposition_id": self.proposition.id,
            "action_id": self.action.id,
            "joining": 1,
            "number": 1,
            "facilitator_id": 999_999,  # nobody: an allowed removal answers 404
            "kind": "dreams",
            "item_id": self.dreams[1].id,
        }
        # Each deleting route gets its own item: the other routes still find theirs.
        self.own_values = {
            "phone.delete_story": {"story_id": self.story_deleted_by_phone.id},
            "api.remove_story": {"story_id": self.story_deleted_by_api.id},
            "api.delete_contribution": {"item_id": self.dreams[2].id},
        }
        self.logins = {role: getattr(self, role).email for role in FACILITATORS}
        self.phones = {
            "participant": (self.workshop.code, self.token),
            "other_participant": (self.other_workshop.code, self.other_token),
        }

    def _mine(self, model, **fields):
        item = model(
            workshop_id=self.workshop.id,
            participant_id=self.participant.id,
            client_id=str(uuid.uuid4()),
            **fields,
        )
        db.session.add(item)
        return item

    def url(self, rule, role: str) -> str:
        token = self.share_token if role == "plan_link_holder" else "not-a-real-link"
        values = self.values | {"token": token} | self.own_values.get(rule.endpoint, {})
        return rule.build(values, append_unknown=False)[1]


def client_for(app, scenario: Scenario, role: str):
    client = app.test_client()
    if role in FACILITATORS:
        login = {"email": scenario.logins[role], "password": PASSWORD}
        assert client.post("/auth/login", data=login).status_code == 302
    if role in scenario.phones:
        code, token = scenario.phones[role]
        cookie = URLSafeSerializer(app.config["SECRET_KEY"], salt=COOKIE_SALT).dumps({code: token})
        client.set_cookie(COOKIE_NAME, cookie)
        client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_status_on_every_route(app, make, role):
    scenario = Scenario(make)
    client = client_for(app, scenario, role)
    db.session.commit()
    db.session.remove()
    wrong = []
    for rule, method in routes(app):
        url = scenario.url(rule, role)
        kwargs = {"json": {}} if rule.endpoint.startswith("api.") and method != "GET" else {}
        # A context of its own, as in production: nothing cached in `g` or the session
        # carries over from the request before.
        with app.app_context():
            response = client.open(url, method=method, **kwargs)
            response.close()
            db.session.remove()
        want = expected(rule.endpoint, method, role)
        if response.status_code != want:
            wrong.append(
                f"{method} {url} ({rule.endpoint}): {response.status_code}, want {want}"
                f" {response.headers.get('Location', '')}"
            )
    assert wrong == [], f"{role}:\n" + "\n".join(wrong)
