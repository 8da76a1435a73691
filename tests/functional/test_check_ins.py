"""Check-ins at 30, 60 and 90 days: the facilitator opens one, the room's code works again,
owners report progress from their phones, anyone tells a new story, the projector shows it
live, and the plan and its exports carry the progress."""

import uuid

from ai_workshop.extensions import db
from ai_workshop.models import ActionReport, CheckIn, CheckInStory
from ai_workshop.phases.closed import STORIES_ON_PROJECTOR
from ai_workshop.workshops.services import set_phase

from ..support.check_ins import fresh, open_first, page, phone_of, report, the_action


def test_the_phone_shows_the_thanks_until_a_check_in_opens_then_the_owners_action_first(
    app, client, facilitator, login, closed_session, priya
):
    phone = phone_of(app, closed_session, priya)
    assert "Thank you!" in page(phone, f"/p/{closed_session.code}")
    check_in = open_first(client, facilitator, login, closed_session)
    assert check_in.label == "30-day check-in" and check_in.is_open
    home = page(phone, f"/p/{closed_session.code}")
    assert "30-day check-in" in home and "Thank you!" not in home
    assert "Start a callback rota" in home and "Yours" in home
    # Her own action, with no word yet, opens its form at once.
    assert 'class="report-details" open' in home
    assert "A success story since the workshop" in home


def test_an_owner_reports_progress_and_the_action_follows_it(
    app, client, facilitator, login, closed_session, priya
):
    open_first(client, facilitator, login, closed_session)
    phone = phone_of(app, closed_session, priya)
    action = the_action(closed_session)
    response = report(
        phone, closed_session, action, status="on_track", progress=60, note="Rota drafted"
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#action-{action.id}")
    db.session.expire_all()
    stored = db.session.scalar(db.select(ActionReport))
    assert (stored.status, stored.progress, stored.note) == ("on_track", 60, "Rota drafted")
    assert stored.participant_id == priya.id
    assert the_action(closed_session).status == "in_progress"
    home = page(phone, f"/p/{closed_session.code}")
    assert "Thank you. Your progress is in the plan." in home
    assert "Rota drafted" in home and "60%" in home
    # Done is done: the report says 100% whatever the slider said.
    report(phone, closed_session, action, status="done", progress=20)
    db.session.expire_all()
    assert the_action(closed_session).status == "done"
    latest = db.session.scalars(db.select(ActionReport).order_by(ActionReport.id)).all()[-1]
    assert latest.progress == 100


def test_stuck_asks_what_would_help_in_the_affirmative_and_needs_an_answer(
    app, client, facilitator, login, closed_session, priya
):
    open_first(client, facilitator, login, closed_session)
    phone = phone_of(app, closed_session, priya)
    action = the_action(closed_session)
    home = page(phone, f"/p/{closed_session.code}")
    assert "What would help you move forward?" in home
    response = report(phone, closed_session, action, status="stuck", would_help="")
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "Say what would help: who or what could move it forward?" in body
    assert db.session.scalar(db.select(db.func.count(ActionReport.id))) == 0
    response = report(phone, closed_session, action, status="stuck", would_help="An hour with IT")
    assert response.status_code == 302
    console = page(fresh(client), f"/workshops/{closed_session.code}/console")
    assert "What would help" in console and "An hour with IT" in console


def test_bad_reports_are_refused_with_a_message_never_a_500(
    app, client, facilitator, login, closed_session, priya
):
    phone = phone_of(app, closed_session, priya)
    action = the_action(closed_session)
    # Before a check-in opens.
    response = report(phone, closed_session, action)
    assert response.status_code == 409
    assert "No check-in is open" in response.get_data(as_text=True)
    open_first(client, facilitator, login, closed_session)
    assert report(phone, closed_session, action, status="fine").status_code == 422
    assert report(phone, closed_session, action, progress=140).status_code == 422
    assert report(phone, closed_session, action, note="x" * 401).status_code == 422
    response = fresh(phone).post(
        f"/p/{closed_session.code}/check-in/actions/999999",
        data={"client_id": str(uuid.uuid4()), "status": "done"},
    )
    assert response.status_code == 404
    assert db.session.scalar(db.select(db.func.count(ActionReport.id))) == 0


def test_a_retried_report_is_stored_once(app, client, facilitator, login, closed_session, priya):
    open_first(client, facilitator, login, closed_session)
    phone = phone_of(app, closed_session, priya)
    action = the_action(closed_session)
    client_id = str(uuid.uuid4())
    report(phone, closed_session, action, client_id=client_id)
    response = report(phone, closed_session, action, client_id=client_id)
    assert response.status_code == 302
    assert db.session.scalar(db.select(db.func.count(ActionReport.id))) == 1


def test_anyone_new_joins_with_the_code_and_tells_a_story(
    app, client, facilitator, login, closed_session
):
    open_first(client, facilitator, login, closed_session)
    newcomer = fresh(app.test_client())
    response = newcomer.post(f"/j/{closed_session.code}", data={"display_name": "Lena"})
    assert response.status_code == 302
    home = page(newcomer, f"/p/{closed_session.code}")
    assert "30-day check-in" in home and "Yours" not in home
    response = fresh(newcomer).post(
        f"/p/{closed_session.code}/check-in/stories",
        data={
            "client_id": str(uuid.uuid4()),
            "headline": "A customer thanked the whole team",
            "story": "She wrote to the CEO.",
            "consent": "named",
        },
    )
    assert response.status_code == 302
    story = db.session.scalar(db.select(CheckInStory))
    assert story.headline == "A customer thanked the whole team" and story.attribution == "Lena"
    assert "A customer thanked the whole team" in page(newcomer, f"/p/{closed_session.code}")
    blank = fresh(newcomer).post(
        f"/p/{closed_session.code}/check-in/stories",
        data={"client_id": str(uuid.uuid4()), "headline": "", "consent": "named"},
    )
    assert blank.status_code == 422
    assert "Give your story a headline." in blank.get_data(as_text=True)


def test_the_projector_shows_the_check_in_live_and_respects_consent(
    app, client, facilitator, login, closed_session, priya, make
):
    open_first(client, facilitator, login, closed_session)
    phone = phone_of(app, closed_session, priya)
    report(
        phone,
        closed_session,
        the_action(closed_session),
        status="stuck",
        would_help="A decision on budget",
    )
    for consent, headline in (
        ("named", "Named win"),
        ("anonymous", "Quiet win"),
        ("private", "Secret win"),
    ):
        fresh(phone).post(
            f"/p/{closed_session.code}/check-in/stories",
            data={"client_id": str(uuid.uuid4()), "headline": headline, "consent": consent},
        )
    screen = page(fresh(client), f"/projector/{closed_session.code}/panel")
    assert "30-day check-in" in screen
    assert "Start a callback rota" in screen and "Stuck" in screen
    assert "A decision on budget" in screen
    assert "Named win" in screen and "— Priya" in screen and "Quiet win" in screen
    assert "Secret win" not in screen
    assert closed_session.code[:3] in screen.replace(" ", "")


def test_the_projector_keeps_the_newest_stories_when_many_arrive(
    app, client, facilitator, login, closed_session, priya
):
    open_first(client, facilitator, login, closed_session)
    phone = phone_of(app, closed_session, priya)
    for number in range(STORIES_ON_PROJECTOR + 4):
        fresh(phone).post(
            f"/p/{closed_session.code}/check-in/stories",
            data={
                "client_id": str(uuid.uuid4()),
                "headline": f"Win number {number:02d}",
                "consent": "anonymous",
            },
        )
    screen = page(fresh(client), f"/projector/{closed_session.code}/panel")
    assert f"Win number {STORIES_ON_PROJECTOR + 3:02d}" in screen
    assert "Win number 00" not in screen
    assert f"{STORIES_ON_PROJECTOR + 4} stories in all" in screen


def test_one_check_in_at_a_time_and_only_after_the_session(
    app, client, facilitator, login, make, workshop
):
    login(facilitator)
    response = fresh(client).post(f"/workshops/{workshop.code}/check-ins/open", data={"number": 1})
    assert response.status_code == 302
    assert db.session.scalar(db.select(db.func.count(CheckIn.id))) == 0
    set_phase(workshop, "closed")
    db.session.commit()
    assert (
        fresh(client)
        .post(f"/workshops/{workshop.code}/check-ins/open", data={"number": 1})
        .status_code
        == 302
    )
    fresh(client).post(f"/workshops/{workshop.code}/check-ins/open", data={"number": 2})
    db.session.expire_all()
    assert [c.number for c in db.session.scalars(db.select(CheckIn))] == [1]
    assert (
        fresh(client)
        .post(f"/workshops/{workshop.code}/check-ins/open", data={"number": 9})
        .status_code
        == 302
    )
    assert (
        fresh(client)
        .post(f"/workshops/{workshop.code}/check-ins/open", data={"number": "x"})
        .status_code
        == 400
    )
    fresh(client).post(f"/workshops/{workshop.code}/check-ins/close")
    db.session.expire_all()
    assert not db.session.scalar(db.select(CheckIn)).is_open
    fresh(client).post(f"/workshops/{workshop.code}/check-ins/open", data={"number": 2})
    db.session.expire_all()
    assert [
        (c.number, c.is_open)
        for c in db.session.scalars(db.select(CheckIn).order_by(CheckIn.number))
    ] == [
        (1, False),
        (2, True),
    ]


def test_the_plan_shows_progress_per_check_in_and_the_new_stories(
    app, client, facilitator, login, closed_session, priya
):
    open_first(client, facilitator, login, closed_session)
    phone = phone_of(app, closed_session, priya)
    action = the_action(closed_session)
    report(phone, closed_session, action, status="on_track", progress=40, note="Rota drafted")
    fresh(phone).post(
        f"/p/{closed_session.code}/check-in/stories",
        data={
            "client_id": str(uuid.uuid4()),
            "headline": "Callbacks kept all week",
            "consent": "named",
        },
    )
    fresh(phone).post(
        f"/p/{closed_session.code}/check-in/stories",
        data={"client_id": str(uuid.uuid4()), "headline": "Private one", "consent": "private"},
    )
    fresh(client).post(f"/workshops/{closed_session.code}/check-ins/close")
    fresh(client).post(f"/workshops/{closed_session.code}/check-ins/open", data={"number": 2})
    report(phone, closed_session, action, status="done")
    plan = page(fresh(client), f"/plan/{closed_session.code}")
    assert "Progress at the check-ins" in plan
    assert "30-day check-in" in plan and "60-day check-in" in plan
    assert "Rota drafted" in plan and "40%" in plan and "100%" in plan
    assert (
        "At the 60-day check-in: 1 done, 0 on track, 0 stuck, 0 not started, 0 without word."
        in plan
    )
    assert "Callbacks kept all week" in plan and "— Priya" in plan
    assert "Private one" not in plan
