"""The positive core in words: suggested with the themes, kept current, edited by hand, and
shown on the board, the projector and the plan without a word a teller kept private."""

import pytest
from markupsafe import escape

from ai_workshop.board.core_words import positive_core_words
from ai_workshop.board.summaries import THEME_MAX
from ai_workshop.extensions import db
from ai_workshop.models import Story, Theme, Workshop
from ai_workshop.themes.summaries import split_sentences

from .board_support import labelled_rows

SECRET = "The vault code was seven seven three and nobody else must ever read this sentence."


@pytest.fixture
def stories(make, workshop):
    """24 stories; every fourth one private, with a sentence that must never be shown."""
    tellers = [make.participant(workshop, name) for name in ("Asha", "Ben", "Cleo")]
    made = []
    for number, row in enumerate(labelled_rows(24)):
        private = number % 4 == 3
        made.append(
            make.story(
                workshop,
                tellers[number % 3],
                headline=row["headline"] + (" (private)" if private else ""),
                story=row["story"] + (" " + SECRET if private else ""),
                made_possible=row["made_possible"],
                strengths=row["strengths"][:4],
                consent="private" if private else "named",
            )
        )
    return made


def themes(workshop):
    db.session.expire_all()
    return Theme.query.filter_by(workshop_id=workshop.id).order_by(Theme.position).all()


def private_texts(stories):
    """Every sentence of every private story, and its headline."""
    texts = []
    for story in stories:
        if story.consent == "private":
            texts += [story.headline, *split_sentences(story.story)]
            texts += split_sentences(story.made_possible)
    return texts


def quoted_sentences(theme):
    return [part for part in theme.summary.split("“")[1:]]


def test_suggest_fills_every_summary_and_the_core(board, workshop, stories):
    assert board("/suggest", k="4").status_code == 200
    by_id = {story.id: story for story in stories}
    for theme in themes(workshop):
        members = {story.id for story in theme.stories}
        assert theme.summary.startswith(f"{len(members)} stories share this")
        quotable = sum(1 for story in theme.stories if story.consent != "private")
        assert min(2, quotable) <= len(theme.summary_story_ids) <= 3
        assert len(set(theme.summary_story_ids)) == len(theme.summary_story_ids)
        for story_id in theme.summary_story_ids:
            story = by_id[story_id]
            assert story_id in members and story.consent != "private"
        assert len(theme.summary) <= THEME_MAX
        assert not theme.summary_edited
        # Each quote is the verbatim words of the story it cites, in citing order.
        quotes = [part.split("”")[0] for part in theme.summary.split("“")[1:]]
        assert len(quotes) == len(theme.summary_story_ids)
        for text, story_id in zip(quotes, theme.summary_story_ids, strict=True):
            source = by_id[story_id].story + " " + by_id[story_id].made_possible
            assert text.rstrip("…") in source
    workshop = db.session.get(Workshop, workshop.id)
    assert workshop.core_summary.startswith(
        f"Across {len(stories)} stories, our positive core holds"
    )
    for theme in themes(workshop):
        assert theme.name in workshop.core_summary


def test_private_words_appear_nowhere(board, client, workshop, stories):
    board("/suggest", k="4")
    board("/projector", value="1")
    secrets = private_texts(stories)
    pages = {
        "board": client.get(f"/board/{workshop.code}").data.decode(),
        "projector": client.get(f"/projector/{workshop.code}/panel").data.decode(),
        "plan": client.get(f"/plan/{workshop.code}").data.decode(),
    }
    assert "The positive core in words" in pages["board"]
    stored = " ".join(t.summary for t in themes(workshop))
    for secret in secrets:
        escaped = secret.replace("'", "&#39;").replace("&", "&amp;")
        assert secret not in stored
        for name in ("projector", "plan"):
            assert secret not in pages[name] and escaped not in pages[name], (name, secret)
    assert SECRET not in pages["board"]


def test_a_theme_of_private_stories_is_summed_up_without_quotes(board, workshop, stories):
    board("/suggest", k="4")
    private = [story for story in stories if story.consent == "private"]
    assert board("/split", name="Kept private", story_ids=[str(s.id) for s in private]).status_code
    theme = Theme.query.filter_by(name="Kept private").one()
    db.session.refresh(theme)
    assert theme.summary_story_ids == []
    assert "“" not in theme.summary
    assert theme.summary.startswith(f"{len(private)} stories share this")
    assert "private" in theme.summary


def test_edited_words_survive_board_changes_and_a_new_suggestion(board, workshop, stories):
    board("/suggest", k="4")
    first, second = themes(workshop)[:2]
    assert board(f"/themes/{first.id}/pin", value="1").status_code == 204
    saved = board(f"/themes/{first.id}/summary", text="  Calm voices,\n one job each.  ")
    assert saved.status_code == 200 and "Saved" in saved.json["message"]
    assert board("/core-summary", text="We are at our best together.").status_code == 200
    moved = second.stories[0]
    assert board(f"/stories/{moved.id}/move", target=str(first.id)).status_code == 204
    assert board("/suggest", k="4").status_code == 200
    first = db.session.get(Theme, first.id)
    assert first.summary == "Calm voices, one job each."
    assert first.summary_edited
    workshop = db.session.get(Workshop, workshop.id)
    assert workshop.core_summary == "We are at our best together."
    # Themes not edited by hand follow the board.
    for theme in themes(workshop):
        if theme.id != first.id:
            count = len(theme.stories)
            assert theme.summary.startswith(f"{count} stor") if count else theme.summary == ""


def test_unedited_words_follow_a_move(board, workshop, stories):
    board("/suggest", k="4")
    source, target = themes(workshop)[:2]
    cited = db.session.get(Story, source.summary_story_ids[0])
    assert board(f"/stories/{cited.id}/move", target=str(target.id)).status_code == 204
    source = db.session.get(Theme, source.id)
    assert cited.id not in source.summary_story_ids
    assert source.summary.startswith(f"{len(source.stories)} ")


def test_suggested_words_again_and_undo(board, workshop, stories):
    board("/suggest", k="3")
    theme = themes(workshop)[0]
    suggested, cited = theme.summary, list(theme.summary_story_ids)
    board(f"/themes/{theme.id}/summary", text="Our own words.")
    board("/core-summary", text="Our own paragraph.")
    assert board("/undo", value="1").json["message"].startswith("Undone: Edit the positive core")
    workshop = db.session.get(Workshop, workshop.id)
    assert not workshop.core_summary_edited and workshop.core_summary.startswith("Across")
    assert db.session.get(Theme, theme.id).summary == "Our own words."
    assert board(f"/themes/{theme.id}/summary/suggested", value="1").status_code == 204
    theme = db.session.get(Theme, theme.id)
    assert (theme.summary, theme.summary_story_ids) == (suggested, cited)
    assert not theme.summary_edited
    board("/undo", value="1")
    theme = db.session.get(Theme, theme.id)
    assert theme.summary == "Our own words." and theme.summary_edited
    board("/core-summary", text="Ours again.")
    assert board("/core-summary/suggested", value="1").status_code == 204
    workshop = db.session.get(Workshop, workshop.id)
    assert workshop.core_summary.startswith("Across") and not workshop.core_summary_edited


def test_bad_words_get_clear_errors(board, client, workshop, stories):
    board("/suggest", k="3")
    theme = themes(workshop)[0]
    empty = board(f"/themes/{theme.id}/summary", text="   ")
    assert empty.status_code == 422 and "suggested words" in empty.json["error"]["message"]
    long = board(f"/themes/{theme.id}/summary", text="x" * 601)
    assert long.status_code == 422 and "600" in long.json["error"]["message"]
    assert board("/core-summary", text="y" * 1201).status_code == 422
    assert board("/core-summary", text="y" * 1200).status_code == 200
    assert board("/themes/999999/summary", text="Fine").status_code == 404
    assert board("/themes/999999/summary/suggested", value="1").status_code == 404
    plain = client.post(f"/board/{workshop.code}/themes/{theme.id}/summary", data={"text": ""})
    assert plain.status_code == 302  # back to the board, with the message
    assert "suggested words" in client.get(plain.headers["Location"]).data.decode()
    assert db.session.get(Theme, theme.id).summary_edited is False


def test_board_shows_words_and_cited_headlines(board, client, workshop, stories):
    board("/suggest", k="3")
    page = client.get(f"/board/{workshop.code}/panel").data.decode()
    workshop = db.session.get(Workshop, workshop.id)
    assert str(escape(workshop.core_summary)) in page
    for theme in themes(workshop):
        assert theme.summary.split("“")[0].strip() in page
        for story_id in theme.summary_story_ids:
            headline = db.session.get(Story, story_id).headline
            assert headline.replace("'", "&#39;").replace("&", "&amp;") in page


def test_projector_and_plan_show_the_words(board, client, workshop, stories):
    board("/suggest", k="3")
    board("/projector", value="1")
    projector = client.get(f"/projector/{workshop.code}/panel").data.decode()
    plan = client.get(f"/plan/{workshop.code}").data.decode()
    workshop = db.session.get(Workshop, workshop.id)
    for page in (projector, plan):
        assert str(escape(workshop.core_summary)) in page
        for theme in themes(workshop):
            framing = theme.summary.split("“")[0].strip().replace("&", "&amp;")
            assert framing in page
    theme = themes(workshop)[0]
    cited = db.session.get(Story, theme.summary_story_ids[0])
    assert f"{cited.headline.replace(chr(39), '&#39;')}" in plan
    assert f"— {cited.attribution}" in plan


def test_a_quote_hidden_later_leaves_every_screen(board, client, workshop, stories, facilitator):
    board("/suggest", k="3")
    board("/projector", value="1")
    theme = themes(workshop)[0]
    cited = db.session.get(Story, theme.summary_story_ids[0])
    quote = theme.summary.split("“")[1].split("”")[0]
    cited.consent = "private"  # the teller changed their mind on their phone
    db.session.commit()
    for url in (f"/projector/{workshop.code}/panel", f"/plan/{workshop.code}"):
        assert quote.replace("'", "&#39;") not in client.get(url).data.decode(), url
    words, _core = positive_core_words(workshop, themes(workshop))
    assert cited not in words[theme.id].cited
    assert quote not in words[theme.id].text
    assert words[theme.id].text.startswith(f"{len(theme.stories)} stories")


def test_a_hand_written_quote_of_a_story_hidden_later_is_left_out(board, workshop, stories):
    board("/suggest", k="3")
    theme = themes(workshop)[0]
    cited = db.session.get(Story, theme.summary_story_ids[0])
    quote = theme.summary.split("“")[1].split("”")[0]
    board(f"/themes/{theme.id}/summary", text=f"What we heard: “{quote}” And more.")
    assert db.session.get(Theme, theme.id).summary_story_ids == [cited.id]
    cited.hidden = True
    db.session.commit()
    words, _core = positive_core_words(workshop, themes(workshop))
    assert words[theme.id].text == "What we heard: And more."
    assert words[theme.id].cited == []


def test_the_pdf_is_built_from_the_same_words(board, workshop, stories):
    from ai_workshop.plan.content import build_plan

    board("/suggest", k="3")
    content = build_plan(db.session.get(Workshop, workshop.id))
    assert content.core_words.startswith("Across")
    for entry in content.themes:
        assert entry.summary
        assert all(q.text for q in entry.cited)
