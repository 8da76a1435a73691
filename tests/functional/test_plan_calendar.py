"""The plan's calendar: check-ins and due dates as iCalendar that calendars import."""

from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from ai_workshop.extensions import db
from ai_workshop.models import Action
from ai_workshop.plan.content import plan_for

from ..support.full_session import fill_session


@pytest.fixture
def planned(make, workshop, facilitator, login):
    workshop.time_zone = "America/New_York"
    workshop.created_at = datetime(2026, 12, 1, 15, 30)  # 10:30 in New York
    fill_session(make, workshop)
    login(facilitator)
    return workshop


def events_of(data: bytes) -> dict:
    calendar = Calendar.from_ical(data)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_holds_each_check_in_in_the_rooms_zone_and_each_due_date(client, planned):
    response = client.get(f"/plan/{planned.code}/calendar.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert f'filename="action-plan-{planned.code}.ics"' in response.headers["Content-Disposition"]
    calendar = Calendar.from_ical(response.data)
    assert str(calendar["version"]) == "2.0" and str(calendar["prodid"])
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    events = events_of(response.data)
    check_ins = sorted(
        (event for event in events.values() if "check-in" in str(event["summary"])),
        key=lambda event: event.decoded("dtstart"),
    )
    assert [event.decoded("dtstart").date() for event in check_ins] == [
        date(2026, 12, 31),
        date(2027, 1, 30),
        date(2027, 3, 1),
    ]
    first = check_ins[0]
    assert str(first["dtstart"].params["TZID"]) == "America/New_York"
    assert first.decoded("dtstart").hour == 10  # the hour the room met, there
    assert first.decoded("dtend") - first.decoded("dtstart") == timedelta(hours=1)
    assert "30-day check-in" in str(first["summary"])
    assert "Start a callback rota (Priya)" in str(first["description"])
    due = [event for event in events.values() if str(event["summary"]).startswith("Due:")]
    assert len(due) == 1 and str(due[0]["summary"]) == "Due: Start a callback rota"
    assert due[0].decoded("dtstart") == date(2027, 1, 31)  # a whole day, not a time
    assert "Owner: Priya" in str(due[0]["description"])


def test_each_event_keeps_its_uid_so_a_newer_file_updates_it(client, planned):
    first = events_of(client.get(f"/plan/{planned.code}/calendar.ics").data)
    plan = plan_for(planned)
    plan.followups = [dict(item, date="2027-02-10") if n == 0 else item
                      for n, item in enumerate(plan.followups)]  # fmt: skip
    db.session.commit()
    again = events_of(client.get(f"/plan/{planned.code}/calendar.ics").data)
    assert set(first) == set(again) and len(first) == 4
    moved = [uid for uid in again if again[uid].decoded("dtstart") != first[uid].decoded("dtstart")]
    assert len(moved) == 1 and again[moved[0]].decoded("dtstart").date() == date(2027, 2, 10)


def test_a_room_at_night_meets_for_its_check_ins_at_ten_and_an_unknown_zone_reads_as_utc(
    client, planned
):
    planned.created_at = datetime(2026, 12, 1, 3, 0)  # 22:00 in New York
    db.session.commit()
    event = next(iter(events_of(client.get(f"/plan/{planned.code}/calendar.ics").data).values()))
    assert event.decoded("dtstart").hour == 10
    planned.time_zone = "Mars/Olympus_Mons"  # as an edited export could carry
    db.session.commit()
    response = client.get(f"/plan/{planned.code}/calendar.ics")
    assert response.status_code == 200
    assert not Calendar.from_ical(response.data).walk("VTIMEZONE")
    start = next(iter(events_of(response.data).values())).decoded("dtstart")
    assert start.utcoffset() == timedelta(0)


def test_the_leaders_link_and_the_command_line_give_the_same_calendar(
    app, client, runner, planned, tmp_path
):
    token = plan_for(planned).regenerate_link()
    db.session.commit()
    leader = app.test_client()
    from_link = leader.get(f"/l/{token}/calendar.ics")
    assert from_link.status_code == 200 and from_link.headers["Cache-Control"].startswith("private")
    path = tmp_path / "plan.ics"
    result = runner.invoke(
        args=["plan", "export", planned.code, "--format", "ics", "-o", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert set(events_of(path.read_bytes())) == set(events_of(from_link.data))
    assert leader.get("/l/not-a-token/calendar.ics").status_code == 404


def test_the_calendar_speaks_the_rooms_language(client, planned):
    planned.language = "de"
    db.session.commit()
    events = events_of(client.get(f"/plan/{planned.code}/calendar.ics").data).values()
    summaries = {str(event["summary"]) for event in events}
    assert any("Fällig" in summary for summary in summaries), summaries


def test_an_action_done_is_not_asked_about_at_check_ins(client, planned):
    action = db.session.query(Action).filter_by(workshop_id=planned.id).one()
    action.status = "done"
    db.session.commit()
    events = events_of(client.get(f"/plan/{planned.code}/calendar.ics").data).values()
    check_in = next(event for event in events if "check-in" in str(event["summary"]))
    assert "Start a callback rota" not in str(check_in["description"])


def test_a_workshop_starts_in_the_laptops_zone_and_the_facilitator_can_change_it(
    client, login, facilitator, workshop, monkeypatch
):
    import ai_workshop.workshops.services as services
    from ai_workshop.models import Workshop
    from ai_workshop.workshops.services import create_workshop

    from ..factories import settings_form

    monkeypatch.setattr(services, "local_zone_name", lambda: "Europe/Lisbon")
    assert create_workshop(facilitator, "customer-service").time_zone == "Europe/Lisbon"
    login(facilitator)
    page = client.get(f"/workshops/{workshop.code}/settings").get_data(as_text=True)
    assert '<option value="Asia/Tokyo">' in page
    data = settings_form(workshop, time_zone="Asia/Tokyo")
    assert client.post(f"/workshops/{workshop.code}/settings", data=data).status_code == 302
    db.session.expire_all()
    assert db.session.get(Workshop, workshop.id).time_zone == "Asia/Tokyo"
    wrong = client.post(
        f"/workshops/{workshop.code}/settings", data=data | {"time_zone": "Mars/Olympus_Mons"}
    )
    assert wrong.status_code == 422
    assert "Choose a time zone from the list." in wrong.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Workshop, workshop.id).time_zone == "Asia/Tokyo"
