"""A summit's round tables from the front of the room: the console's table overview (move,
merge, host, nudge, Max-Mix), the projector's harvest map and spotlight, the positive
core's tables, and tables in the export and the plan."""

import csv
import io
import re
import zipfile

from ai_workshop.extensions import db
from ai_workshop.models import Participant, RoundTable, Story, Theme

from ..factories import story_fields
from ..support.clients import fresh
from ..support.round_trip import exported_again_elsewhere
from ..support.summits import page, seat, summit


def test_the_console_moves_people_chooses_a_host_merges_and_nudges(
    app, client, login, facilitator, workshop
):
    summit(workshop, 5)
    ana_phone, ana = seat(app, workshop, 1, "Ana")
    _, ben = seat(app, workshop, 1, "Ben")
    _, chen = seat(app, workshop, 2, "Chen")
    login(facilitator)
    base = f"/workshops/{workshop.code}"
    overview = page(client, f"{base}/console")
    assert f'href="{base}/tables/1"' in overview and "2 people" in overview

    table_one = page(client, f"{base}/tables/1")
    assert "Ana" in table_one and "Ben" in table_one and "Chen" not in table_one
    fresh(client).post(f"{base}/tables/1/host", data={"participant": ben.id})
    assert (
        db.session.scalar(db.select(RoundTable).filter_by(number=1)).host_participant_id == ben.id
    )
    wrong_table = fresh(client).post(
        f"{base}/tables/2/host", data={"participant": ben.id}, follow_redirects=True
    )
    assert "Only someone at this table can host it." in wrong_table.get_data(as_text=True)

    fresh(client).post(f"{base}/tables/1/move", data={"participant": ben.id, "number": 4})
    db.session.refresh(ben)
    assert ben.table_number == 4
    host = db.session.scalar(db.select(RoundTable).filter_by(number=1)).host_participant_id
    assert host is None  # a host who moves stops hosting
    nowhere = fresh(client).post(f"{base}/tables/1/move", data={"participant": ana.id, "number": 9})
    assert nowhere.status_code == 302
    db.session.refresh(ana)
    assert ana.table_number == 1

    merged = fresh(client).post(
        f"{base}/tables/merge", data={"source": 2, "target": 1}, follow_redirects=True
    )
    assert "Table 2 joined table 1 (1 people moved)." in merged.get_data(as_text=True)
    db.session.refresh(chen)
    assert chen.table_number == 1
    same = fresh(client).post(
        f"{base}/tables/merge", data={"source": 1, "target": 1}, follow_redirects=True
    )
    assert "Choose two different tables to merge." in same.get_data(as_text=True)

    fresh(client).post(f"{base}/tables/1/nudge", data={"note": "Five minutes: start your harvest"})
    home = page(ana_phone, f"/p/{workshop.code}")
    assert "From the facilitator:" in home and "Five minutes: start your harvest" in home
    live = page(ana_phone, f"/p/{workshop.code}/live")
    assert "Five minutes: start your harvest" in live
    fresh(client).post(f"{base}/tables/1/nudge", data={"note": ""})
    assert "Five minutes" not in page(ana_phone, f"/p/{workshop.code}")


def test_a_nudge_moves_the_content_phones_follow_in_discovery(
    app, client, login, facilitator, workshop
):
    summit(workshop, 3)
    phone, _ = seat(app, workshop, 2, "Ana")
    before = fresh(phone).get(f"/api/v1/workshops/{workshop.code}/state").get_json()["content"]
    login(facilitator)
    fresh(client).post(f"/workshops/{workshop.code}/tables/2/nudge", data={"note": "Hello"})
    after = fresh(phone).get(f"/api/v1/workshops/{workshop.code}/state").get_json()["content"]
    assert before != after


def test_unknown_tables_and_people_are_404s(app, client, login, facilitator, make, workshop):
    summit(workshop, 3)
    other = make.workshop(facilitator)
    stranger = make.participant(other, "Zed")
    login(facilitator)
    base = f"/workshops/{workshop.code}"
    assert fresh(client).get(f"{base}/tables/4").status_code == 404
    assert fresh(client).post(f"{base}/tables/4/nudge", data={"note": "x"}).status_code == 404
    moved = fresh(client).post(
        f"{base}/tables/1/move", data={"participant": stranger.id, "number": 2}
    )
    assert moved.status_code == 404
    assert fresh(client).post(f"{base}/tables/1/move", data={"number": 2}).status_code == 400


def test_the_projector_maps_every_table_and_spotlights_one(
    app, client, login, facilitator, workshop
):
    summit(workshop, 30)
    ana_phone, ana = seat(app, workshop, 7, "Ana")
    seat(app, workshop, 7, "Ben")
    seat(app, workshop, 12, "Chen")
    fresh(ana_phone).post(f"/j/{workshop.code}/t/7")
    fresh(ana_phone).post(f"/p/{workshop.code}/stories", data=story_fields())
    fresh(ana_phone).post(f"/p/{workshop.code}/my-table/host")
    fresh(ana_phone).post(
        f"/p/{workshop.code}/my-table/harvest",
        data={"cause_1": "Trust to decide on the spot", "strengths_1": "trust", "done": "1"},
    )
    login(facilitator)
    screen = page(client, f"/projector/{workshop.code}/panel")
    tiles = re.findall(r'<li class="([^"]*)" data-table="(\d+)"', screen)
    assert len(tiles) == 30
    states = {int(n): state for state, n in tiles}
    assert states[7] == "done" and states[12] == "" and states[1] == "empty"
    assert "Trust to decide on the spot" in screen and "1 harvest in" in screen

    fresh(client).post(f"/workshops/{workshop.code}/spotlight", data={"number": 7})
    spot = page(client, f"/projector/{workshop.code}/panel")
    assert "Table 7 reports" in spot and "2 people" in spot and "1 story" in spot
    assert 'data-table="12"' not in spot
    fresh(client).post(f"/workshops/{workshop.code}/spotlight", data={})
    assert 'data-table="12"' in page(client, f"/projector/{workshop.code}/panel")
    refused = fresh(client).post(
        f"/workshops/{workshop.code}/spotlight", data={"number": 31}, follow_redirects=True
    )
    assert "This workshop has no table 31." in refused.get_data(as_text=True)


def test_the_positive_core_names_the_tables_each_theme_came_from(
    app, client, login, facilitator, workshop
):
    summit(workshop, 10)
    tellers = [seat(app, workshop, n, f"P{n}") for n in (2, 5, 9)]
    theme = Theme(workshop_id=workshop.id, name="Owning the outcome", position=0)
    db.session.add(theme)
    db.session.flush()
    for phone, _person in tellers[:2]:
        fresh(phone).post(f"/p/{workshop.code}/stories", data=story_fields())
    for story in db.session.scalars(db.select(Story).filter_by(workshop_id=workshop.id)):
        story.theme_id = theme.id
    workshop.themes_shown = True
    db.session.commit()
    login(facilitator)
    core = page(client, f"/projector/{workshop.code}/panel")
    assert "From 2 tables: 2 · 5" in core


def test_a_harvest_names_its_table_under_the_theme_whose_strengths_its_causes_share(
    app, client, login, facilitator, workshop
):
    summit(workshop, 10)
    teller, _person = seat(app, workshop, 2, "Ana")
    host_phone, _host = seat(app, workshop, 7, "Ben")
    owning = Theme(workshop_id=workshop.id, name="Owning the outcome", position=0,
                   strengths=["Ownership", "Follow-through"])  # fmt: skip
    calm = Theme(workshop_id=workshop.id, name="Calm under pressure", position=1,
                 strengths=["Patience", "Empathy"])  # fmt: skip
    db.session.add_all([owning, calm])
    db.session.flush()
    fresh(teller).post(f"/p/{workshop.code}/stories", data=story_fields())
    for story in db.session.scalars(db.select(Story).filter_by(workshop_id=workshop.id)):
        story.theme_id = owning.id
    workshop.themes_shown = True
    db.session.commit()
    fresh(host_phone).post(f"/p/{workshop.code}/my-table/host")
    fresh(host_phone).post(
        f"/p/{workshop.code}/my-table/harvest",
        data={"cause_1": "We stayed with the caller", "strengths_1": "patience, empathy",
              "cause_2": "We closed the loop", "strengths_2": "ownership", "done": "1"},
    )  # fmt: skip
    login(facilitator)
    core = page(client, f"/projector/{workshop.code}/panel")
    assert "From 2 tables: 2 · 7" in core  # a story from table 2, a harvest from table 7
    assert "From table 7" in core  # the harvest's other cause

    fresh(host_phone).post(
        f"/p/{workshop.code}/my-table/harvest",
        data={"cause_1": "We stayed with the caller", "strengths_1": "humour"},
    )
    core = page(client, f"/projector/{workshop.code}/panel")
    assert "From table 2" in core and "table 7" not in core  # a strength no theme has


def test_tables_seats_and_harvests_export_to_csv_and_json_and_import_back(
    app, client, login, facilitator, workshop, tmp_path
):
    summit(workshop, 6)
    ana_phone, ana = seat(app, workshop, 4, "Ana")
    seat(app, workshop, 4, "Ben")
    seat(app, workshop, 2)
    fresh(ana_phone).post(f"/p/{workshop.code}/my-table/host")
    fresh(ana_phone).post(
        f"/p/{workshop.code}/my-table/harvest",
        data={"cause_1": "=Trust to decide", "strengths_1": "trust, judgement", "done": "1"},
    )
    login(facilitator)
    original = fresh(client).get(f"/plan/{workshop.code}/export.json").json
    assert original["workshop"]["table_count"] == 6
    assert sorted(p["table_number"] for p in original["participants"]) == [2, 4, 4]
    (harvest,) = original["round_tables"]
    assert harvest["number"] == 4 and harvest["host_participant_id"] == ana.id
    assert harvest["causes"] == [{"text": "=Trust to decide", "strengths": ["trust", "judgement"]}]

    archive = zipfile.ZipFile(
        io.BytesIO(fresh(client).get(f"/plan/{workshop.code}/export.zip").data)
    )
    rows = list(csv.DictReader(io.StringIO(archive.read("round_tables.csv").decode("utf-8-sig"))))
    assert rows[0]["number"] == "4" and rows[0]["causes"] == "'=Trust to decide (trust, judgement)"

    again = exported_again_elsewhere(original, tmp_path)
    ignore = {"code"}
    assert {k: v for k, v in again["workshop"].items() if k not in ignore} == {
        k: v for k, v in original["workshop"].items() if k not in ignore
    }
    assert again["round_tables"][0]["causes"] == harvest["causes"]
    assert [p["table_number"] for p in again["participants"]] == [
        p["table_number"] for p in original["participants"]
    ]
    assert again["round_tables"][0]["host_participant_id"] == again["participants"][0]["id"]


def test_the_plan_shows_each_themes_tables_and_every_harvest(
    app, client, login, facilitator, workshop
):
    summit(workshop, 6)
    ana_phone, _ana = seat(app, workshop, 3, "Ana")
    ben_phone, _ben = seat(app, workshop, 5, "Ben")
    for phone in (ana_phone, ben_phone):
        fresh(phone).post(f"/p/{workshop.code}/stories", data=story_fields())
    theme = Theme(workshop_id=workshop.id, name="Owning the outcome", position=0)
    db.session.add(theme)
    db.session.flush()
    for story in db.session.scalars(db.select(Story).filter_by(workshop_id=workshop.id)):
        story.theme_id = theme.id
    db.session.commit()
    fresh(ana_phone).post(f"/p/{workshop.code}/my-table/host")
    fresh(ana_phone).post(
        f"/p/{workshop.code}/my-table/harvest",
        data={
            "cause_1": "Trust to decide on the spot",
            "best_quote": "Not to be printed",
            "wish": "Fewer handovers",
            "done": "1",
        },
    )
    login(facilitator)
    plan = page(client, f"/plan/{workshop.code}")
    assert "From 2 tables: 3 · 5" in plan
    assert "The tables' harvests" in plan and "Trust to decide on the spot" in plan
    assert "Fewer handovers" in plan and "Not to be printed" not in plan


def test_max_mix_asks_the_group_and_seats_each_where_it_is_rarest(app, client, workshop):
    summit(workshop, 3)
    workshop.mix_groups = ["Frontline", "Team lead", "Customer"]
    db.session.commit()
    join = fresh(client).get(f"/j/{workshop.code}").get_data(as_text=True)
    assert "Which group are you in?" in join and 'value="Customer"' in join
    missing = fresh(client).post(f"/j/{workshop.code}", data={"display_name": "Ana"})
    assert missing.status_code == 422
    assert "Choose your group, so that every table mixes them." in missing.get_data(as_text=True)
    seated = []
    for name, group in [("A", "Frontline"), ("B", "Frontline"), ("C", "Frontline"),
                        ("D", "Frontline"), ("E", "Team lead"), ("F", "Team lead"),
                        ("G", "Customer")]:  # fmt: skip
        phone = fresh(app.test_client())
        answer = phone.post(f"/j/{workshop.code}", data={"display_name": name, "group": group})
        assert answer.status_code == 302
        person = db.session.scalar(db.select(Participant).filter_by(display_name=name))
        seated.append((person.group, person.table_number))
    # The first three frontliners go to three tables; the fourth to the emptiest; team
    # leads then go where none sits yet; the customer to the emptiest of the three.
    assert seated[:3] == [("Frontline", 1), ("Frontline", 2), ("Frontline", 3)]
    frontline = [table for group, table in seated if group == "Frontline"]
    leads = [table for group, table in seated if group == "Team lead"]
    assert len(set(leads)) == 2 and frontline[3] not in leads
    counts = {n: sum(1 for _g, t in seated if t == n) for n in (1, 2, 3)}
    assert max(counts.values()) - min(counts.values()) <= 1
    forged = fresh(app.test_client()).post(
        f"/j/{workshop.code}", data={"display_name": "Z", "group": "Manager"}
    )
    assert forged.status_code == 422
    card = fresh(app.test_client()).post(
        f"/j/{workshop.code}/t/1", data={"display_name": "Y", "group": "Customer"}
    )
    assert card.status_code == 302
    assert db.session.scalar(db.select(Participant).filter_by(display_name="Y")).table_number == 1
