"""Co-facilitators: sharing a workshop, what they may do, leaving; deleting a workshop."""

from flask import g
from sqlalchemy import func, select

from ai_workshop.extensions import db
from ai_workshop.models import CoFacilitator, Participant, Story, Workshop

from ..factories import PASSWORD


class Browser:
    """A signed-in facilitator with a client of their own.

    Test requests share the test's app context, where Flask-Login keeps the signed-in user
    in `g`: each request starts without it, as each request does in production."""

    def __init__(self, app, facilitator):
        self.app, self.client = app, app.test_client()
        assert (
            self.post(
                "/auth/login", data={"email": facilitator.email, "password": PASSWORD}
            ).status_code
            == 302
        )

    def get(self, url):
        return self._open(url, "GET")

    def post(self, url, data=None):
        return self._open(url, "POST", data=data or {})

    def _open(self, url, method, **kwargs):
        g.pop("_login_user", None)
        return self.client.open(url, method=method, **kwargs)


def test_the_owner_shares_by_email_and_the_co_facilitator_runs_the_workshop(
    app, make, facilitator, workshop
):
    partner = make.facilitator(email="partner@example.com")
    client = Browser(app, facilitator)
    response = client.post(
        f"/workshops/{workshop.code}/team", data={"email": " Partner@Example.com "}
    )
    assert response.status_code == 302
    assert db.session.scalar(select(func.count(CoFacilitator.id))) == 1
    assert "partner@example.com" in client.get(f"/workshops/{workshop.code}/team").text

    partner_client = Browser(app, partner)
    listing = partner_client.get("/workshops/").text
    assert "Shared with you" in listing and workshop.name in listing
    assert partner_client.get(f"/workshops/{workshop.code}/console").status_code == 200
    moved = partner_client.post(f"/workshops/{workshop.code}/phase", data={"phase": "dream"})
    assert moved.status_code == 302
    assert db.session.get(Workshop, workshop.id).phase == "dream"


def test_sharing_refuses_unknown_accounts_the_owner_and_twice(app, make, facilitator, workshop):
    partner = make.facilitator()
    client = Browser(app, facilitator)
    url = f"/workshops/{workshop.code}/team"

    unknown = client.post(url, data={"email": "nobody@example.com"})
    assert unknown.status_code == 422
    assert "Ask them to sign up first" in unknown.text
    assert client.post(url, data={"email": facilitator.email}).status_code == 422
    assert client.post(url, data={"email": partner.email}).status_code == 302
    twice = client.post(url, data={"email": partner.email})
    assert twice.status_code == 409
    assert "co-facilitates already" in twice.text
    assert db.session.scalar(select(func.count(CoFacilitator.id))) == 1


def test_trying_many_addresses_to_find_accounts_gets_429(app, make, facilitator, workshop):
    app.config["RATELIMIT_SHARE_LOOKUPS"] = (5, 3600)
    partner = make.facilitator()
    client = Browser(app, facilitator)
    url = f"/workshops/{workshop.code}/team"
    for number in range(5):
        assert client.post(url, data={"email": f"guess{number}@example.com"}).status_code == 422
    limited = client.post(url, data={"email": partner.email})
    assert limited.status_code == 429
    assert "Too many e-mail addresses tried" in limited.text
    assert db.session.scalar(select(func.count(CoFacilitator.id))) == 0


def test_only_the_owner_shares_deletes_and_hands_out_the_leaders_link(
    app, make, facilitator, workshop
):
    partner = make.facilitator()
    client = Browser(app, facilitator)
    client.post(f"/workshops/{workshop.code}/team", data={"email": partner.email})
    partner_client = Browser(app, partner)

    for url, data in [
        (f"/workshops/{workshop.code}/team", {"email": facilitator.email}),
        (f"/workshops/{workshop.code}/delete", {"code": workshop.code}),
        (f"/plan/{workshop.code}/share", {}),
    ]:
        refused = partner_client.post(url, data=data)
        assert refused.status_code == 403, url
        assert "Only the workshop" in refused.text
    assert db.session.get(Workshop, workshop.id) is not None
    plan_page = partner_client.get(f"/plan/{workshop.code}").text
    assert "owner can make a secret link" in plan_page


def test_a_co_facilitator_leaves_and_the_owner_removes(app, make, facilitator, workshop):
    first, second = make.facilitator(), make.facilitator()
    client = Browser(app, facilitator)
    for partner in (first, second):
        client.post(f"/workshops/{workshop.code}/team", data={"email": partner.email})
    first_client = Browser(app, first)

    # A co-facilitator cannot remove someone else...
    other = first_client.post(f"/workshops/{workshop.code}/team/{second.id}/remove")
    assert other.status_code == 403
    # ...but may leave.
    left = first_client.post(f"/workshops/{workshop.code}/team/{first.id}/remove")
    assert left.status_code == 302 and left.headers["Location"].endswith("/workshops/")
    assert first_client.get(f"/workshops/{workshop.code}/console").status_code == 403

    removed = client.post(f"/workshops/{workshop.code}/team/{second.id}/remove")
    assert removed.status_code == 302
    assert db.session.scalar(select(func.count(CoFacilitator.id))) == 0


def test_deleting_needs_the_join_code_then_removes_every_row(app, make, facilitator, workshop):
    keep = make.workshop(facilitator, phase="discover", name="Keep me")
    for room in (workshop, keep):
        make.story(room, make.participant(room))
    client = Browser(app, facilitator)
    url = f"/workshops/{workshop.code}/delete"
    page = client.get(url).text
    assert "1 story" in page and "1 participant" in page

    wrong = client.post(url, data={"code": keep.code})
    assert wrong.status_code == 422
    assert "That is not this workshop" in wrong.text
    assert db.session.get(Workshop, workshop.id) is not None

    gone = client.post(url, data={"code": workshop.code.lower()})
    assert gone.status_code == 302
    db.session.expire_all()
    assert db.session.get(Workshop, workshop.id) is None
    for model in (Participant, Story):
        remaining = db.session.scalars(select(model.workshop_id)).all()
        assert remaining == [keep.id], model.__name__
    assert client.get(f"/p/{workshop.code}").status_code == 404
    assert client.get(f"/api/v1/workshops/{workshop.code}/state").status_code == 404


def test_removing_someone_who_is_not_on_the_team_says_so_on_the_team_page(
    app, make, facilitator, workshop
):
    client = Browser(app, facilitator)
    response = client.post(f"/workshops/{workshop.code}/team/999999/remove")
    assert response.status_code == 404
    assert "does not co-facilitate this workshop" in response.text
    assert "Who runs this workshop" in response.text
