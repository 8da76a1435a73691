"""A summit's round tables from the phones: pairs and their timer, choosing a table, and
the table's host and harvest that every phone at the table watches, in pages and the API."""

from ai_workshop.extensions import db
from ai_workshop.models import RoundTable

from ..support.clients import fresh
from ..support.summits import api_join, page, seat, summit


def test_a_phone_sees_its_partner_the_questions_and_a_timer(app, workshop):
    summit(workshop)
    ana, _ = seat(app, workshop, 2, "Ana")
    ben, _ = seat(app, workshop, 2, "Ben")
    table = page(ana, f"/p/{workshop.code}/my-table")
    assert "Table 2" in table and "2 people at your table" in table
    assert "You interview Ben." in table and "Ben interviews you." in table
    assert 'data-pair-timer data-minutes="10"' in table
    assert workshop.questions[0] in table
    home = page(ben, f"/p/{workshop.code}")
    assert "Your interview at table 2" in home and "You interview Ana." in home


def test_an_odd_one_out_makes_a_three_and_unnamed_partners_are_by_their_seat(app, workshop):
    summit(workshop)
    first, _ = seat(app, workshop, 1)
    seat(app, workshop, 1)
    seat(app, workshop, 1, "Chen")
    table = page(first, f"/p/{workshop.code}/my-table")
    assert "You interview the person on your left." in table
    assert "Chen interviews you." in table
    assert "Listen: the person on your left interviews Chen." in table


def test_the_table_page_sends_a_phone_without_a_table_to_choose_one(app, client, workshop):
    fresh(client).post(f"/j/{workshop.code}", data={"display_name": "Lea"})
    assert (
        fresh(client)
        .get(f"/p/{workshop.code}/my-table")
        .headers["Location"]
        .endswith(f"/p/{workshop.code}")
    )
    summit(workshop)
    away = fresh(client).get(f"/p/{workshop.code}/my-table")
    assert away.status_code == 302 and away.headers["Location"].endswith("/table")


def test_the_first_to_offer_hosts_and_records_the_harvest_the_table_watches(app, workshop):
    summit(workshop)
    ana, _ = seat(app, workshop, 3, "Ana")
    ben, _ = seat(app, workshop, 3, "Ben")
    elsewhere, _ = seat(app, workshop, 4, "Dee")
    assert fresh(ana).post(f"/p/{workshop.code}/my-table/host").status_code == 302
    refused = fresh(ben).post(f"/p/{workshop.code}/my-table/host", follow_redirects=True)
    assert "Your table already has a host." in refused.get_data(as_text=True)
    assert "Ana hosts your table" in page(ben, f"/p/{workshop.code}/my-table/live")

    harvest = {
        "cause_1": "We own the customer's problem to the end",
        "strengths_1": "ownership, follow-through; Ownership",
        "cause_2": "",
        "best_quote": "She called me back herself",
        "wish": "More time to call back",
        "done": "",
    }
    not_host = fresh(ben).post(
        f"/p/{workshop.code}/my-table/harvest", data=harvest, follow_redirects=True
    )
    assert "Only your table&#39;s host records its harvest." in not_host.get_data(as_text=True)
    assert db.session.scalar(db.select(RoundTable).filter_by(number=3)).causes == []
    saved = fresh(ana).post(f"/p/{workshop.code}/my-table/harvest", data=harvest)
    assert saved.status_code == 302
    table = db.session.scalar(db.select(RoundTable).filter_by(number=3))
    db.session.refresh(table)
    assert table.causes == [
        {
            "text": "We own the customer's problem to the end",
            "strengths": ["ownership", "follow-through"],
        }
    ]
    assert not table.harvest_done and not table.quote_agreed

    watching = page(ben, f"/p/{workshop.code}/my-table/live")
    assert "We own the customer" in watching and "ownership · follow-through" in watching
    assert "She called me back herself" not in watching  # not agreed by its teller
    assert "We own the customer" not in page(elsewhere, f"/p/{workshop.code}/my-table/live")

    done = fresh(ana).post(
        f"/p/{workshop.code}/my-table/harvest",
        data=harvest | {"quote_agreed": "y", "done": "1"},
        follow_redirects=True,
    )
    assert "on the big screen" in done.get_data(as_text=True)
    db.session.refresh(table)
    assert table.harvest_done and table.harvested_at is not None
    assert "She called me back herself" in page(ben, f"/p/{workshop.code}/my-table/live")


def test_a_harvest_too_long_is_sent_back_with_its_message(app, workshop):
    summit(workshop)
    ana, _ = seat(app, workshop, 1, "Ana")
    fresh(ana).post(f"/p/{workshop.code}/my-table/host")
    long = fresh(ana).post(
        f"/p/{workshop.code}/my-table/harvest", data={"cause_1": "x" * 301, "wish": "kept"}
    )
    assert long.status_code == 422
    body = long.get_data(as_text=True)
    assert "Keep this to 300 characters or fewer." in body and "kept" in body


def test_the_api_joins_at_a_table_and_hosts_and_harvests(client, workshop):
    summit(workshop, 8)
    refused = api_join(client, workshop.code, display_name="Ana", table=9)
    assert refused.status_code == 422 and refused.json["error"]["fields"]["table"]
    ana = api_join(client, workshop.code, display_name="Ana", table=3).json
    ben = api_join(client, workshop.code, display_name="Ben", table=3).json
    assert ana["table"] == 3
    headers = {"Authorization": f"Bearer {ana['participant_token']}"}
    url = f"/api/v1/workshops/{workshop.code}/table"
    mine = fresh(client).get(url, headers=headers).json
    assert mine["number"] == 3 and [p["display_name"] for p in mine["people"]] == ["Ana", "Ben"]
    assert mine["interview"]["rounds"] == [
        {"interviewer": ana["participant_id"], "teller": ben["participant_id"]},
        {"interviewer": ben["participant_id"], "teller": ana["participant_id"]},
    ]
    assert fresh(client).post(f"{url}/host", headers=headers).json["host"]["display_name"] == "Ana"
    other = {"Authorization": f"Bearer {ben['participant_token']}"}
    assert fresh(client).post(f"{url}/host", headers=other).status_code == 409
    harvest = {
        "causes": [{"text": "Trust to decide", "strengths": ["trust", "judgement"]}],
        "best_quote": "Your call",
        "quote_agreed": False,
        "done": True,
    }
    assert fresh(client).put(f"{url}/harvest", json=harvest, headers=other).status_code == 403
    saved = fresh(client).put(f"{url}/harvest", json=harvest, headers=headers)
    assert saved.status_code == 200
    assert saved.json["harvest"]["causes"][0] == {
        "text": "Trust to decide",
        "strengths": ["trust", "judgement"],
    }
    assert saved.json["harvest"]["done"] and saved.json["harvest"]["best_quote"] == ""
    for wrong in ({"causes": "x"}, {"causes": [{"text": 3}]}, {"wish": 5}, {"causes": [{}] * 4}):
        answer = fresh(client).put(f"{url}/harvest", json=wrong, headers=headers)
        assert answer.status_code == 422, wrong
    moved = fresh(client).put(url, json={"number": 5}, headers=other)
    assert moved.status_code == 200 and moved.json["number"] == 5
    assert fresh(client).put(url, json={"number": "5"}, headers=other).status_code == 422
