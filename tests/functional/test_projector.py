from markupsafe import escape

from ai_workshop.extensions import db


def test_welcome_shows_topic_qr_code_and_joined_count(client, make, facilitator, login):
    workshop = make.workshop(facilitator, phase="define")
    make.participant(workshop)
    make.participant(workshop)
    login(facilitator)
    page = client.get(f"/projector/{workshop.code}").data.decode()
    assert workshop.topic in page
    assert f"/j/{workshop.code}/qr.svg" in page
    assert f"{workshop.code[:3]} {workshop.code[3:]}" in page
    assert '<span class="count" data-joined>2</span>' in page


def test_discovery_shows_questions_count_ticker_and_cloud(
    client, make, workshop, facilitator, login
):
    teller = make.participant(workshop, "Priya")
    make.story(workshop, teller, headline="Named headline", consent="named", strengths=["empathy"])
    make.story(
        workshop, teller, headline="Secret headline", consent="private", strengths=["empathy"]
    )
    login(facilitator)
    page = client.get(f"/projector/{workshop.code}/panel").data.decode()
    assert workshop.questions[0] in page
    assert 'data-story-count data-push-count="stories">2<' in page
    assert "Named headline" in page and "Priya" in page
    assert "Secret headline" not in page
    assert ">empathy<" in page


def test_anonymous_story_shows_no_name_on_the_projector(client, make, workshop, facilitator, login):
    make.story(workshop, make.participant(workshop, "Hidden Name"), consent="anonymous")
    login(facilitator)
    assert "Hidden Name" not in client.get(f"/projector/{workshop.code}/panel").data.decode()


def test_projector_escapes_story_text(client, make, workshop, facilitator, login):
    make.story(workshop, make.participant(workshop), headline="<script>alert(1)</script>")
    login(facilitator)
    page = client.get(f"/projector/{workshop.code}/panel").data
    assert b"<script>alert(1)" not in page
    assert b"&lt;script&gt;" in page


def test_other_phases_show_their_name(client, make, facilitator, login):
    workshop = make.workshop(facilitator, phase="dream")
    login(facilitator)
    page = client.get(f"/projector/{workshop.code}/panel").data.decode()
    assert str(escape(workshop.dream_prompt)) in page
    workshop.phase = "closed"
    db.session.commit()
    assert "Thank you" in client.get(f"/projector/{workshop.code}/panel").data.decode()


def test_projector_needs_the_facilitator(client, workshop):
    assert client.get(f"/projector/{workshop.code}").status_code == 302


def test_a_partners_story_is_quoted_with_the_partners_name_on_projector_and_plan(
    client, make, workshop, facilitator, login
):
    writer = make.participant(workshop, "Aiko")
    make.story(
        workshop, writer, headline="Ben's night shift", whose="partner", partner_name="Ben",
        consent="named",
    )  # fmt: skip
    make.story(workshop, writer, headline="Carla's callback", whose="partner", consent="named")
    login(facilitator)
    projector = client.get(f"/projector/{workshop.code}/panel").data.decode()
    plan = client.get(f"/plan/{workshop.code}").data.decode()
    for page in (projector, plan):
        assert "— Ben" in page
        assert "Aiko" not in page  # the writer is never named for a story they did not live
