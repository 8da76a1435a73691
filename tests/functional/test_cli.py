from datetime import date

from ai_workshop.extensions import db
from ai_workshop.models import (
    Action,
    ActionReport,
    CheckIn,
    CheckInStory,
    Commitment,
    Dream,
    Facilitator,
    Participant,
    Proposition,
    RoundTable,
    Story,
    Theme,
    Workshop,
)


def test_create_facilitator_from_stdin(runner):
    result = runner.invoke(
        args=["create-facilitator", "--email", "Lead@Example.com", "--password-stdin"],
        input="a long password\n",
    )
    assert result.exit_code == 0, result.output
    account = Facilitator.query.one()
    assert account.email == "lead@example.com"
    assert account.check_password("a long password")


def test_create_facilitator_with_a_prompt(runner):
    result = runner.invoke(
        args=["create-facilitator", "--email", "p@example.com"],
        input="a long password\na long password\n",
    )
    assert result.exit_code == 0, result.output
    assert Facilitator.query.one().check_password("a long password")


def test_create_facilitator_refuses_short_password(runner):
    result = runner.invoke(
        args=["create-facilitator", "--email", "x@example.com", "--password-stdin"], input="short\n"
    )
    assert result.exit_code != 0
    assert "at least 10 characters" in result.output


def test_workshop_create_prints_the_join_code_and_phase_sets_it(runner, facilitator):
    result = runner.invoke(
        args=[
            "workshop",
            "create",
            "--facilitator",
            facilitator.email,
            "--name",
            "CLI workshop",
            "--template",
            "customer-service",
        ]
    )
    assert result.exit_code == 0, result.output
    code = result.output.strip()
    workshop = Workshop.query.filter_by(code=code).one()
    assert workshop.name == "CLI workshop"
    result = runner.invoke(args=["workshop", "phase", code.lower(), "discover"])
    assert result.exit_code == 0, result.output
    db.session.refresh(workshop)
    assert workshop.phase == "discover"


def test_workshop_commands_fail_clearly(runner):
    result = runner.invoke(
        args=["workshop", "create", "--facilitator", "nobody@example.com", "--name", "X"]
    )
    assert result.exit_code != 0 and "No facilitator" in result.output
    result = runner.invoke(args=["workshop", "phase", "ZZZZZZ", "dream"])
    assert result.exit_code != 0 and "No workshop" in result.output
    result = runner.invoke(args=["workshop", "phase", "ZZZZZZ", "party"])
    assert result.exit_code != 0


def test_demo_runs_once_and_prints_credentials(runner, app, tmp_path, monkeypatch, client):
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["demo"])
    assert Workshop.query.count() == 1
    assert Story.query.count() >= 5
    password = (tmp_path / "demo-credentials.txt").read_text().strip()
    assert f"password: {password}" in first.output and f"password: {password}" in second.output
    response = client.post("/auth/login", data={"email": "demo@example.com", "password": password})
    assert response.status_code == 302


def test_demo_has_held_its_30_day_check_in_so_the_plan_shows_progress(
    runner, app, tmp_path, monkeypatch, client
):
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    assert runner.invoke(args=["demo"]).exit_code == 0
    demo = Workshop.query.one()
    check_in = CheckIn.query.filter_by(workshop_id=demo.id).one()
    assert check_in.label == "30-day check-in" and not check_in.is_open
    assert check_in.closed_at.date() < date.today()  # held already: the session was weeks ago
    reports = ActionReport.query.filter_by(check_in_id=check_in.id).all()
    assert len(reports) == Action.query.filter_by(workshop_id=demo.id).count()
    assert {r.status for r in reports} == {"not_started", "on_track", "done", "stuck"}
    assert all(r.would_help for r in reports if r.status == "stuck")
    assert CheckInStory.query.filter_by(workshop_id=demo.id).count() >= 3
    password = (tmp_path / "demo-credentials.txt").read_text().strip()
    client.post("/auth/login", data={"email": "demo@example.com", "password": password})
    plan = client.get(f"/plan/{demo.code}").get_data(as_text=True)
    assert "Progress at the check-ins" in plan
    assert "A customer called back just to say thank you" in plan


def test_demo_summit_is_a_finished_summit_of_240_at_30_tables(runner, app, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    first = runner.invoke(args=["demo", "--summit"])
    assert first.exit_code == 0, first.output
    summit = Workshop.query.one()
    assert summit.table_count >= 30 and f"join code: {summit.code}" in first.output
    assert "password: " in first.output
    people = Participant.query.filter_by(workshop_id=summit.id).all()
    assert len(people) >= 240 and all(summit.has_table(p.table_number) for p in people)
    assert len({p.table_number for p in people}) == summit.table_count
    stories = Story.query.filter_by(workshop_id=summit.id).all()
    assert len(stories) >= 240 and all(s.whose == "partner" and s.partner_name for s in stories)
    harvests = RoundTable.query.filter_by(workshop_id=summit.id).all()
    assert len(harvests) == summit.table_count
    assert all(t.harvest_done and t.causes and t.dream and t.host_participant_id for t in harvests)
    assert Theme.query.filter_by(workshop_id=summit.id).count() >= 3
    assert Dream.query.filter_by(workshop_id=summit.id).count() >= 30
    assert Proposition.query.filter_by(workshop_id=summit.id).count() >= 3
    assert Action.query.filter_by(workshop_id=summit.id).count() >= 5
    assert Commitment.query.filter_by(workshop_id=summit.id).count() >= 80
    again = runner.invoke(args=["demo", "--summit"])
    assert again.exit_code == 0 and Workshop.query.count() == 1
