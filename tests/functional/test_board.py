"""The theme board over HTTP: suggest, curate by hand, undo, and what survives a re-run."""

from markupsafe import escape

from ai_workshop.board import proposals
from ai_workshop.extensions import db
from ai_workshop.models import BoardSnapshot, Story, Theme

from .board_support import themes


def test_board_page_and_panel(client, facilitator, workshop, stories, login):
    login(facilitator)
    page = client.get(f"/board/{workshop.code}")
    assert page.status_code == 200
    assert stories[0].headline.encode() in page.data  # unassigned before any suggestion
    assert b'id="theme-board"' in client.get(f"/board/{workshop.code}/panel").data


def test_suggest_places_every_story(board, workshop, stories):
    response = board("/suggest", k="4")
    assert response.status_code == 200
    assert "4 themes suggested" in response.json["message"]
    assert len(themes(workshop)) == 4
    assert all(story.theme_id is not None for story in Story.query.all())


def test_suggest_with_too_few_stories_says_so(board, make, workshop):
    make.story(workshop, make.participant(workshop))
    response = board("/suggest")
    assert "too few" in response.json["message"]
    assert themes(workshop) == []
    assert BoardSnapshot.query.count() == 0  # a refusal changes nothing, not even undo


def test_manual_moves_and_pinned_themes_survive_a_new_suggestion(board, workshop, stories):
    board("/suggest", k="4")
    first, second = themes(workshop)[:2]
    moved = stories[0] if stories[0].theme_id != second.id else stories[1]
    assert board(f"/stories/{moved.id}/move", target=str(second.id)).status_code == 204
    pinned_members = {s.id for s in first.stories}
    assert board(f"/themes/{first.id}/pin", value="1").status_code == 204
    # A board with themes previews a new suggestion; Apply carries the preview's fingerprint.
    assert "redirect" in board("/suggest", k="5").json
    proposal = proposals.propose(workshop, k=5)
    if proposal.changed:
        applied = board("/suggest/apply", k="5", fingerprint=proposal.fingerprint)
        assert "Suggestion applied" in applied.json["message"]
    db.session.expire_all()
    assert db.session.get(Story, moved.id).theme_id == second.id
    assert db.session.get(Theme, first.id).pinned
    assert {s.id for s in db.session.get(Theme, first.id).stories} == pinned_members


def test_rename_create_merge_split_delete(board, workshop, stories):
    board("/suggest", k="4")
    one, two = themes(workshop)[:2]
    assert board(f"/themes/{one.id}/rename", name="Owning the outcome").status_code == 204
    assert db.session.get(Theme, one.id).name == "Owning the outcome"
    assert board("/themes", name="Brand new").status_code == 204
    assert any(t.name == "Brand new" for t in themes(workshop))
    two_members = {s.id for s in two.stories}
    assert board(f"/themes/{two.id}/merge", into=str(one.id)).status_code == 204
    db.session.expire_all()
    assert db.session.get(Theme, two.id) is None
    assert two_members <= {s.id for s in db.session.get(Theme, one.id).stories}
    chosen = [s.id for s in stories[:3]]
    assert board("/split", name="Split out", story_ids=[str(i) for i in chosen]).status_code == 204
    split = Theme.query.filter_by(name="Split out").one()
    assert sorted(s.id for s in split.stories) == chosen
    assert board(f"/themes/{split.id}/delete", value="1").status_code == 204
    db.session.expire_all()
    assert all(db.session.get(Story, i).theme_id is None for i in chosen)


def test_secondary_theme_and_parking_lot(board, workshop, stories):
    board("/suggest", k="3")
    one, two = themes(workshop)[:2]
    story = one.stories[0]
    assert board(f"/stories/{story.id}/secondary", theme=str(two.id)).status_code == 204
    assert db.session.get(Story, story.id).secondary_theme_id == two.id
    same = board(f"/stories/{story.id}/secondary", theme=str(one.id))
    assert same.status_code == 422 and "already" in same.json["error"]["message"]
    assert board(f"/stories/{story.id}/move", target="parking").status_code == 204
    parked = db.session.get(Story, story.id)
    assert parked.parked and parked.theme_id is None
    assert board(f"/stories/{story.id}/move", target="unassigned").status_code == 204
    assert not db.session.get(Story, story.id).parked


def test_undo_restores_the_board_step_by_step(board, workshop, stories):
    board("/suggest", k="4")
    before = {s.id: s.theme_id for s in Story.query.all()}
    names_before = sorted(t.name for t in themes(workshop))
    target = themes(workshop)[0]
    board(f"/themes/{target.id}/rename", name="Renamed")
    board(f"/themes/{target.id}/delete", value="1")
    assert board("/undo", value="1").json["message"].startswith("Undone: Delete")
    assert board("/undo", value="1").json["message"].startswith("Undone: Rename")
    db.session.expire_all()
    assert sorted(t.name for t in themes(workshop)) == names_before
    assert {s.id: s.theme_id for s in Story.query.all()} == before
    board("/undo", value="1")  # undo the suggestion itself
    assert themes(workshop) == []
    nothing = board("/undo", value="1")
    assert nothing.status_code == 422 and "Nothing to undo" in nothing.json["error"]["message"]
    assert BoardSnapshot.query.count() == 0


def test_bad_board_input_gets_clear_errors(board, workshop, stories):
    board("/suggest", k="3")
    theme = themes(workshop)[0]
    assert board("/suggest", k="99").status_code == 422
    assert board(f"/themes/{theme.id}/rename", name="").status_code == 422
    assert board(f"/themes/{theme.id}/rename", name="x" * 81).status_code == 422
    assert board(f"/stories/{stories[0].id}/move", target="nowhere").status_code == 422
    assert board(f"/stories/{stories[0].id}/move", target="999999").status_code == 404
    assert board("/themes/999999/delete", value="1").status_code == 404
    assert board(f"/themes/{theme.id}/merge", into=str(theme.id)).status_code == 422
    assert board("/split", name="Empty").status_code == 422


def test_plain_form_posts_redirect_back_to_the_board(client, facilitator, workshop, stories, login):
    login(facilitator)
    response = client.post(f"/board/{workshop.code}/suggest", data={"k": "3"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/board/{workshop.code}")
    page = client.get(response.headers["Location"])
    assert b"3 themes suggested" in page.data


def test_projector_and_phones_show_the_positive_core(board, client, workshop, stories, facilitator):
    board("/suggest", k="3")
    board("/projector", value="1")
    projector = client.get(f"/projector/{workshop.code}/panel").data.decode()
    assert "Our positive core" in projector
    for theme in themes(workshop):
        assert str(escape(theme.name)) in projector
    assert "— Teller" in projector  # a quote, with the name the teller allowed
    phone = client.application.test_client()
    phone.post(f"/j/{workshop.code}", data={"display_name": "Phone"})
    assert b"Our positive core" in phone.get(f"/p/{workshop.code}").data
    board("/projector", value="0")
    assert "Our positive core" not in client.get(f"/projector/{workshop.code}/panel").data.decode()


def test_embeddings_are_stored_once_per_story(board, workshop, stories):
    from ai_workshop.models import StoryEmbedding

    board("/suggest")
    assert StoryEmbedding.query.count() == len(stories)
    first_hashes = {row.story_id: row.text_hash for row in StoryEmbedding.query.all()}
    proposals.propose(workshop)  # suggesting again reads the stored vectors
    assert {row.story_id: row.text_hash for row in StoryEmbedding.query.all()} == first_hashes
    assert StoryEmbedding.query.count() == len(stories)


def test_another_facilitator_cannot_touch_the_board(client, make, workshop, stories, login):
    login(make.facilitator())
    assert client.get(f"/board/{workshop.code}").status_code == 403
    assert client.post(f"/board/{workshop.code}/suggest").status_code == 403


def test_theme_summaries_agree_with_the_full_cards(board, workshop, stories):
    """The live screens' light summaries count, name and quote as the board's cards do."""
    from ai_workshop.board.queries import theme_cards, theme_summaries

    assert board("/suggest", k="4").status_code in (200, 204)
    first = themes(workshop)[0]
    hidden = next(story for story in stories if story.theme_id == first.id)
    hidden.hidden = True
    first.strengths = []
    db.session.commit()
    cards, summaries = theme_cards(workshop), theme_summaries(workshop)
    assert [s.theme.id for s in summaries] == [c.theme.id for c in cards]
    for card, summary in zip(cards, summaries, strict=True):
        assert summary.count == len(card.stories)
        assert summary.quote == card.quote
        assert set(summary.strengths) <= {n for s in card.stories for n in s.strength_names}
        assert len(summary.strengths) == len(card.strengths)
