"""Stories are read by the language model in the background, so Suggest themes groups with the
preferred engine from stored vectors; when too many stories arrived since, it groups with the
quick engine, says so, and Apply repeats exactly what the preview showed."""

import os
import re
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from ai_workshop.board import embedding_worker, proposals
from ai_workshop.board.embedder_process import BackgroundEmbedder
from ai_workshop.board.embeddings import _keep, unembedded, vectors_for
from ai_workshop.extensions import db
from ai_workshop.models import StoryEmbedding, Theme
from ai_workshop.themes.embedders import MINILM, STATIC

from .board_support import add_labelled_stories, labelled_rows

ROOT = Path(__file__).resolve().parents[2]


def rows(engine):
    return StoryEmbedding.query.filter_by(engine=engine).count()


def test_the_embedder_reads_waiting_stories_newest_first_and_only_once(make, workshop):
    stories = add_labelled_stories(make, workshop, 20)
    db.session.commit()
    assert [s.id for s in embedding_worker.pending_stories(STATIC, 5)] == sorted(
        (s.id for s in stories), reverse=True
    )[:5]
    assert embedding_worker.embed_pending(STATIC, 5) == 5
    assert rows(STATIC) == 5
    assert embedding_worker.embed_all(STATIC) == 15
    assert rows(STATIC) == 20
    assert embedding_worker.embed_pending(STATIC) == 0
    assert unembedded(stories, STATIC) == 0


def test_an_edited_story_counts_as_unread_until_it_is_read_again(make, workshop):
    stories = add_labelled_stories(make, workshop, 10)
    embedding_worker.embed_all(STATIC)
    before = vectors_for(stories, STATIC)["story"][0].copy()
    stories[0].story = "Our night shift rebuilt the rota so every caller reached a person."
    assert unembedded(stories, STATIC) == 1
    after = vectors_for(stories, STATIC)["story"][0]
    assert not np.allclose(before, after)
    assert unembedded(stories, STATIC) == 0


def test_a_row_the_embedder_stored_meanwhile_is_kept_without_an_error(make, workshop):
    stories = add_labelled_stories(make, workshop, 8)
    embedding_worker.embed_all(STATIC)
    db.session.commit()
    first = StoryEmbedding.query.filter_by(story_id=stories[0].id).one()
    twin = StoryEmbedding(
        story_id=stories[0].id,
        engine=STATIC,
        text_hash="0" * 64,
        story_vector=b"",
        made_possible_vector=b"",
    )
    _keep(twin)  # the unique (story, engine) pair refuses it; the session carries on
    db.session.commit()
    assert StoryEmbedding.query.filter_by(story_id=stories[0].id).one().id == first.id


@pytest.fixture
def minilm_board(app):
    app.config["THEMES_ENGINE"] = MINILM
    app.config["THEMES_INLINE_STORIES"] = 4
    yield
    app.config["THEMES_ENGINE"] = STATIC


def test_suggest_uses_the_stored_minilm_vectors(make, workshop, minilm_board):
    stories = add_labelled_stories(make, workshop, 24)
    embedding_worker.embed_all(MINILM)
    proposal = proposals.propose(workshop)
    assert proposal.engine == MINILM and proposal.unread == 0
    assert unembedded(stories, MINILM) == 0
    # A few new stories (up to THEMES_INLINE_STORIES) are read on the spot.
    teller = make.participant(workshop, "Late")
    for row in labelled_rows(27)[24:]:
        make.story(workshop, teller, headline=row["headline"], story=row["story"])
    proposal = proposals.propose(workshop)
    assert proposal.engine == MINILM and proposal.unread == 0
    assert rows(MINILM) == 27


def test_too_many_unread_stories_fall_back_to_the_quick_engine_and_say_so(
    make, workshop, minilm_board, client, facilitator, login
):
    add_labelled_stories(make, workshop, 24)
    db.session.commit()
    login(facilitator)
    response = client.post(f"/board/{workshop.code}/suggest", data={"k": "4"})
    assert response.status_code == 302
    page = client.get(f"/board/{workshop.code}").get_data(as_text=True)
    assert "24 stories were still being read by the language model" in page
    assert Theme.query.filter_by(workshop_id=workshop.id).count() == 4

    # The preview of a second suggestion says which engine grouped it, and Apply repeats it
    # even when the embedder has read every story in between.
    make.story(workshop, make.participant(workshop, "Late"), headline="A late story")
    db.session.commit()
    preview = client.get(f"/board/{workshop.code}/suggest", query_string={"k": "5"})
    html = preview.get_data(as_text=True)
    assert "still being read by the language model" in html
    engine = re.search(r'name="engine" value="(\w+)"', html).group(1)
    fingerprint = re.search(r'name="fingerprint" value="([0-9a-f]{64})"', html).group(1)
    assert engine == STATIC
    embedding_worker.embed_all(MINILM)
    applied = client.post(
        f"/board/{workshop.code}/suggest/apply",
        data={"k": "5", "fingerprint": fingerprint, "engine": engine},
    )
    assert applied.status_code == 302
    assert "changed since the preview" not in client.get(f"/board/{workshop.code}").get_data(
        as_text=True
    )
    assert Theme.query.filter_by(workshop_id=workshop.id).count() == 5


def test_apply_refuses_an_engine_it_does_not_know(board, make, workshop):
    add_labelled_stories(make, workshop, 12)
    response = board("/suggest/apply", k="", fingerprint="a" * 64, engine="gpt")
    assert response.status_code == 400
    assert "Open the preview again" in response.get_data(as_text=True)


def test_the_background_process_reads_stories_as_they_arrive(app, make, workshop, tmp_path):
    """`flask themes embed --watch`, as gunicorn's master starts it, on a database of its own."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    stories = add_labelled_stories(make, workshop, 10)
    db.session.commit()
    env = {**os.environ, "DATABASE_URL": uri, "THEMES_ENGINE": STATIC}
    process = subprocess.Popen(
        BackgroundEmbedder().command,  # the command gunicorn's master runs
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and unembedded(stories, STATIC):
            db.session.rollback()  # see the other process's commits
            time.sleep(0.2)
        assert unembedded(stories, STATIC) == 0
        later = make.story(workshop, make.participant(workshop, "Late"), headline="Later")
        db.session.commit()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and unembedded([later], STATIC):
            db.session.rollback()
            time.sleep(0.2)
        assert unembedded([later], STATIC) == 0
    finally:
        process.terminate()
        process.wait(10)
