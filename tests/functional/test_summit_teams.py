"""A summit's self-chosen teams: from Design on, tables become teams of the themes the room
carries forward, on phones, the projector, the console, the API and the exports."""

from ai_workshop.extensions import db
from ai_workshop.models import Participant, Theme

from ..support.clients import fresh
from ..support.round_trip import exported_again_elsewhere
from ..support.summits import page, seat, summit


def carried(workshop, *names, chosen=True):
    themes = [
        Theme(workshop_id=workshop.id, name=name, position=index, chosen=chosen)
        for index, name in enumerate(names)
    ]
    db.session.add_all(themes)
    db.session.commit()
    return themes


def in_phase(workshop, phase):
    workshop.phase = phase
    db.session.commit()


def test_a_phone_chooses_its_team_and_its_header_shows_it(app, workshop):
    summit(workshop)
    ownership, speed = carried(workshop, "Owning the outcome", "Fast answers")
    (left_out,) = carried(workshop, "Not carried forward", chosen=False)
    phone, person = seat(app, workshop, 3, "Ana")
    in_phase(workshop, "design")

    home = page(phone, f"/p/{workshop.code}")
    assert "Choose your team" in home
    assert f'value="{ownership.id}"' in home and f'value="{speed.id}"' in home
    assert "Not carried forward" not in home.split('id="team"')[1].split("</section>")[0]
    assert "Table 3" not in home  # teams replace tables from Design on

    answer = fresh(phone).post(f"/p/{workshop.code}/team", data={"theme_id": speed.id})
    assert answer.status_code == 302 and answer.location.endswith("#team")
    db.session.refresh(person)
    assert person.team_theme_id == speed.id
    home = page(phone, f"/p/{workshop.code}")
    assert "Team: Fast answers" in home
    assert f'data-team-theme="{speed.id}"' in home
    assert "1 person in this team" in home

    refused = fresh(phone).post(f"/p/{workshop.code}/team", data={"theme_id": left_out.id})
    assert refused.status_code == 302
    db.session.refresh(person)
    assert person.team_theme_id == speed.id
    assert "Choose one of the themes the room carries forward." in page(
        phone, f"/p/{workshop.code}"
    )
    empty = fresh(phone).post(f"/p/{workshop.code}/team", data={})
    assert empty.status_code == 302
    assert "Choose a team." in page(phone, f"/p/{workshop.code}")


def test_a_workshop_without_tables_has_no_teams(app, client, workshop):
    (theme,) = carried(workshop, "Owning the outcome")
    in_phase(workshop, "design")
    fresh(client).post(f"/j/{workshop.code}", data={"display_name": "Lea"})
    assert 'id="team"' not in page(client, f"/p/{workshop.code}")
    answer = fresh(client).post(f"/p/{workshop.code}/team", data={"theme_id": theme.id})
    assert answer.status_code == 302
    person = db.session.scalars(db.select(Participant).filter_by(display_name="Lea")).one()
    assert person.team_theme_id is None


def test_the_projector_and_console_count_each_teams_members(
    app, client, login, facilitator, workshop
):
    summit(workshop)
    ownership, speed = carried(workshop, "Owning the outcome", "Fast answers")
    in_phase(workshop, "design")
    for number, theme in [(1, ownership), (2, ownership), (3, speed), (4, None)]:
        phone, _person = seat(app, workshop, number)
        if theme is not None:
            fresh(phone).post(f"/p/{workshop.code}/team", data={"theme_id": theme.id})
    login(facilitator)
    projector = page(client, f"/projector/{workshop.code}/panel")
    strip = projector.split('class="teams-strip"')[1].split("</ul>")[0]
    assert "Owning the outcome" in strip and "2 people" in strip and "1 person" in strip
    console = page(client, f"/workshops/{workshop.code}/console")
    assert "3 of 4 people have chosen a team" in console

    in_phase(workshop, "destiny")
    projector = page(client, f"/projector/{workshop.code}/panel")
    assert "2 people · 0 actions" in projector


def test_the_api_lists_the_teams_and_joins_one(app, client, workshop):
    summit(workshop)
    ownership, _speed = carried(workshop, "Owning the outcome", "Fast answers")
    joined = fresh(client).post("/api/v1/join", json={"code": workshop.code, "table": 2}).json
    headers = {"Authorization": f"Bearer {joined['participant_token']}"}
    url = f"/api/v1/workshops/{workshop.code}/team"
    listed = fresh(client).get(url, headers=headers).json
    assert listed["open"] is False and listed["mine"] is None
    assert [team["name"] for team in listed["teams"]] == ["Owning the outcome", "Fast answers"]
    in_phase(workshop, "design")
    answer = fresh(client).put(url, json={"theme_id": ownership.id}, headers=headers)
    assert answer.status_code == 200 and answer.json["open"] is True
    assert answer.json["mine"] == ownership.id and answer.json["teams"][0]["members"] == 1
    wrong = fresh(client).put(url, json={"theme_id": "one"}, headers=headers)
    assert wrong.status_code == 422 and wrong.json["error"]["fields"]["theme_id"]
    unknown = fresh(client).put(url, json={"theme_id": 99999}, headers=headers)
    assert unknown.status_code == 422


def test_teams_export_and_import_back(app, client, login, facilitator, workshop, tmp_path):
    summit(workshop)
    ownership, speed = carried(workshop, "Owning the outcome", "Fast answers")
    in_phase(workshop, "design")
    for number, theme in [(1, speed), (2, ownership), (2, speed)]:
        phone, _person = seat(app, workshop, number)
        fresh(phone).post(f"/p/{workshop.code}/team", data={"theme_id": theme.id})
    login(facilitator)
    original = fresh(client).get(f"/plan/{workshop.code}/export.json").json
    names = {theme["id"]: theme["name"] for theme in original["themes"]}
    teams = [names[p["team_theme_id"]] for p in original["participants"]]
    assert teams == ["Fast answers", "Owning the outcome", "Fast answers"]

    again = exported_again_elsewhere(original, tmp_path)
    names = {theme["id"]: theme["name"] for theme in again["themes"]}
    assert [names[p["team_theme_id"]] for p in again["participants"]] == teams
