"""Suggest again never loses curation: the board previews what a new suggestion would
change, the facilitator applies or cancels, undo restores, and bad input is refused
(what they shaped by hand stays: test_board_suggest_keeps.py)."""

import pytest

from ai_workshop.board import proposals
from ai_workshop.extensions import db
from ai_workshop.models import BoardSnapshot, Theme

from .board_support import (
    fingerprint_in,
    first_suggestion,
    placements,
    state,
    themes,
)


def test_suggest_on_a_board_with_themes_previews_and_changes_nothing(desk, workshop, stories):
    first_suggestion(desk, workshop)
    before, snapshots = state(workshop), BoardSnapshot.query.count()
    plain = desk.post("/suggest", k="6")
    assert plain.status_code == 302 and plain.headers["Location"].endswith("/suggest?k=6")
    script = desk.post("/suggest", script=True, k="6")
    assert script.json["redirect"].endswith("/suggest?k=6")
    page = desk.preview("6")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Suggest again: what would change" in html
    assert "Apply changes" in html and "Cancel" in html
    assert state(workshop) == before
    assert BoardSnapshot.query.count() == snapshots


def test_the_preview_lists_new_themes_moves_and_merges(desk, workshop, stories):
    first_suggestion(desk, workshop)
    big = max(themes(workshop), key=lambda t: len(t.stories))
    # Two of its stories sit in a suggested theme of their own, nobody's edit.
    leftovers = Theme(workshop_id=workshop.id, name="Leftovers", position=99, origin="suggested")
    db.session.add(leftovers)
    db.session.flush()
    strays = big.stories[-2:]
    for story in strays:
        story.theme_id = leftovers.id
    db.session.commit()

    proposal = proposals.propose(workshop, k=4)
    assert [(r.name, r.into) for r in proposal.removed] == [("Leftovers", big.name)]
    assert {(m.story_id, m.source, m.target) for m in proposal.moves} == {
        (s.id, "Leftovers", big.name) for s in strays
    }
    assert proposal.new_themes == []
    html = desk.preview("4").get_data(as_text=True)
    assert "merged into" in html and "Leftovers" in html
    for story in strays:
        assert story.headline.replace("'", "&#39;") in html

    more = proposals.propose(workshop, k=6)
    assert more.new_themes, "six themes from four: something new"
    html = desk.preview("6").get_data(as_text=True)
    for new in more.new_themes:
        assert new.name.replace("&", "&amp;") in html
        for headline in new.headlines:
            assert headline.replace("'", "&#39;") in html


def test_apply_does_exactly_what_the_preview_showed(desk, workshop, stories):
    first_suggestion(desk, workshop)
    proposal = proposals.propose(workshop, k=6)
    assert proposal.changed
    before = placements(workshop)
    response = desk.apply("6")
    assert response.status_code == 302
    assert "Suggestion applied" in desk.page()
    after = placements(workshop)
    names = {t.id: t.name for t in themes(workshop)}
    moved = {m.story_id: m.target for m in proposal.moves}
    for story_id, (theme_id, _second) in after.items():
        if story_id in moved:
            assert names.get(theme_id) == moved[story_id]
        else:
            assert theme_id == before[story_id][0]
    for new in proposal.new_themes:
        made = Theme.query.filter_by(workshop_id=workshop.id, name=new.name).one()
        assert sorted(s.id for s in made.stories) == sorted(new.story_ids)
    for removal in proposal.removed:
        assert db.session.get(Theme, removal.theme_id) is None
    assert not proposals.propose(workshop, k=6).changed  # applied: the same again is nothing


def test_a_refusal_changes_nothing_at_all(desk, make, workshop):
    """Too few stories: no snapshot, no theme deleted, no story moved, pinned or not."""
    teller = make.participant(workshop, "Teller")
    made = [make.story(workshop, teller, headline=f"Story {n}") for n in range(5)]
    pinned = Theme(workshop_id=workshop.id, name="Pinned", position=1, pinned=True)
    loose = Theme(workshop_id=workshop.id, name="Suggested", position=2, origin="suggested")
    db.session.add_all([pinned, loose])
    db.session.flush()
    made[0].theme_id, made[1].theme_id = pinned.id, pinned.id
    made[2].theme_id, made[3].theme_id = loose.id, loose.id
    made[2].secondary_theme_id = pinned.id
    db.session.commit()
    before = state(workshop)
    version = workshop.version

    page = desk.preview()
    assert page.status_code == 302
    assert "too few to suggest themes" in desk.page()
    script = desk.post("/suggest", script=True)  # a board with themes is previewed first
    assert "redirect" in script.json
    assert "too few" in proposals.suggest(workshop)
    assert proposals.propose(workshop).refused
    forged = desk.post("/suggest/apply", k="", fingerprint="0" * 64)
    assert forged.status_code == 409
    assert state(workshop) == before
    assert BoardSnapshot.query.count() == 0
    db.session.expire_all()
    assert workshop.version == version


def test_too_few_stories_on_an_empty_board_changes_nothing(desk, make, workshop):
    make.story(workshop, make.participant(workshop))
    response = desk.post("/suggest", script=True)
    assert "too few" in response.json["message"]
    assert themes(workshop) == [] and BoardSnapshot.query.count() == 0


def test_nothing_to_change_says_so(desk, workshop, stories):
    first_suggestion(desk, workshop)
    before = state(workshop)
    page = desk.preview("4")
    assert page.status_code == 302
    assert "nothing would change" in desk.page()
    assert state(workshop) == before


def test_a_stale_preview_is_refused_and_shown_again(desk, workshop, stories):
    one, two = first_suggestion(desk, workshop)[:2]
    old = fingerprint_in(desk.preview("6").get_data(as_text=True))
    story = one.stories[0]
    desk.post(f"/stories/{story.id}/move", target=str(two.id))  # the board changes meanwhile
    before = state(workshop)
    answer = desk.apply("6", fingerprint=old)
    assert answer.status_code == 409
    html = answer.get_data(as_text=True)
    assert "The board changed since the preview" in html
    assert fingerprint_in(html) != old  # the new preview, ready to apply
    assert state(workshop) == before
    script = desk.apply("6", fingerprint=old, script=True)
    assert script.status_code == 409 and "changed" in script.json["error"]["message"]
    assert desk.apply("6", fingerprint=fingerprint_in(html)).status_code == 302
    assert state(workshop) != before


def test_undo_after_apply_restores_the_board_exactly(desk, workshop, stories):
    one = first_suggestion(desk, workshop)[0]
    desk.post(f"/themes/{one.id}/rename", name="Ours")
    desk.post(f"/stories/{stories[0].id}/secondary", theme=str(one.id))
    before = state(workshop)
    # Three themes where the board has four: something changes whatever the machine's
    # floating point makes of close calls (at six, one CPU's grouping matched the board).
    assert desk.apply("3").status_code == 302
    assert state(workshop) != before
    undone = desk.post("/undo", script=True, value="1")
    assert undone.json["message"] == "Undone: Suggest themes"
    assert state(workshop) == before


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/suggest/apply", {"k": "6"}),
        ("/suggest/apply", {"k": "6", "fingerprint": "not hex"}),
        ("/suggest/apply", {"k": "99", "fingerprint": "a" * 64}),
        ("/suggest/apply", {"k": "x" * 5000, "fingerprint": "a" * 64}),
    ],
)
def test_bad_apply_input_is_a_clear_400(desk, workshop, stories, path, data):
    first_suggestion(desk, workshop)
    before = state(workshop)
    answer = desk.post(path, **data)
    assert answer.status_code == 400
    assert "flash error" in answer.get_data(as_text=True)
    assert desk.post(path, script=True, **data).status_code == 400
    assert state(workshop) == before


def test_bad_preview_input_is_a_clear_400(desk, workshop, stories):
    first_suggestion(desk, workshop)
    for k in ("99", "abc", "1" * 3000):
        answer = desk.preview(k)
        assert answer.status_code == 400
        assert "Choose between 2 and 12 themes" in answer.get_data(as_text=True) or (
            "integer" in answer.get_data(as_text=True)
        )
