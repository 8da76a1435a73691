"""A workshop whose every stored text is hostile, stored through the real requests."""

from markupsafe import escape

from ai_workshop.contributions import votes
from ai_workshop.extensions import db
from ai_workshop.models import Plan, Theme
from ai_workshop.workshops.services import set_phase

from .hostile import IMG

PASSWORD = "correct horse battery"
FETCHES = '<img src="http://example.invalid/x.png"> file:///etc/passwd'


def payload(label: str) -> str:
    """Markup, a template expression and a label that says which field it came from."""
    return f"<script>x('{label}')</script>{{{{7*7}}}}"


def escaped(label: str) -> str:
    return str(escape(payload(label)))


LABELS = ["workshop", "name", "headline", "body", "possible", "wish", "theme", "dream",
          "prop", "action", "owner", "step", "commit", "summary"]  # fmt: skip


def _ok(response, status=(200, 201, 302)):
    assert response.status_code in status, response.get_data(as_text=True)[:300]
    return response


def build(app, make, facilitator) -> dict:
    """Every kind of text a person can store, each one hostile, through the app's routes."""
    boss = app.test_client()
    _ok(boss.post("/auth/login", data={"email": facilitator.email, "password": PASSWORD}))
    workshop = make.workshop(facilitator, phase="discover", name=payload("workshop"))
    code = workshop.code
    phone = app.test_client()
    _ok(phone.post(f"/j/{code}", data={"display_name": payload("name")}))
    for number in (1, 2):
        _ok(phone.post(f"/p/{code}/stories", data={
            "client_id": f"00000000-0000-4000-8000-00000000000{number}",
            "headline": payload("headline"), "story": payload("body") + IMG,
            "made_possible": payload("possible"), "wish": payload("wish") + " " + FETCHES,
            "strengths": ["patience"], "consent": "named", "whose": "mine"}))  # fmt: skip
    _ok(boss.post(f"/board/{code}/themes", data={"name": payload("theme")}))
    theme = db.session.query(Theme).filter_by(workshop_id=workshop.id).one()
    for story_id in (1, 2):
        _ok(boss.post(f"/board/{code}/stories/{story_id}/move", data={"target": str(theme.id)}))
    _phase(workshop, "dream")
    _ok(phone.post(f"/p/{code}/dreams", data={
        "client_id": "00000000-0000-4000-8000-000000000011", "text": payload("dream"),
        "theme_id": str(theme.id)}))  # fmt: skip
    _ok(boss.post(f"/workshops/{code}/design-themes", data={"theme_ids": [str(theme.id)]}))
    _phase(workshop, "design")
    for number, text in ((12, payload("prop")), (13, "We keep every promise we make")):
        _ok(phone.post(f"/p/{code}/propositions", data={
            "client_id": f"00000000-0000-4000-8000-0000000000{number}", "text": text,
            "theme_id": str(theme.id)}))  # fmt: skip
    vote = votes.open_vote(workshop, "propositions", dots=2)
    db.session.commit()
    _phase(workshop, "destiny")
    _ok(
        phone.post(
            f"/p/{code}/actions",
            data={
                "client_id": "00000000-0000-4000-8000-000000000021",
                "title": payload("action"),
                "owner": payload("owner"),
                "first_step": payload("step"),
                "due_date": "2030-01-31",
            },
        )
    )
    _ok(
        phone.post(
            f"/p/{code}/commitments",
            data={
                "client_id": "00000000-0000-4000-8000-000000000022",
                "kind": "offer",
                "text": payload("commit"),
                "consent": "named",
            },
        )
    )
    _ok(boss.post(f"/plan/{code}/edit", data={"summary": payload("summary"), "keep": IMG}))
    _ok(boss.post(f"/plan/{code}/share", data={}))
    plan = db.session.query(Plan).filter_by(workshop_id=workshop.id).one()
    return {"workshop": workshop, "boss": boss, "phone": phone, "vote": vote,
            "leader_token": plan.share_token}  # fmt: skip


def _phase(workshop, phase: str) -> None:
    set_phase(workshop, phase)
    db.session.commit()
