"""What a live event carries besides the version: the stories new since the last event,
drawn as the screen draws them, so the projector and console insert them at once instead of
refetching their whole panel (they still do, now and then, to catch up on the rest)."""

from flask import render_template
from flask_babel import force_locale
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ai_workshop.extensions import db
from ai_workshop.models import Story, Workshop
from ai_workshop.stories.masking import personal_data_labels

SCREENS = ("projector", "console")
# More new stories than this in one event: the screen is better off refetching.
MOST_PUSHED = 60
# The projector's ticker shows this many headlines: older new ones are not drawn at all.
TICKER_SHOWN = 4


def latest_story_id(workshop_id: int) -> int:
    found = db.session.scalar(select(func.max(Story.id)).where(Story.workshop_id == workshop_id))
    return found or 0


def _pushes(workshop: Workshop, screen: str) -> bool:
    """Only Discovery's stories wall and feed take single stories; other screens refetch."""
    if workshop.phase != "discover":
        return False
    if screen == "projector":
        return not workshop.themes_shown and not workshop.table_count
    return screen == "console"


def story_total(workshop_id: int) -> int:
    """As the screens count them: every story but the parking lot's."""
    return db.session.scalar(
        select(func.count(Story.id)).where(
            Story.workshop_id == workshop_id, Story.parked.is_(False)
        )
    )


def new_items(workshop: Workshop, screen: str, after_id: int) -> tuple[list[dict], int, bool]:
    """(items to insert, the newest story id seen, whether the screen must refetch instead)."""
    if screen not in SCREENS or not _pushes(workshop, screen):
        return [], latest_story_id(workshop.id), True
    stories = list(
        db.session.scalars(
            select(Story)
            .where(Story.workshop_id == workshop.id, Story.id > after_id)
            .options(selectinload(Story.participant))
            .order_by(Story.id)
            .limit(MOST_PUSHED + 1)
        )
    )
    if len(stories) > MOST_PUSHED:
        return [], latest_story_id(workshop.id), True
    newest = stories[-1].id if stories else after_id
    if screen == "projector":
        shown = [story for story in stories if story.on_projector][-TICKER_SHOWN:]
        with force_locale(workshop.language):
            items = [
                {"id": story.id, "into": "ticker",
                 "html": render_template("phases/discover/_ticker_item.html", story=story)}
                for story in shown
            ]  # fmt: skip
    else:
        items = [
            {"id": story.id, "into": "feed",
             "html": render_template("workshops/_story_card.html", story=story, workshop=workshop,
                                     personal_data={story.id: personal_data_labels(story)})}
            for story in stories
        ]  # fmt: skip
    return items, newest, False
