"""Suggest again keeps what the facilitator shaped: renamed and pinned themes, stories
placed by hand, chosen second themes, names that stay apart, and the preview says why."""

from ai_workshop.board import planner, proposals
from ai_workshop.extensions import db
from ai_workshop.models import Story, Theme

from .board_support import (
    first_suggestion,
    state,
    themes,
)


def test_a_renamed_theme_keeps_its_name_id_and_stories(desk, workshop, stories):
    for theme in first_suggestion(desk, workshop):
        renamed = theme
        assert desk.post(f"/themes/{theme.id}/rename", name=f"Ours {theme.id}").status_code == 302
    assert db.session.get(Theme, renamed.id).name_edited
    held = {t.id: {s.id for s in t.stories} for t in themes(workshop)}
    assert proposals.propose(workshop, k=6).kept  # every theme is kept as shaped
    desk.apply("3") if proposals.propose(workshop, k=3).changed else None
    desk.apply("6") if proposals.propose(workshop, k=6).changed else None
    db.session.expire_all()
    for theme_id, members in held.items():
        theme = db.session.get(Theme, theme_id)
        assert theme is not None and theme.name == f"Ours {theme_id}"
        assert members <= {s.id for s in theme.stories}


def test_one_renamed_unpinned_theme_is_not_emptied_into_a_near_duplicate(desk, workshop, stories):
    one = first_suggestion(desk, workshop, k="3")[0]
    members = {s.id for s in one.stories}
    desk.post(f"/themes/{one.id}/rename", name="Owning the outcome")
    proposal = proposals.propose(workshop, k=6)
    assert [(kept.theme_id, kept.reasons) for kept in proposal.kept] == [(one.id, ["renamed"])]
    assert one.id not in {r.theme_id for r in proposal.removed}
    assert not any(m.source == "Owning the outcome" for m in proposal.moves)
    if proposal.changed:
        desk.apply("6")
    db.session.expire_all()
    kept = db.session.get(Theme, one.id)
    assert kept.name == "Owning the outcome"
    assert members <= {s.id for s in kept.stories}


def test_a_second_theme_stays_when_suggesting_again(desk, workshop, stories):
    one, two = first_suggestion(desk, workshop)[:2]
    desk.post(f"/themes/{two.id}/pin", value="1")
    chosen = [s.id for s in one.stories]
    for story_id in chosen:
        assert desk.post(f"/stories/{story_id}/secondary", theme=str(two.id)).status_code == 302
    for k in ("3", "6"):
        if proposals.propose(workshop, k=int(k)).changed:
            assert desk.apply(k).status_code == 302
    db.session.expire_all()
    checked = 0
    for story_id in chosen:
        story = db.session.get(Story, story_id)
        if story.theme_id != two.id:
            assert story.secondary_theme_id == two.id
            checked += 1
    assert checked


def test_hand_placed_stories_and_pinned_themes_stay(desk, workshop, stories):
    one, two = first_suggestion(desk, workshop)[:2]
    moved = next(s for s in one.stories)
    desk.post(f"/stories/{moved.id}/move", target=str(two.id))
    desk.post(f"/themes/{one.id}/pin", value="1")
    db.session.expire_all()
    pinned = {s.id for s in db.session.get(Theme, one.id).stories}
    for k in ("3", "6"):
        if proposals.propose(workshop, k=int(k)).changed:
            desk.apply(k)
    db.session.expire_all()
    assert db.session.get(Story, moved.id).theme_id == two.id
    assert {s.id for s in db.session.get(Theme, one.id).stories} == pinned


def test_with_every_other_theme_pinned_no_story_is_left_unassigned(desk, workshop, stories):
    """The run that said '5 stories are too few' and emptied the two unpinned themes."""
    board = first_suggestion(desk, workshop)
    for theme in board[::2]:
        desk.post(f"/themes/{theme.id}/pin", value="1")
    before = state(workshop)
    page = desk.preview("4")
    assert "too few" not in page.get_data(as_text=True)
    if page.status_code == 200:
        desk.apply("4")
    else:
        assert page.status_code == 302 and state(workshop) == before
    db.session.expire_all()
    assert {t.id for t in themes(workshop)} == {t["id"] for t in before["themes"]}
    assert all(s.theme_id is not None for s in Story.query.filter_by(parked=False))


def test_a_new_theme_never_takes_the_name_of_one_that_stays(workshop):
    taken = {"clear communication & composure"}
    name = planner.unique_name(
        "Clear communication & composure", ["clear communication", "composure", "calm"], taken
    )
    assert name == "Composure & calm"
    assert planner.unique_name("Calm", [], {"calm"}) == "Calm (2)"


def test_the_preview_names_what_it_keeps_and_why(desk, workshop, stories):
    one, two = first_suggestion(desk, workshop)[:2]
    desk.post(f"/themes/{one.id}/rename", name="Ours")
    desk.post(f"/themes/{two.id}/pin", value="1")
    kept = {entry.theme_id: entry.reasons for entry in proposals.propose(workshop, k=3).kept}
    assert kept == {one.id: ["renamed"], two.id: ["pinned"]}
    html = desk.preview("3").get_data(as_text=True)
    assert "Kept as you shaped them" in html and "(renamed)" in html and "(pinned)" in html
